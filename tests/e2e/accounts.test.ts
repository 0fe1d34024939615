/**
 * Issue 10's account binding in real Chromium with the production build: a decision queued while
 * the server was down, under Ana's account, is not sent with Ben's token after the extension is
 * switched to Ben; it stays visible as Ana's until Ana connects again. And a server URL of another
 * origin needs the token entered again.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Proposal } from "~src/domain"
import { SignoffApi } from "../support/api"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, syncExtension, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal } from "../support/panel"
import type { TestServer } from "../support/server"

describe("switching accounts with a decision queued", () => {
  let session: E2ESession
  let server: TestServer
  let dir: string
  let proposal: Proposal
  let benToken: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "signoff-e2e-accounts-"))
    session = await startE2ESession({ dbPath: join(dir, "signoff.sqlite"), reviewerName: "Ana Reviewer" })
    server = session.server
    benToken = await server.token("reviewer", "Ben Reviewer")
    proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Queued by Ana" }))
    await session.syncNow()
  })

  afterAll(async () => {
    await session?.browser.close()
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("does not send it with the new account's token, shows it as the other account's, and sends it when that account is back", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    await server.close()
    await action(card, "Approve").click()
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/queued/i)
    await page.close()

    // Ben takes over this browser while the server is still down; then it comes back.
    await session.browser.configure(server.url, benToken)
    server = await server.restart()
    const asBen = new SignoffApi(server.url, benToken)
    await syncExtension(session.browser)
    await syncExtension(session.browser)
    const untouched = await asBen.getProposal(proposal.id)
    expect(untouched.status).toBe("pending")
    expect(untouched.decisions).toEqual([])

    const popup = await session.browser.openPopup()
    const row = popup.getByRole("listitem").filter({ hasText: "Queued by Ana" })
    await expect
      .poll(() => row.innerText(), { timeout: 20_000 })
      .toMatch(/Queued by Ana Reviewer on http:\/\/127\.0\.0\.1:\d+: approve, sent only when that account is connected again/)
    expect(await row.getByRole("button", { name: "Discard Ana Reviewer's queued decision on Queued by Ana" }).count()).toBe(1)
    await popup.close()

    await session.browser.configure(server.url, session.reviewer.token)
    await pollUntil(async () => {
      await syncExtension(session.browser).catch(() => undefined)
      return (await asBen.getProposal(proposal.id)).status === "approved"
    }, "Ana's approval to go out with Ana's token")
    expect((await asBen.getProposal(proposal.id)).decisions.map((d) => d.actor.name)).toEqual(["Ana Reviewer"])
  })

  it("asks for the token again when the server URL moves to another origin", async () => {
    const options = await session.browser.openOptions()
    const elsewhere = server.url.replace("127.0.0.1", "localhost")
    await options.getByLabel("Server URL", { exact: true }).fill(elsewhere)
    await options.getByRole("button", { name: "Save", exact: true }).click()
    await expect.poll(() => options.getByRole("alert").first().innerText()).toMatch(/another server: enter its API token/)
    const settings = await session.browser.sendMessage<{ serverUrl: string; hasToken: boolean }>({ type: "settings.get" })
    expect(settings.data).toMatchObject({ serverUrl: server.url, hasToken: true })

    // Even saved without the form's check, the background drops the token rather than send it there.
    const moved = await session.browser.sendMessage<{ serverUrl: string; hasToken: boolean }>({ type: "settings.save", serverUrl: elsewhere })
    expect(moved.data).toMatchObject({ serverUrl: elsewhere, hasToken: false })
    await options.close()
  })
})
