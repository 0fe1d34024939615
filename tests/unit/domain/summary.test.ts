import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { type DailySummary, type SummaryItem, isEscalation, spotCheckSample, summaryReportRows } from "~src/domain/summary"

const item = (proposalId: string): { proposalId: string } => ({ proposalId })
const ids = (items: ReadonlyArray<{ proposalId: string }>) => items.map((i) => i.proposalId)
/** A rank like the server's: a hash of the day, the workflow and the proposal (unkeyed here). */
const rankFor = (date: string, workflowId: string) => (proposalId: string) =>
  createHash("sha256").update(`${date}\u0000${workflowId}\u0000${proposalId}`).digest("hex")

const ran = Array.from({ length: 40 }, (_, i) => item(`p${String(i).padStart(2, "0")}`))

describe("the spot-check sample", () => {
  it("takes the `size` items of what ran that rank lowest", () => {
    const rank = rankFor("2026-11-02", "wf")
    const lowest = ids(ran)
      .sort((a, b) => (rank(a) < rank(b) ? -1 : 1))
      .slice(0, 5)
    expect(new Set(ids(spotCheckSample(ran, 5, rank)))).toEqual(new Set(lowest))
  })

  it("takes everything when fewer ran than the size, and nothing at size 0", () => {
    expect(ids(spotCheckSample(ran.slice(0, 3), 5, rankFor("2026-11-02", "wf")))).toEqual(["p00", "p01", "p02"])
    expect(spotCheckSample(ran, 0, rankFor("2026-11-02", "wf"))).toEqual([])
  })

  it("is the same sample every time for the same day and workflow, whatever the input order", () => {
    const rank = rankFor("2026-11-02", "wf")
    const once = ids(spotCheckSample(ran, 5, rank))
    expect(ids(spotCheckSample(ran, 5, rank))).toEqual(once)
    expect(new Set(ids(spotCheckSample([...ran].reverse(), 5, rank)))).toEqual(new Set(once))
  })

  it("differs between days and between workflows", () => {
    const monday = ids(spotCheckSample(ran, 5, rankFor("2026-11-02", "wf")))
    expect(ids(spotCheckSample(ran, 5, rankFor("2026-11-03", "wf")))).not.toEqual(monday)
    expect(ids(spotCheckSample(ran, 5, rankFor("2026-11-02", "other")))).not.toEqual(monday)
  })

  it("keeps the items in the order they ran", () => {
    const sample = ids(spotCheckSample(ran, 8, rankFor("2026-11-02", "wf")))
    expect(sample).toEqual([...sample].sort())
  })

  it("keeps an item sampled as more items run, unless one of them ranks lower", () => {
    const rank = rankFor("2026-11-02", "wf")
    const morning = spotCheckSample(ran.slice(0, 20), 5, rank)
    const evening = spotCheckSample(ran, 5, rank)
    const newcomers = ids(evening).filter((id) => !ids(morning).includes(id))
    for (const dropped of ids(morning).filter((id) => !ids(evening).includes(id))) expect(newcomers.every((id) => rank(id) < rank(dropped))).toBe(true)
    expect(newcomers.every((id) => ran.findIndex((r) => r.proposalId === id) >= 20)).toBe(true)
  })
})

describe("escalations", () => {
  it("are what went to a person for a reason other than the model itself", () => {
    for (const reason of ["rule", "paused", "edge_case", "below_threshold", "target_changed"] as const) expect(isEscalation(reason)).toBe(true)
    for (const reason of ["approve_model", "monitor_model", "meets_threshold", "legacy"] as const) expect(isEscalation(reason)).toBe(false)
  })
})

describe("the downloadable report", () => {
  const summaryItem = (proposalId: string): SummaryItem => ({
    proposalId,
    version: 3,
    status: "executed",
    revertible: true,
    title: `Item ${proposalId}`,
    target: { platform: "hubspot", kind: "contact", id: "101", url: "https://app.hubspot.com/contacts/1/record/0-1/101" },
    at: "2026-11-02T09:00:00.000Z",
    actor: { name: "bot", role: "agent" },
    detail: null
  })

  it("has one row per item and section, escalations with their reason", () => {
    const summary: DailySummary = {
      date: "2026-11-02",
      workflows: [
        {
          workflowId: "enrich",
          name: "Enrich",
          model: "monitor",
          paused: false,
          executed: [summaryItem("a"), summaryItem("b")],
          autoApproved: [summaryItem("a")],
          reverted: [],
          failed: [],
          escalated: [{ ...summaryItem("c"), status: "pending", revertible: false, reason: "rule", ruleId: "big-bulk" }],
          spotCheck: { size: 1, population: 2, items: [summaryItem("b")] }
        }
      ]
    }
    const rows = summaryReportRows(summary)
    expect(rows.map((r) => [r.section, r.proposal_id])).toEqual([
      ["executed", "a"],
      ["executed", "b"],
      ["autoApproved", "a"],
      ["escalated", "c"],
      ["spotCheck", "b"]
    ])
    expect(rows[3]).toMatchObject({ workflow_id: "enrich", reason: "rule", status: "pending" })
    expect(rows[0]).toMatchObject({
      date: "2026-11-02",
      version: 3,
      platform: "hubspot",
      target_id: "101",
      reason: null,
      url: "https://app.hubspot.com/contacts/1/record/0-1/101"
    })
  })
})
