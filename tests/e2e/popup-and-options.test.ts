/**
 * Issue 7 in real Chromium with the production build: admins change a workflow's oversight
 * model on the options page (server + audit log), reviewers see workflows read-only, the popup
 * opens an item on its page with the panel open, bulk approve of a filtered set reaches the
 * server as that many decisions, and both pages pass axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Proposal } from "~src/domain"
import { SignoffApi } from "../support/api"
import { seriousAxeViolations } from "../support/axe"
import { pollUntil, settleExtensionOpenedPage } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { panel, proposalCard } from "../support/panel"

describe("options page as an admin", () => {
  let session: E2ESession
  let admin: SignoffApi

  beforeAll(async () => {
    session = await startE2ESession({ role: "admin", reviewerName: "Dana Admin" })
    admin = session.reviewer
    // An agent's first proposal creates the workflow with the strict default model.
    await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: "lead-enrichment" }))
  })

  afterAll(async () => {
    await session?.close()
  })

  it("changes a workflow's oversight model on the server and records it in the audit log", async () => {
    expect((await admin.listWorkflows()).find((w) => w.id === "lead-enrichment")?.model).toBe("approve")
    const options = await session.browser.openOptions("workflows")
    const row = options.getByRole("row").filter({ has: options.getByRole("rowheader", { name: "lead-enrichment" }) })
    await row.getByLabel("Oversight model of lead-enrichment").selectOption("monitor")
    await row.getByRole("button", { name: "Save lead-enrichment" }).click()
    // approve → monitor loosens oversight: the console asks first.
    await options.getByRole("alertdialog").getByRole("button", { name: "Loosen oversight" }).click()

    await pollUntil(async () => (await admin.listWorkflows()).find((w) => w.id === "lead-enrichment")?.model === "monitor", "the server to store the new model")
    const entries = await admin.audit()
    const change = entries.find((e) => e.event === "workflow.changed" && e.workflowId === "lead-enrichment")
    expect(change).toBeDefined()
    expect(change?.actor).toMatchObject({ name: "Dana Admin", role: "admin" })
    expect(JSON.stringify(change?.data)).toContain("monitor")
    await options.close()
  })

  it("has no serious or critical axe violations", async () => {
    const options = await session.browser.openOptions("workflows")
    await options.getByRole("rowheader", { name: "lead-enrichment" }).waitFor({ state: "visible", timeout: 20_000 })
    const violations = await seriousAxeViolations(options)
    expect(violations, violations.join("\n")).toEqual([])
    await options.close()
  })
})

describe("options page as a reviewer", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession({ role: "reviewer" })
    await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: "lead-enrichment" }))
  })

  afterAll(async () => {
    await session?.close()
  })

  it("shows the workflows read-only, with no way to change them", async () => {
    const options = await session.browser.openOptions("workflows")
    const table = options.getByRole("table", { name: /read-only/ })
    await table.waitFor({ state: "visible", timeout: 20_000 })
    expect(await table.innerText()).toContain("lead-enrichment")
    expect(await options.getByRole("button", { name: /^Save/ }).count()).toBe(0)
    expect(await options.getByLabel(/Oversight model of/).count()).toBe(0)
    await options.close()
  })
})

describe("popup with a seeded queue", () => {
  let session: E2ESession
  let onRecord: Proposal
  let marketo: Proposal[]
  let hubspotOthers: Proposal[]

  beforeAll(async () => {
    session = await startE2ESession()
    onRecord = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Open me from the popup" }))
    marketo = []
    for (let i = 0; i < 3; i++) {
      marketo.push(
        await session.agent.createProposal(
          proposalFor(
            { platform: "marketo", kind: "email", id: String(1200 + i), url: `https://app-ab12.marketo.com/#EM${1200 + i}A1ZN2` },
            { title: `Marketo email ${1200 + i}` }
          )
        )
      )
    }
    hubspotOthers = [
      await session.agent.createProposal(
        proposalFor({ platform: "hubspot", kind: "contact", id: "301", url: "https://app.hubspot.com/contacts/4410021/record/0-1/301" })
      )
    ]
    await session.syncNow()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("shows the pending count of the whole queue", async () => {
    const popup = await session.browser.openPopup()
    await expect.poll(() => popup.getByTestId("pending-total").textContent(), { timeout: 20_000 }).toBe("5")
    await popup.close()
  })

  it("has no serious or critical axe violations", async () => {
    const popup = await session.browser.openPopup()
    await popup.getByTestId("pending-total").waitFor({ state: "visible", timeout: 20_000 })
    const violations = await seriousAxeViolations(popup)
    expect(violations, violations.join("\n")).toEqual([])
    await popup.close()
  })

  it("opens an item on its target page with the panel open on that proposal", async () => {
    const popup = await session.browser.openPopup()
    const opened = session.browser.context.waitForEvent("page", { timeout: 20_000 })
    await popup.getByRole("button", { name: /^Open me from the popup/ }).click()
    const page = await opened
    await settleExtensionOpenedPage(page, HUBSPOT_CONTACT_101.url)
    await (await panel(page)).waitFor({ state: "visible", timeout: 20_000 })
    const card = await proposalCard(page, onRecord.id)
    await card.waitFor({ state: "visible" })
    expect(await card.locator("button.title-button").getAttribute("aria-expanded")).toBe("true")
    await page.close()
    if (!popup.isClosed()) await popup.close()
  })

  it("bulk-approves a filtered set as that many decisions on the server", async () => {
    const popup = await session.browser.openPopup()
    await popup.getByTestId("pending-total").waitFor({ state: "visible", timeout: 20_000 })
    await popup.getByLabel("Platform").selectOption("marketo")
    await popup.getByRole("button", { name: "Approve all shown (3)" }).click()
    await popup.getByRole("alertdialog").getByRole("button", { name: "Approve 3" }).click()

    await pollUntil(async () => {
      const statuses = await Promise.all(marketo.map((p) => session.reviewer.getProposal(p.id)))
      return statuses.every((p) => p.status === "approved")
    }, "the three Marketo approvals on the server")
    for (const p of marketo) expect((await session.reviewer.getProposal(p.id)).decisions).toHaveLength(1)
    for (const p of [onRecord, ...hubspotOthers]) expect((await session.reviewer.getProposal(p.id)).status).toBe("pending")
    await popup.close()
  })
})
