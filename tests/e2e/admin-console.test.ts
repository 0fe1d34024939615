/**
 * Issue 15 (and issue 13's options parts) in real Chromium with the production build: the options
 * page as a console, navigated by keyboard and by hash links; a workflow's threshold edited in the
 * table reaches the server and the audit log; the Deadlines section saves tier defaults; the
 * Feedback export downloads JSONL; a reviewer sees the admin sections read-only; axe on every section.
 */
import { readFileSync } from "node:fs"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DeadlineSettings } from "~src/domain/deadlines"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"
import { seriousAxeViolations } from "../support/axe"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"

const WORKFLOW = "e2e-enrichment"

/** Waits until the section's heading is there and nothing in it is still loading. */
async function sectionReady(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("main").getByRole("heading", { level: 2, name: heading }).waitFor({ state: "visible", timeout: 20_000 })
  await expect.poll(() => page.getByRole("main").innerText(), { timeout: 20_000 }).not.toMatch(/Loading|Checking your role/)
}

const focusedElement = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }))

describe("the admin console, as an admin", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession({ role: "admin", reviewerName: "Dana Admin" })
    // A decided proposal (for the feedback export) and the workflow it created.
    const proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: WORKFLOW, title: "Fill the job title" }))
    const decided = await session.reviewer.decide(proposal, { action: "edit", edits: { changes: [{ field: "jobtitle", before: null, after: "VP of Marketing" }] }, reviewMs: 30_000 })
    expect(decided.status).toBe(200)
  })

  afterAll(async () => {
    await session?.close()
  })

  it("is navigated by keyboard: Tab reaches the section links, Enter opens one and focus lands on its heading", async () => {
    const options = await session.browser.openOptions()
    await sectionReady(options, "Connection")
    let focused = await focusedElement(options)
    for (let i = 0; i < 12 && focused.text !== "Workflows"; i++) {
      await options.keyboard.press("Tab")
      focused = await focusedElement(options)
    }
    expect(focused).toEqual({ tag: "A", text: "Workflows" })
    await options.keyboard.press("Enter")
    await sectionReady(options, "Workflows")
    expect(new URL(options.url()).hash).toBe("#workflows")
    expect(await focusedElement(options)).toEqual({ tag: "H2", text: "Workflows" })
    expect(await options.getByRole("link", { name: "Workflows" }).getAttribute("aria-current")).toBe("page")
    await options.close()
  })

  it("opens the section a hash link names, and follows the browser's back button", async () => {
    const options = await session.browser.openOptions("advisor")
    await sectionReady(options, "Loosening advisor")
    await options.getByRole("link", { name: "Deadlines" }).click()
    await sectionReady(options, "Deadlines")
    await options.goBack()
    await sectionReady(options, "Loosening advisor")
    expect(await options.getByLabel("Server URL").count()).toBe(0)
    await options.close()
  })

  it("edits a workflow's threshold in the table: the server stores it and the audit log records it", async () => {
    const before = (await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)!
    expect(before.threshold).not.toBe(0.75)
    const options = await session.browser.openOptions("workflows")
    await sectionReady(options, "Workflows")
    await options.getByLabel(`Threshold of ${WORKFLOW}`).fill("0.75")
    await options.getByRole("button", { name: `Save ${WORKFLOW}` }).click()

    await pollUntil(async () => (await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)?.threshold === 0.75, "the server to store the threshold")
    const after = (await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)!
    expect({ ...after, threshold: before.threshold, updatedAt: before.updatedAt }).toEqual(before)
    const change = (await session.reviewer.audit()).filter((e) => e.event === "workflow.changed" && e.workflowId === WORKFLOW).at(-1) as {
      actor: unknown
      data: { before: { threshold: number }; after: { threshold: number } }
    }
    expect(change.actor).toMatchObject({ name: "Dana Admin", role: "admin" })
    expect(change.data.before.threshold).toBe(before.threshold)
    expect(change.data.after.threshold).toBe(0.75)
    await expect.poll(() => options.getByRole("row").filter({ hasText: WORKFLOW }).getByRole("status").innerText()).toBe("Saved")
    await options.close()
  })

  it("saves default deadlines per tier and the reminder share in the Deadlines section", async () => {
    const options = await session.browser.openOptions("deadlines")
    await sectionReady(options, "Deadlines")
    await options.getByLabel("Approve before execute").fill("48")
    await options.getByLabel("Exception based").fill("")
    await options.getByLabel(/Remind at/).fill("70")
    await options.getByRole("button", { name: "Save deadlines" }).click()
    await options.getByText("Deadlines saved. The change is recorded in the audit log.").waitFor({ timeout: 20_000 })

    const saved = await session.reviewer.ok<DeadlineSettings>("GET", "/v1/settings/deadlines")
    expect(saved).toEqual({ defaultExpiryHours: { approve: 48, monitor: null, exception: null }, reminderShare: 0.7 })
    const change = (await session.reviewer.audit()).find((e) => e.event === "deadlines.changed")
    expect(change?.actor).toMatchObject({ name: "Dana Admin" })
    await options.close()
  })

  it("downloads the feedback export for a workflow as JSONL", async () => {
    const options = await session.browser.openOptions("feedback")
    await sectionReady(options, /Feedback/)
    await options.getByLabel("Workflow").selectOption(WORKFLOW)
    const download = options.waitForEvent("download", { timeout: 20_000 })
    await options.getByRole("button", { name: "Download feedback (JSONL)" }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`signoff-feedback-${WORKFLOW}.jsonl`)
    const lines = readFileSync((await file.path())!, "utf8").trim().split("\n")
    expect(lines).toHaveLength(1)
    const record = JSON.parse(lines[0]!) as { workflowId: string; outcome: string; edit: { reviewerChange: unknown } }
    expect(record).toMatchObject({ workflowId: WORKFLOW, outcome: "edited" })
    expect(JSON.stringify(record.edit.reviewerChange)).toContain("VP of Marketing")
    await options.getByText(`Downloaded signoff-feedback-${WORKFLOW}.jsonl (1 decided proposals).`).waitFor()
    await options.close()
  })

  it("has no serious or critical axe violations on any section", async () => {
    const options = await session.browser.openOptions()
    for (const section of CONSOLE_SECTIONS) {
      await options.getByRole("link", { name: section.label }).click()
      await sectionReady(options, /./)
      expect(await seriousAxeViolations(options), `section ${section.id}`).toEqual([])
    }
    await options.close()
  })
})

