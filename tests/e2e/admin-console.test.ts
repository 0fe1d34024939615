/**
 * Issue 15 (and issue 13's options parts) in real Chromium with the production build: the options
 * page as a console, navigated by keyboard and by hash links; a workflow's threshold edited in the
 * table reaches the server and the audit log; the Deadlines section saves tier defaults; the
 * Feedback export downloads JSONL; a reviewer sees the admin sections read-only; axe on every section.
 */
import { readFileSync } from "node:fs"
import type { Locator, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DeadlineSettings } from "~src/domain/deadlines"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"
import { seedDatedHistory } from "~server/seed/dated-history"
import { openServerData } from "~server/start"
import { demoHistory } from "~scripts/demo-history"
import { seriousAxeViolations } from "../support/axe"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"

const WORKFLOW = "e2e-enrichment"
/** A workflow with a proposal waiting and nothing decided: the advisor has no outcome to chart. */
const QUIET_WORKFLOW = "e2e-quiet"

/** Waits until the section's heading is there and nothing in it is still loading. */
async function sectionReady(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("main").getByRole("heading", { level: 2, name: heading }).waitFor({ state: "visible", timeout: 20_000 })
  await expect.poll(() => page.getByRole("main").innerText(), { timeout: 20_000 }).not.toMatch(/Loading|Checking your role/)
}

/** Opens a section's file download and returns the file's text. */
async function downloadText(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent("download", { timeout: 20_000 })
  await button.click()
  const file = await download
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") }
}

/**
 * Pixels of one colour on a chart's canvas. uPlot draws series on the canvas (its legend is HTML),
 * so these are the drawn points and lines of the series with that colour.
 */
const pixelsOfColour = (chart: Locator, hex: string) =>
  chart.locator("canvas").evaluate((canvas: HTMLCanvasElement, hex) => {
    const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height)
    let count = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200 && want.every((c, k) => Math.abs(data[i + k]! - c) < 12)) count++
    return count
  }, hex)

/** The advisor's article for one workflow, by its heading ("Segment builder · Approve before execute"). */
const adviceFor = (page: Page, name: string) => page.getByRole("article", { name: new RegExp(`^${name} · `) })

const focusedElement = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }))

