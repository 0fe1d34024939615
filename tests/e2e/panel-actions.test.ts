/**
 * The panel's actions with real (trusted) input in real Chromium: keyboard shortcuts that
 * never fire while the user types in the host page, edit-then-approve, and Revert / Pause
 * workflow on what a monitor-model workflow already executed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SignoffApi } from "../support/api"
import { launchWithExtension, pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, launcherName, openPanel, openProposal } from "../support/panel"

const SALESFORCE_LEAD = {
  platform: "salesforce",
  kind: "lead",
  id: "00Q5g00000AbCdEAAX",
  url: "https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEAAX/view"
} as const

describe("panel actions", () => {
  let session: E2ESession
  let admin: SignoffApi

  beforeAll(async () => {
    session = await startE2ESession()
    admin = new SignoffApi(session.server.url, await session.server.token("admin", "Dana Admin"))
  })

  afterAll(async () => {
    await session?.close()
  })

  it("approves the open item on A once the reviewer is in the panel, but not while they type in the host page's search box", async () => {
    const proposal = await session.agent.createProposal(proposalFor(SALESFORCE_LEAD, { title: "Keyboard approval" }))
    await session.syncNow()
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, SALESFORCE_LEAD.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)

    const search = page.getByRole("textbox", { name: "Search" })
    await search.click()
    await page.keyboard.type("are a")
    expect(await search.inputValue()).toContain("are a")
    // Give a wrongly-bound shortcut time to send its decision through the background.
    await page.waitForTimeout(1_000)
    expect(await card.innerText()).not.toMatch(/queued/i)
    expect((await session.reviewer.getProposal(proposal.id)).status).toBe("pending")

    // Keys act only inside the panel, once the reviewer put themselves there: a real click on its summary.
    await card.locator(".summary").click()
    await page.keyboard.press("a")
    await pollUntil(async () => (await session.reviewer.getProposal(proposal.id)).status === "approved", "the keyboard approval on the server")
    await page.close()
  })

  it("sends the reviewer's edited text with Edit → Save and approve", async () => {
    const email = { platform: "hubspot", kind: "email", id: "1100", url: "https://app.hubspot.com/email/4410021/edit/1100/content" } as const
    const proposal = await session.agent.createProposal(
      proposalFor(email, {
        title: "Shorter subject line",
        change: { kind: "content", field: "subject", format: "text", before: "Meet the spring line-up", after: "Spring is here!!!" }
      })
    )
    await session.syncNow()
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, email.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    await action(card, "Edit").click()
    await card.getByLabel("Edit proposed subject").fill("Spring is here")
    await card.getByRole("button", { name: "Save and approve" }).click()

    await pollUntil(async () => (await session.reviewer.getProposal(proposal.id)).status === "approved", "the edited approval on the server")
    const onServer = await session.reviewer.getProposal(proposal.id)
    expect(onServer.decisions.map((d) => d.action)).toEqual(["edit"])
    expect(onServer.editedChange).toMatchObject({ kind: "content", after: "Spring is here" })
    await page.close()
  })

  it("reverts an executed item and pauses its monitor-model workflow", async () => {
    await admin.putWorkflow("nurture-flow", { name: "Nurture flow builder", model: "monitor" })
    const target = { platform: "hubspot", kind: "workflow", id: "3300", url: "https://app.hubspot.com/workflows/4410021/platform/flow/3300/edit" } as const
    const executed = async (title: string) => {
      const created = await session.agent.createProposal(
        proposalFor(target, {
          workflowId: "nurture-flow",
          title,
          change: { kind: "flow", steps: [{ op: "add", stepId: `wait-${title.length}`, description: "Wait 3 days", after: "Delay 3 days" }] }
        })
      )
      expect(created.status).toBe("auto_approved") // monitor: the AI acts first
      return session.agent.reportExecution(created, "executed")
    }
    const toRevert = await executed("Add a wait step")
    const toPause = await executed("Add another wait step")
    await session.syncNow()

    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, target.url)
    await openPanel(page)
    await action(await openProposal(page, toRevert.id), "Revert").click()
    await pollUntil(async () => (await session.reviewer.getProposal(toRevert.id)).status === "reverted", "the revert on the server")

    await action(await openProposal(page, toPause.id), "Pause workflow").click()
    await pollUntil(async () => (await admin.listWorkflows()).find((w) => w.id === "nurture-flow")?.paused === true, "the workflow to be paused")
    await page.close()
  })
})

describe("an extension that is not connected yet", () => {
  it("says so on the launcher instead of failing silently", async () => {
    const browser = await launchWithExtension()
    try {
      const page = await browser.context.newPage()
      await page.goto(HUBSPOT_CONTACT_101.url)
      await expect.poll(() => launcherName(page), { timeout: 20_000 }).toBe("Signoff: not connected")
    } finally {
      await browser.close()
    }
  })
})