describe("the admin console, as a reviewer", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession({ role: "reviewer", reviewerName: "Rita Reviewer" })
    await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: WORKFLOW }))
  })

  afterAll(async () => {
    await session?.close()
  })

  it("shows every admin section read-only, saying why, with nothing to change or export", async () => {
    const options = await session.browser.openOptions()
    for (const section of CONSOLE_SECTIONS.filter((s) => s.needsAdmin)) {
      await expect.poll(() => options.getByRole("link", { name: section.label }).innerText()).toContain("(read-only)")
      await options.getByRole("link", { name: section.label }).click()
      await sectionReady(options, /./)
      expect(await options.getByRole("main").innerText(), section.id).toMatch(/Read-only: you are connected as Rita Reviewer with the reviewer role/)
    }
    await options.getByRole("link", { name: /^Workflows/ }).click()
    await options.getByRole("table", { name: "Workflows (read-only)" }).waitFor()
    expect(await options.getByRole("button", { name: /^Save/ }).count()).toBe(0)
    await options.getByRole("link", { name: /^Deadlines/ }).click()
    await sectionReady(options, "Deadlines")
    expect(await options.getByLabel("Approve before execute").getAttribute("readonly")).not.toBeNull()
    expect(await options.getByRole("button", { name: "Save deadlines" }).count()).toBe(0)
    await options.getByRole("link", { name: /^Feedback/ }).click()
    await sectionReady(options, /Feedback/)
    expect(await options.getByRole("button", { name: "Download feedback (JSONL)" }).isDisabled()).toBe(true)
    await options.close()
  })

  it("has no serious or critical axe violations on any section", async () => {
    const options = await session.browser.openOptions()
    for (const section of CONSOLE_SECTIONS) {
      await options.getByRole("link", { name: new RegExp(`^${section.label}`) }).click()
      await sectionReady(options, /./)
      expect(await seriousAxeViolations(options), `section ${section.id}`).toEqual([])
    }
    await options.close()
  })
})
