/**
 * Issue 13 in real Chromium with the production build: the popup's daily summary of yesterday
 * (what ran, the spot-check sample) with a Revert that reaches the server; a reminder before the
 * deadline (badge colour and the opted-in notification, recorded once in Dexie); a co-approver's
 * panel showing the edited version, whose approval records the edited hash, and the history
 * listing the first reviewer's edit; an admin pausing a workflow from the popup (audited).
 *
 * SIGNOFF_E2E_SCREENSHOTS=<dir> keeps screenshots of the new screens for a look.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import type { Page, Worker } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { canonicalHash } from "~sdk/src/hash"
import type { Change, ProposalHistory } from "~src/domain"
import { SignoffApi } from "../support/api"
import { seriousAxeViolations } from "../support/axe"
import { pollUntil } from "../support/browser"
import { startWebhookReceiver } from "../support/webhook-receiver"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal } from "../support/panel"

const DAY_MS = 86_400_000
const HUBSPOT_CONTACT_102 = { ...HUBSPOT_CONTACT_101, id: "102", url: "https://app.hubspot.com/contacts/4410021/record/0-1/102" } as const
const SCREENSHOTS = process.env.SIGNOFF_E2E_SCREENSHOTS

async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** The toolbar badge's background colour, as chrome.action reports it: [r, g, b, a]. */
const badgeColor = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}))
const hex = (rgba: number[]) =>
  `#${rgba
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`

/** What the background recorded as reminded, read from its Dexie database (meta row `remindedProposals`). */
const remindedInDexie = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("signoff")
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const read = open.result.transaction("meta").objectStore("meta").get("remindedProposals")
          read.onsuccess = () => {
            resolve((read.result as { value?: string[] } | undefined)?.value ?? [])
            open.result.close()
          }
          read.onerror = () => reject(read.error)
        }
      })
  )

