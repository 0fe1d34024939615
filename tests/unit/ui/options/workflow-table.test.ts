import { describe, expect, it } from "vitest"
import type { Recommendation } from "~src/domain/stats"
import { changesOf, draftOf, filterRows, loosensModel, nextSort, sortRows, workflowRows, type WorkflowRow } from "~src/ui/options/workflow-table"
import { makeWorkflow } from "../popup/fake-background"
import { workflowStats } from "./stats-fixture"

const hold: Recommendation = { action: "hold", to: null, rule: "r", evidence: [] }
const copy = makeWorkflow({ id: "email-copy", name: "Email copy", model: "approve", quorum: 2 })
const router = makeWorkflow({ id: "lead-router", name: "Lead router", model: "exception", threshold: 0.8, expiryHours: 24 })
const flows = makeWorkflow({ id: "flows", name: "automated flows", model: "monitor", paused: true })

function rows(): WorkflowRow[] {
  return workflowRows(
    [copy, router, flows],
    [
      workflowStats({ workflowId: "email-copy", name: "Email copy", model: "approve", recommendation: hold }),
      workflowStats({
        workflowId: "lead-router",
        name: "Lead router",
        model: "exception",
        recommendation: hold,
        counts: { proposals: 5, decisions: 0, approved: 0, edited: 0, rejected: 0, reverted: 0, autoApproved: 5, expired: 0, pending: 9 },
        rates: { approval: 0, edit: 0, reject: 0, revert: 0 },
        series: [{ day: "2026-11-25", decisions: 0, executed: 5, autoApproved: 5, approval: 0, edit: 0, reject: 0, revert: 0, medianReviewMs: null }]
      })
    ]
  )
}
const names = (list: WorkflowRow[]) => list.map((r) => r.workflow.id)

describe("the workflow table's rows", () => {
  it("take pending counts and rates from the stats, and leave rates empty where there was nothing to rate", () => {
    const [a, b, c] = rows()
    expect(a).toMatchObject({ pending: 2, rates: { approval: 0.935, edit: 0.048, reject: 0.016, revert: null } })
    // Only auto-approvals, all of which ran: no people's rates, a real 0% revert rate.
    expect(b).toMatchObject({ pending: 9, rates: { approval: null, edit: null, reject: null, revert: 0 } })
    expect(c).toMatchObject({ pending: null, rates: { approval: null, edit: null, reject: null, revert: null } })
  })

  it("filter by name or id (any case), by model and to the paused ones", () => {
    expect(names(filterRows(rows(), { text: "ROUTER", model: "all", pausedOnly: false }))).toEqual(["lead-router"])
    expect(names(filterRows(rows(), { text: "email-", model: "all", pausedOnly: false }))).toEqual(["email-copy"])
    expect(names(filterRows(rows(), { text: "", model: "monitor", pausedOnly: false }))).toEqual(["flows"])
    expect(names(filterRows(rows(), { text: "", model: "all", pausedOnly: true }))).toEqual(["flows"])
    expect(names(filterRows(rows(), { text: "copy", model: "exception", pausedOnly: false }))).toEqual([])
  })

  it("sort by name case-insensitively, by model from strictest to loosest, and by numbers", () => {
    expect(names(sortRows(rows(), { key: "name", direction: "ascending" }))).toEqual(["flows", "email-copy", "lead-router"])
    expect(names(sortRows(rows(), { key: "model", direction: "ascending" }))).toEqual(["email-copy", "flows", "lead-router"])
    expect(names(sortRows(rows(), { key: "model", direction: "descending" }))).toEqual(["lead-router", "flows", "email-copy"])
    expect(names(sortRows(rows(), { key: "quorum", direction: "descending" }))[0]).toBe("email-copy")
  })

  it("sort what has no value last, whichever the direction", () => {
    expect(names(sortRows(rows(), { key: "pending", direction: "ascending" }))).toEqual(["email-copy", "lead-router", "flows"])
    expect(names(sortRows(rows(), { key: "pending", direction: "descending" }))).toEqual(["lead-router", "email-copy", "flows"])
    expect(names(sortRows(rows(), { key: "deadline", direction: "descending" }))).toEqual(["lead-router", "flows", "email-copy"])
  })

  it("sort by a new column ascending first, then flip", () => {
    expect(nextSort({ key: "name", direction: "descending" }, "pending")).toEqual({ key: "pending", direction: "ascending" })
    expect(nextSort({ key: "pending", direction: "ascending" }, "pending")).toEqual({ key: "pending", direction: "descending" })
  })
})

describe("a row's changes", () => {
  it("are nothing until the admin changes something", () => {
    expect(changesOf(router, draftOf(router))).toEqual({ ok: true, update: null })
  })

  it("are only the fields that changed, as the partial PUT body", () => {
    expect(changesOf(router, { ...draftOf(router), threshold: "0.85", expiryHours: "" })).toEqual({ ok: true, update: { threshold: 0.85, expiryHours: null } })
    expect(changesOf(copy, { ...draftOf(copy), paused: true, expiryHours: "48" })).toEqual({ ok: true, update: { paused: true, expiryHours: 48 } })
  })

  it("refuse values out of range or not numbers, naming the column", () => {
    expect(changesOf(copy, { ...draftOf(copy), quorum: "11" })).toMatchObject({ ok: false, message: expect.stringMatching(/^Quorum: /) })
    expect(changesOf(copy, { ...draftOf(copy), threshold: "1.5" })).toMatchObject({ ok: false, message: expect.stringMatching(/^Threshold: /) })
    expect(changesOf(copy, { ...draftOf(copy), threshold: "" })).toEqual({ ok: false, message: "Threshold: enter a number" })
    expect(changesOf(copy, { ...draftOf(copy), expiryHours: "2.5" })).toMatchObject({ ok: false, message: expect.stringMatching(/^Deadline \(hours\): /) })
    expect(changesOf(copy, { ...draftOf(copy), expiryHours: "0" })).toMatchObject({ ok: false })
  })
})

describe("loosening a workflow's model", () => {
  it("is any move towards exception-based review", () => {
    expect(loosensModel(copy, { model: "monitor" })).toBe(true)
    expect(loosensModel(copy, { model: "exception" })).toBe(true)
    expect(loosensModel(flows, { model: "exception" })).toBe(true)
  })

  it("is not tightening, staying, or a change that leaves the model alone", () => {
    expect(loosensModel(router, { model: "monitor" })).toBe(false)
    expect(loosensModel(flows, { model: "approve" })).toBe(false)
    expect(loosensModel(copy, { model: "approve" })).toBe(false)
    expect(loosensModel(copy, { paused: true })).toBe(false)
  })
})