describe("the admin console, as an admin", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession({ role: "admin", reviewerName: "Dana Admin" })
    // A decided proposal (for the feedback export) and the workflow it created.
    const proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: WORKFLOW, title: "Fill the job title" }))
    const decided = await session.reviewer.decide(proposal, {
      action: "edit",
      edits: { changes: [{ field: "jobtitle", before: null, after: "VP of Marketing" }] },
      reviewMs: 30_000
    })
    expect(decided.status).toBe(200)
    await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { workflowId: QUIET_WORKFLOW, title: "Waiting, undecided" }))
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

    await pollUntil(
      async () => (await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)?.threshold === 0.75,
      "the server to store the threshold"
    )
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

  it("shows the threshold change in the Audit section's export, with who made it", async () => {
    const options = await session.browser.openOptions("audit")
    await sectionReady(options, "Audit log")
    const { name, text } = await downloadText(options, options.getByRole("button", { name: "Download JSONL" }))
    expect(name).toMatch(/\.jsonl$/)
    const entries = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { event: string; workflowId?: string; actor: { name: string }; data: { after?: { threshold?: number } } })
    const change = entries.find((e) => e.event === "workflow.changed" && e.workflowId === WORKFLOW && e.data.after?.threshold === 0.75)
    expect(change?.actor.name).toBe("Dana Admin")
    await options.close()
  })

  it("asks before loosening a workflow's model: Cancel leaves the server as it was, confirming changes it", async () => {
    expect((await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)?.model).toBe("approve")
    const options = await session.browser.openOptions("workflows")
    await sectionReady(options, "Workflows")
    await options.getByLabel(`Oversight model of ${WORKFLOW}`).selectOption("monitor")
    await options.getByRole("button", { name: `Save ${WORKFLOW}` }).click()
    const dialog = options.getByRole("alertdialog")
    expect(await dialog.innerText()).toMatch(/Monitor and override/)
    await dialog.getByRole("button", { name: "Cancel" }).click()
    expect(await dialog.count()).toBe(0)
    expect((await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)?.model).toBe("approve")

    await options.getByRole("button", { name: `Save ${WORKFLOW}` }).click()
    await options.getByRole("alertdialog").getByRole("button", { name: "Loosen oversight" }).click()
    await pollUntil(
      async () => (await session.reviewer.listWorkflows()).find((w) => w.id === WORKFLOW)?.model === "monitor",
      "the server to store the looser model"
    )
    const change = (await session.reviewer.audit()).filter((e) => e.event === "workflow.changed" && e.workflowId === WORKFLOW).at(-1) as {
      data: { before: { model: string }; after: { model: string } }
    }
    expect(change.data).toMatchObject({ before: { model: "approve" }, after: { model: "monitor" } })
    await options.close()
  })

  it("draws a workflow's only day of decisions as points, and says how far it is from enough data", async () => {
    const options = await session.browser.openOptions("advisor")
    await sectionReady(options, "Loosening advisor")
    const advice = adviceFor(options, WORKFLOW)
    expect(await advice.getByRole("heading", { level: 4 }).innerText()).toBe("Hold: not enough data yet (1 of 50 outcomes)")
    // The one decision was an edit: the Edit series (#1f4fd1) has a single value, which a line alone would not show.
    const rates = advice.getByRole("img", { name: /decision rates per day/ })
    await expect.poll(() => pixelsOfColour(rates, "#1f4fd1")).toBeGreaterThan(10)
    expect(await pixelsOfColour(rates, "#8a4b00"), "nothing ran, so no revert rate is drawn").toBe(0)
    await options.close()
  })

  it("says a workflow with nothing decided has not enough data yet, instead of drawing bare axes", async () => {
    const options = await session.browser.openOptions("advisor")
    await sectionReady(options, "Loosening advisor")
    const advice = adviceFor(options, QUIET_WORKFLOW)
    expect(await advice.innerText()).toContain("Not enough data yet (0 of 50 outcomes): nothing to chart in this window.")
    expect(await advice.getByRole("img").count()).toBe(0)
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
    const lines = readFileSync((await file.path())!, "utf8")
      .trim()
      .split("\n")
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

describe("the advisor on the demo's 60 days of history", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession({
      role: "admin",
      // Not "Dana Admin": the history already has her, and one name for two people would mislead.
      reviewerName: "Erin Admin",
      prepare: async (location, keyDir) => {
        const data = await openServerData(location, { keyDir })
        try {
          await seedDatedHistory(data, demoHistory(new Date()))
        } finally {
          await data.db.destroy()
        }
      }
    })
  }, 300_000)

  afterAll(async () => {
    await session?.close()
  })

  it("recommends a loosen, a tighten and a hold, each beside the numbers it rests on", async () => {
    const options = await session.browser.openOptions("advisor")
    await sectionReady(options, "Loosening advisor")
    const heading = (name: string) => adviceFor(options, name).getByRole("heading", { level: 4 }).innerText()
    expect(await heading("Segment builder")).toBe("Loosen: Approve before execute → Monitor and override")
    expect(await heading("Lead router")).toBe("Tighten: Exception based → Monitor and override")
    expect(await heading("Email copywriter")).toBe("Hold: keep the current model")

    const verdicts = async (name: string) =>
      (
        await adviceFor(options, name)
          .getByRole("table", { name: `Evidence for ${name}` })
          .innerText()
      ).replace(/\s+/g, " ")
    expect(await verdicts("Segment builder")).toMatch(/Reviewed outcomes \d+ .*✓ clears it/)
    expect(await verdicts("Lead router")).toContain("⚠ tightening level")
    expect(await verdicts("Email copywriter")).toMatch(/Edit rate \d+%.*✗ short of it/)
    await options.close()
  })

  it("charts every workflow's days and draws median review time against the 2-minute target", async () => {
    const options = await session.browser.openOptions("advisor")
    await sectionReady(options, "Loosening advisor")
    const articles = options.getByRole("article")
    expect(await articles.count()).toBe(7)
    expect(await options.getByRole("main").innerText()).not.toMatch(/Not enough data yet|no rates to draw|no review times to draw/)
    for (const article of await articles.all()) {
      expect(await article.getByRole("img").count(), await article.getByRole("heading", { level: 3 }).innerText()).toBe(2)
    }
    const copywriter = adviceFor(options, "Email copywriter")
    expect(await copywriter.getByRole("definition").nth(2).innerText()).toMatch(/^median \d+(\.\d)?( s| min) against the 2 min target; \d+% within it$/)
    const review = copywriter.getByRole("img", { name: /median review time per day/ })
    expect(await review.getAttribute("aria-label")).toContain("Reference: Target (2 min)")
    // The median line and its points (#5b3cc4) are drawn, and so is the dashed target (#4a5468).
    expect(await pixelsOfColour(review, "#5b3cc4")).toBeGreaterThan(100)
    expect(await pixelsOfColour(review, "#4a5468")).toBeGreaterThan(50)
    expect(await seriousAxeViolations(options)).toEqual([])
    await options.close()
  })

  it("lists the seven workflows in the table with their pending counts and last 30 days' rates", async () => {
    const options = await session.browser.openOptions("workflows")
    await sectionReady(options, "Workflows")
    const row = options.getByRole("row").filter({ has: options.getByRole("rowheader", { name: "Segment builder" }) })
    expect(await row.innerText()).toMatch(/\d+%/)
    expect(await options.getByRole("table", { name: "Workflows" }).getByRole("rowheader").count()).toBe(7)
    expect(await seriousAxeViolations(options)).toEqual([])
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