describe("monitor and override, deadlines and co-approvers (issue 13)", () => {
  let session: E2ESession
  let admin: SignoffApi
  let ben: SignoffApi
  // The server's clock: moved back a day while the agent works "yesterday".
  let clockOffsetMs = 0

  beforeAll(async () => {
    session = await startE2ESession({ role: "admin", reviewerName: "Dana Admin", serverNow: () => new Date(Date.now() + clockOffsetMs) })
    admin = session.reviewer
    ben = new SignoffApi(session.server.url, await session.server.token("reviewer", "Ben Editor"))
  })

  afterAll(async () => {
    await session?.close()
  })

  it("reminds before the deadline: the badge turns urgent and the opted-in notification shows once", async () => {
    // Reminders at 15 % of the time to the deadline: 18 s into a two-minute deadline.
    await admin.ok("PUT", "/v1/settings/deadlines", { reminderShare: 0.15 })
    const popup = await session.browser.openPopup()
    await popup.getByRole("button", { name: /^Escalations/ }).click()
    const optIn = popup.getByLabel(/Desktop notification when a deadline is close/)
    await expect.poll(() => optIn.isEnabled(), { timeout: 20_000 }).toBe(true)
    await optIn.check()
    await pollUntil(
      async () => (await session.browser.sendMessage<{ reminderNotifications?: boolean }>({ type: "settings.get" })).data?.reminderNotifications === true,
      "the opt-in saved"
    )

    const expiresAt = new Date(Date.now() + 120_000).toISOString()
    const proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Deadline in two minutes", expiresAt }))
    expect(proposal.remindAt).toBeDefined()
    await session.syncNow()

    // The deadline, in the popup's queue row and on the panel's card.
    await popup.getByRole("button", { name: "Queue", exact: true }).click()
    const queueRow = popup.getByRole("button", { name: /^Deadline in two minutes/ })
    await expect.poll(() => queueRow.innerText(), { timeout: 20_000 }).toMatch(/expires in \d+ min/)
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/expires in \d+ min/)
    await shot(page, "panel-deadline")
    await page.close()
    const worker = await session.browser.serviceWorker()
    expect(hex(await badgeColor(worker))).toBe("#1a73e8") // fresh: the reminder is still ahead
    expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({})

    // The reminder alarm fires at remindAt with no sync needed.
    await pollUntil(async () => hex(await badgeColor(worker)) === "#d93025", "the badge to turn urgent at the reminder", 60_000)
    await pollUntil(
      async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).includes(proposal.id),
      "the reminder notification",
      20_000
    )
    expect(Date.now()).toBeLessThan(Date.parse(expiresAt)) // before the deadline
    expect(await remindedInDexie(worker)).toEqual([proposal.id])

    // Once per proposal: another sync (and a restarted worker) does not show it again.
    await worker.evaluate((id) => chrome.notifications.clear(id), proposal.id)
    await session.browser.stopServiceWorkers()
    await session.syncNow()
    const restarted = await session.browser.serviceWorker()
    expect(await restarted.evaluate(() => chrome.notifications.getAll())).toEqual({})
    expect(await remindedInDexie(restarted)).toEqual([proposal.id])

    // Escalated by the exception model's threshold (no deadline), an hour earlier on the server's clock:
    // older, so first in the escalation list. (Made after the badge checks: low confidence is urgent.)
    await admin.putWorkflow("lead-scoring", { name: "Lead scoring", model: "exception", threshold: 0.9 })
    clockOffsetMs = -3_600_000
    let escalated: Awaited<ReturnType<typeof session.agent.createProposal>>
    try {
      escalated = await session.agent.createProposal(
        proposalFor(HUBSPOT_CONTACT_102, { workflowId: "lead-scoring", title: "Low-confidence score", confidence: 0.4 })
      )
    } finally {
      clockOffsetMs = 0
    }
    expect(escalated.status).toBe("pending")
    await session.syncNow()

    // The escalation list shows both, oldest first, with the deadline.
    await popup.reload()
    await popup.getByRole("button", { name: /^Escalations/ }).click()
    const list = popup.getByRole("list", { name: /Escalations, oldest first/ })
    await expect.poll(() => list.innerText(), { timeout: 20_000 }).toContain("Deadline in two minutes")
    expect(await list.locator(".row-title").allInnerTexts()).toEqual(["Low-confidence score", "Deadline in two minutes"])
    expect(await list.getByRole("listitem").last().innerText()).toMatch(/expires in (under a minute|\d+ min)/)
    expect(await list.getByRole("listitem").first().innerText()).toContain("escalated: confidence under the threshold")
    await shot(popup, "popup-escalations")
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])
    await popup.close()
    // Leave nothing waiting for the tests below.
    for (const id of [proposal.id, escalated!.id])
      await admin.decide(await admin.getProposal(id), { action: "reject", reason: { code: "other", text: "e2e clean-up" } })
  }, 180_000)

  it("lists yesterday's auto-approved items with a spot-check sample; Revert there reaches the server and the agent, Pause workflow too", async () => {
    const noonYesterday = Date.parse(`${new Date(Date.now() - DAY_MS).toISOString().slice(0, 10)}T12:00:00.000Z`)
    clockOffsetMs = noonYesterday - Date.now()
    let ran: Awaited<ReturnType<typeof session.agent.createProposal>>[]
    try {
      await admin.putWorkflow("enrich", { name: "Contact enrichment", model: "monitor", spotCheckSize: 2 })
      ran = []
      for (const n of [1, 2, 3])
        ran.push(await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: "enrich", title: `Enriched contact ${n}` })))
    } finally {
      clockOffsetMs = 0
    }
    expect(ran.map((p) => p.status)).toEqual(["auto_approved", "auto_approved", "auto_approved"])
    await session.syncNow()

    const popup = await session.browser.openPopup()
    await popup.getByRole("button", { name: /^Daily summary/ }).click()
    const enrich = popup.getByRole("region", { name: /Contact enrichment/ })
    await enrich.waitFor({ state: "visible", timeout: 20_000 })
    expect(await popup.getByRole("heading", { level: 2, name: /Daily summary/ }).innerText()).toContain("(UTC day)")
    expect(await enrich.getByRole("list", { name: /what happened/ }).innerText()).toMatch(/3\s*auto-approved/)
    const sample = enrich.getByRole("list", { name: "Spot-check sample of Contact enrichment" })
    await expect.poll(() => sample.getByRole("listitem").count()).toBe(2)
    await shot(popup, "popup-daily-summary")
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])

    const receiver = await startWebhookReceiver()
    try {
      await admin.ok("POST", "/v1/webhooks", { url: receiver.url, events: ["proposal.reverted"] })
      const title = (await sample.getByRole("listitem").first().locator(".summary-item-title").innerText()).trim()
      const target = ran!.find((p) => p.title === title)!
      // The agent waits on the item it ran (SDK wait: a long-poll past its current version).
      const agentWait = session.agent.request<{ status: string }>("GET", `/v1/proposals/${target.id}/wait?version=${target.version}&timeout=60`)
      await sample.getByRole("button", { name: `Revert ${title}` }).click()
      await pollUntil(async () => (await admin.getProposal(target.id)).status === "reverted", "the revert from the summary on the server")
      const reverted = await admin.getProposal(target.id)
      expect(reverted.decisions.find((d) => d.action === "revert")?.actor).toMatchObject({ name: "Dana Admin" })
      for (const other of ran!.filter((p) => p.id !== target.id)) expect((await admin.getProposal(other.id)).status).toBe("auto_approved")
      // The agent is told: its wait returns the reverted proposal, and the webhook delivers proposal.reverted.
      expect(await agentWait).toMatchObject({ status: 200, body: { status: "reverted" } })
      await receiver.waitFor((received) => received.some((r) => r.type === "proposal.reverted" && r.body.includes(target.id)), 30_000)

      // Pause workflow, from another item of the sample.
      const otherTitle = (await sample.getByRole("listitem").last().locator(".summary-item-title").innerText()).trim()
      expect(otherTitle).not.toBe(title)
      await sample.getByRole("button", { name: `Pause workflow Contact enrichment (from ${otherTitle})` }).click()
      await pollUntil(async () => (await admin.listWorkflows()).find((w) => w.id === "enrich")?.paused === true, "the workflow paused from the summary")
      const pause = (await admin.audit()).filter((e) => e.event === "pause").at(-1)
      expect(pause).toMatchObject({ actor: { name: "Dana Admin" }, workflowId: "enrich" })
    } finally {
      await receiver.close()
    }
    await popup.close()
  })

  it("shows a co-approver the edited version; approving it records the edited hash and offers no second approval, and the history lists the first reviewer's edit", async () => {
    await admin.putWorkflow("brand-copy", { name: "Brand copy", model: "approve", quorum: 3 })
    const email = { platform: "hubspot", kind: "email", id: "1100", url: "https://app.hubspot.com/email/4410021/edit/1100/content" } as const
    const original: Change = { kind: "content", field: "subject", format: "text", before: "Meet the spring line-up", after: "Spring is here!!!" }
    const created = await session.agent.createProposal(proposalFor(email, { workflowId: "brand-copy", title: "Shorter subject line", change: original }))
    const edit = await ben.decide(created, { action: "edit", edits: { after: "Spring is here" }, reviewMs: 20_000 })
    expect(edit.status).toBe(200)
    const edited = (await admin.getProposal(created.id)).editedChange!
    expect(edited).toMatchObject({ after: "Spring is here" })
    await session.syncNow()

    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, email.url)
    await openPanel(page)
    const card = await openProposal(page, created.id)
    const editedVersion = card.getByRole("region", { name: "Edited version" })
    await editedVersion.waitFor({ state: "visible", timeout: 20_000 })
    expect(await editedVersion.innerText()).toContain("Edited by Ben Editor")
    // The diff against the agent's original shows what Ben took out.
    expect(await editedVersion.locator("del").allInnerTexts()).toContain("!!!")
    // The change view shows the edited subject as the one to approve.
    const changeView = card.getByRole("group", { name: "Changes to subject" })
    expect(await changeView.innerText()).not.toContain("!!!")

    await card.getByText("Decision history").click()
    const history = card.getByRole("list", { name: "Decision history, oldest first" })
    await expect.poll(() => history.innerText(), { timeout: 20_000 }).toContain("Ben Editor edited the change and approved it")
    await shot(page, "panel-co-approver")

    await action(card, "Approve").click()
    await pollUntil(async () => (await admin.getProposal(created.id)).approvals === 2, "the second approval on the server")
    // Still waiting for a third person: Dana is not offered Approve again.
    await session.syncNow()
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toContain("You approved this version; it waits for another reviewer.")
    expect(await action(card, "Approve").count()).toBe(0)
    expect(await action(card, "Reject").count()).toBe(1)

    const cleo = new SignoffApi(session.server.url, await session.server.token("reviewer", "Cleo Approver"))
    expect((await cleo.decide(await cleo.getProposal(created.id), { action: "approve", reviewMs: 15_000 })).status).toBe(200)
    const approved = await admin.getProposal(created.id)
    expect(approved.status).toBe("approved")
    expect(approved.contentHash).toBe(canonicalHash(edited))
    expect(approved.contentHash).not.toBe(canonicalHash(original))
    // Both co-approvals are in the history; the one completing the quorum binds the edited hash.
    const approvals = (await admin.ok<ProposalHistory>("GET", `/v1/proposals/${created.id}/history`)).entries.filter((e) => e.type === "approve")
    expect(approvals.map((e) => e.actor?.name)).toEqual(["Dana Admin", "Cleo Approver"])
    expect(approvals.at(-1)).toMatchObject({ contentHash: canonicalHash(edited) })
    await page.close()
  })

  it("shows the edited version and the decision history in the popup's detail", async () => {
    // No URL: the popup opens it in place rather than on its page.
    const unlinked = { platform: "hubspot", kind: "email", id: "1200" } as const
    const created = await session.agent.createProposal(
      proposalFor(unlinked, {
        workflowId: "brand-copy",
        title: "Unlinked subject line",
        change: { kind: "content", field: "subject", format: "text", before: "Hello", after: "Hello there, friend!!!" }
      })
    )
    expect((await ben.decide(created, { action: "edit", edits: { after: "Hello there, friend" }, reviewMs: 9_000 })).status).toBe(200)
    await session.syncNow()

    const popup = await session.browser.openPopup()
    const row = popup.getByRole("button", { name: /^Unlinked subject line/ })
    await row.waitFor({ state: "visible", timeout: 20_000 })
    await row.click()
    const editedVersion = popup.getByRole("region", { name: "Edited version" })
    await editedVersion.waitFor({ state: "visible", timeout: 20_000 })
    expect(await editedVersion.innerText()).toContain("Edited by Ben Editor")
    expect(await editedVersion.locator("del").allInnerTexts()).toContain("!!!")
    await popup.getByText("Decision history").click()
    const history = popup.getByRole("list", { name: "Decision history, oldest first" })
    await expect.poll(() => history.innerText(), { timeout: 20_000 }).toContain("Ben Editor edited the change and approved it")
    expect((await history.getByRole("listitem").first().innerText()).toLowerCase()).toContain("e2e-agent")
    await shot(popup, "popup-detail-history")
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])
    await popup.close()
    await admin.decide(await admin.getProposal(created.id), { action: "reject", reason: { code: "other", text: "e2e clean-up" } })
  })

  it("lets an admin pause a workflow from the popup after confirming, audited by the server", async () => {
    await admin.putWorkflow("lead-routing", { name: "Lead routing", model: "exception" })
    const popup = await session.browser.openPopup()
    await popup.getByRole("button", { name: /^Workflows/ }).click()
    const row = popup.getByRole("listitem", { name: /Lead routing/ })
    await row.waitFor({ state: "visible", timeout: 20_000 })
    expect(await row.innerText()).toContain("Exception based")
    await row.getByRole("button", { name: "Pause Lead routing" }).click()
    const dialog = popup.getByRole("alertdialog")
    expect(await dialog.innerText()).toContain("recorded in the audit log")
    await shot(popup, "popup-workflows-confirm")
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])
    await dialog.getByRole("button", { name: "Pause" }).click()

    await pollUntil(async () => (await admin.listWorkflows()).find((w) => w.id === "lead-routing")?.paused === true, "the workflow paused on the server")
    const changes = (await admin.audit()).filter((e) => e.event === "workflow.changed" && e.workflowId === "lead-routing")
    expect(changes.at(-1)?.actor).toMatchObject({ name: "Dana Admin", role: "admin" })
    expect(JSON.stringify(changes.at(-1)?.data)).toContain('"paused":true')
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain("Paused")
    await shot(popup, "popup-workflows")

    // Switching the model asks first too.
    await row.getByLabel("Oversight model").selectOption("approve")
    expect(await popup.getByRole("alertdialog").innerText()).toContain("to Approve before execute")
    await popup.getByRole("alertdialog").getByRole("button", { name: "Switch model" }).click()
    await pollUntil(async () => (await admin.listWorkflows()).find((w) => w.id === "lead-routing")?.model === "approve", "the model switched on the server")
    await popup.close()
  })

  it("shows a reviewer the workflows' oversight read-only in the popup", async () => {
    await session.browser.configure(session.server.url, await session.server.token("reviewer", "Rita Reviewer"))
    const popup = await session.browser.openPopup()
    await popup.getByRole("button", { name: /^Workflows/ }).click()
    const row = popup.getByRole("listitem", { name: /Lead routing/ })
    await row.waitFor({ state: "visible", timeout: 20_000 })
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain("Approve before execute")
    expect(await row.innerText()).toContain("Paused")
    expect(await popup.getByText(/Admins change these/).count()).toBe(1)
    expect(await popup.getByRole("combobox").count()).toBe(0)
    expect(await popup.getByRole("button", { name: /^(Pause|Resume) / }).count()).toBe(0)
    await shot(popup, "popup-workflows-reviewer")
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])
    await popup.close()
  })
})
