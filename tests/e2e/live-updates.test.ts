/**
 * Issue 16 in real Chromium with the production build: the live channel brings an agent's new
 * proposal to the toolbar badge, an open panel, a record opened just after, and an open popup, and
 * one reviewer's decision to another reviewer's panel — and after an API restart it reconnects
 * and pulls what changed while it was away.
 *
 * No timed assertions, but a window only the live path can meet: the extension's sync alarm is set
 * to its maximum (60 min), and every step starts right after a sync, so the page-view pull (only
 * when the last sync is over 15 s old) cannot run inside the 10 s the test waits. The measured
 * delays are printed; the numbers that matter are in `npm run bench`.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startServer, type RunningServer } from "~server/start"
import { SignoffApi } from "../support/api"
import { launchWithExtension, type ExtensionBrowser } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, syncExtension, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal, proposalCard } from "../support/panel"

/** Shorter than every fallback (60 min alarm, 15 s page-view staleness): only a live nudge fits. */
const LIVE_WINDOW_MS = 10_000

const contact = (id: string) => ({ ...HUBSPOT_CONTACT_101, id, url: `https://app.hubspot.com/contacts/4410021/record/0-1/${id}` })

async function slowestSync(browser: ExtensionBrowser, serverUrl: string): Promise<void> {
  const reply = await browser.sendMessage({ type: "settings.save", serverUrl, syncIntervalMinutes: 60 })
  if (!reply.ok) throw new Error(`settings.save failed: ${JSON.stringify(reply.error)}`)
}

/** Waits (within the live window) until `check` holds; returns how long it took. */
async function within(what: string, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now()
  await expect.poll(check, { timeout: LIVE_WINDOW_MS, interval: 50, message: what }).toBe(true)
  const ms = performance.now() - started
  console.log(`live: ${what} after ${ms.toFixed(0)} ms`)
  return ms
}

describe("live updates", () => {
  let session: E2ESession
  let dir: string
  let restarted: RunningServer | undefined
  let second: ExtensionBrowser | undefined

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "signoff-e2e-live-"))
    session = await startE2ESession({ dbPath: join(dir, "signoff.sqlite") })
    await slowestSync(session.browser, session.server.url)
    await session.syncNow()
  })

  afterAll(async () => {
    await second?.close()
    await session?.browser.close()
    await (restarted ?? session?.server)?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("brings an agent's proposal to the badge, the record's open panel and an open popup", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, contact("201").url)
    await openPanel(page)
    const popup = await session.browser.openPopup()
    const before = Number((await session.browser.badgeText()) || "0")
    await session.syncNow()

    const created = await session.agent.createProposal(proposalFor(contact("201"), { title: "Live to the open panel" }))
    await within("the badge counts it", async () => Number((await session.browser.badgeText()) || "0") === before + 1)
    await within("the open panel shows it", async () => (await proposalCard(page, created.id)).isVisible())
    await within("the open popup lists it", () => popup.getByText("Live to the open panel").first().isVisible())
    await page.close()
    await popup.close()
  })

  it("shows a proposal on a record opened just after the agent created it", async () => {
    await session.syncNow()
    const created = await session.agent.createProposal(proposalFor(contact("202"), { title: "Live to a new page" }))
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, contact("202").url)
    await openPanel(page)
    await within("the just-opened record's panel shows it", async () => (await proposalCard(page, created.id)).isVisible())
    await page.close()
  })

  it("shows a decision taken in one browser profile as decided in another", async () => {
    const target = contact("203")
    const created = await session.agent.createProposal(proposalFor(target, { title: "Decided elsewhere" }))
    second = await launchWithExtension()
    await second.configure(session.server.url, await session.server.token("reviewer", "Ben Reviewer"))
    await slowestSync(second, session.server.url)
    await syncExtension(second)
    const watching = await second.context.newPage()
    await gotoWithPanel(watching, target.url)
    await openPanel(watching)
    const watchedCard = await proposalCard(watching, created.id)
    await watchedCard.waitFor({ state: "visible", timeout: 20_000 })

    const deciding = await session.browser.context.newPage()
    await gotoWithPanel(deciding, target.url)
    await openPanel(deciding)
    await syncExtension(second)
    await action(await openProposal(deciding, created.id), "Approve").click()
    await within("the other profile's panel says approved", async () => /Approved/.test(await watchedCard.innerText()))
    expect((await session.reviewer.getProposal(created.id)).status).toBe("approved")
    await deciding.close()
    await watching.close()
  })

  it("reconnects after an API restart and pulls what changed while it was down", async () => {
    await session.syncNow()
    const before = Number((await session.browser.badgeText()) || "0")
    const { port } = new URL(session.server.url)
    await session.server.close()
    // While the API is away from its port, another server on the same database takes a proposal:
    // no channel can tell the extension; only resuming from its sync cursor finds it.
    const meanwhile = await startServer({ port: 0, db: session.server.dbPath, webhooks: false })
    const missed = await new SignoffApi(meanwhile.url, session.agent.token).createProposal(proposalFor(contact("204"), { title: "Made while away" }))
    await meanwhile.close()
    restarted = await startServer({ port: Number(port), host: "127.0.0.1", db: session.server.dbPath })

    await within("the badge counts what was missed", async () => Number((await session.browser.badgeText()) || "0") === before + 1)
    const onRestarted = new SignoffApi(restarted.url, session.agent.token)
    const after = await onRestarted.createProposal(proposalFor(contact("205"), { title: "Made after the restart" }))
    await within("the badge counts a proposal made after reconnecting", async () => Number((await session.browser.badgeText()) || "0") === before + 2)
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, contact("204").url)
    await openPanel(page)
    await (await proposalCard(page, missed.id)).waitFor({ state: "visible", timeout: 20_000 })
    expect(after.status).toBe("pending")
    await page.close()
  })
})
