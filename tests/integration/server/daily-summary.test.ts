import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DailySummary, type ProposalCreate, SUMMARY_REPORT_COLUMNS, type WorkflowSummary } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { type Call, client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

/**
 * The daily summary on a server whose clock starts at 10:00 UTC on DAY_1 (and moves on with the
 * wall clock), so every event of the set-up lands on that day whenever the test runs.
 */
const DAY_1 = "2026-11-02"
const DAY_2 = "2026-11-03"
const start = Date.now()
let clockBase = Date.parse(`${DAY_1}T10:00:00.000Z`)

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string

const fieldsChange: ProposalCreate["change"] = { kind: "fields", changes: [{ field: "jobtitle", before: null, after: "VP Marketing" }] }

async function propose(workflowId: string, extra: Partial<ProposalCreate> = {}) {
  const res = await api.createProposal(agent, { workflowId, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: string; version: number; status: string; contentHash?: string }
}
async function execute(p: { id: string; contentHash?: string }, outcome: "executed" | "failed" = "executed", extra: Record<string, unknown> = {}) {
  const res = await api.post(`/v1/proposals/${p.id}/execution`, agent, { outcome, contentHash: p.contentHash, ...extra })
  return res.body as { id: string; version: number; status: string }
}
async function summaryOf(date: string, token = ana): Promise<DailySummary> {
  const res = await api.get(`/v1/summary?date=${date}`, token)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return DailySummary.parse(res.body)
}
const workflow = (summary: DailySummary, id: string): WorkflowSummary => summary.workflows.find((w) => w.workflowId === id)!
const ids = (items: ReadonlyArray<{ proposalId: string }>) => items.map((i) => i.proposalId)

const enrichRan: string[] = []
let enrichFailed: string
let enrichReverted: string
let copyPending: string

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({ now: () => new Date(clockBase + (Date.now() - start)) }))
  await api.put("/v1/workflows/enrich", admin, { name: "Enrich", model: "monitor", spotCheckSize: 3 })
  await api.put("/v1/workflows/triage", admin, {
    name: "Triage",
    model: "exception",
    threshold: 0.9,
    reviewRules: [{ id: "field-writes", description: "record fields", match: { changeKinds: ["fields"] } }]
  })
  await api.put("/v1/workflows/copy", admin, { name: "Copy", model: "approve" })
  await api.put("/v1/workflows/nurture", admin, { name: "Nurture", model: "monitor", paused: true })

  // enrich (monitor): 8 auto-approved; 6 executed, one of them then reverted; 1 failed; 1 not run yet.
  for (let i = 0; i < 8; i++) {
    const p = await propose("enrich", { title: `Enrich contact ${i}` })
    if (i < 6) {
      await execute(p)
      enrichRan.push(p.id)
    } else if (i === 6) {
      await execute(p, "failed", { detail: "API quota" })
      enrichFailed = p.id
    } else enrichRan.push(p.id)
  }
  const toRevert = (await api.get(`/v1/proposals/${enrichRan[0]}`, ana)).body
  expect(
    (await api.decide(ana, toRevert.id, { action: "revert", reason: { code: "inaccurate", text: "wrong company" }, proposalVersion: toRevert.version })).status
  ).toBe(200)
  enrichReverted = toRevert.id

  // triage (exception): 2 auto-approved, then escalations: low confidence, an edge case, a review rule.
  await propose("triage", { confidence: 0.95 })
  await propose("triage", { confidence: 0.97 })
  await propose("triage", { confidence: 0.5, title: "Unsure" })
  await propose("triage", { confidence: 0.99, risk: { edgeCase: true }, title: "Edge case" })
  await propose("triage", { confidence: 0.99, change: fieldsChange, title: "Field write" })

  // copy (approve): one waits (the model's own doing, not an escalation); one approved and run;
  // one approved but its target moved: back to a person.
  copyPending = (await propose("copy", { title: "Waiting" })).id
  const approved = await propose("copy", { title: "Approved and run" })
  const cleared = (await api.decide(ana, approved.id, { action: "approve", proposalVersion: 1 })).body.proposal
  await execute(cleared)
  const moved = await propose("copy", { title: "Target moved", baseSnapshotHash: "snap-1" })
  const movedApproved = (await api.decide(ana, moved.id, { action: "approve", proposalVersion: 1 })).body.proposal
  expect(
    (await api.post(`/v1/proposals/${moved.id}/execution`, agent, { outcome: "executed", contentHash: movedApproved.contentHash, snapshotHash: "snap-2" }))
      .status
  ).toBe(409)

  // nurture (monitor, paused): held for a person.
  await propose("nurture", { title: "Held by the pause" })
})
afterAll(() => server.close())

describe("what ran", () => {
  it("lists executed, auto-approved, failed and reverted items per workflow", async () => {
    const enrich = workflow(await summaryOf(DAY_1), "enrich")
    expect(enrich.autoApproved).toHaveLength(8)
    expect(ids(enrich.executed)).toEqual(enrichRan.slice(0, 6))
    expect(ids(enrich.failed)).toEqual([enrichFailed])
    expect(ids(enrich.reverted)).toEqual([enrichReverted])
    expect(enrich.reverted[0]).toMatchObject({ actor: { name: "Ana", role: "reviewer" }, detail: "wrong company" })
  })

  it("gives each item what the one-click Revert needs: version, current status, revertible, the target's URL", async () => {
    const enrich = workflow(await summaryOf(DAY_1), "enrich")
    for (const item of enrich.executed) {
      const now = (await api.get(`/v1/proposals/${item.proposalId}`, ana)).body
      expect(item).toMatchObject({ version: now.version, status: now.status, revertible: now.status === "executed" })
      expect(item.target.url).toBe("https://app.hubspot.com/email/1/edit/4242")
    }
    expect(enrich.executed.find((i) => i.proposalId === enrichReverted)).toMatchObject({ status: "reverted", revertible: false })
  })
})

describe("escalations", () => {
  it("list what went to a person under the exception model, with the reason and the rule", async () => {
    const triage = workflow(await summaryOf(DAY_1), "triage")
    expect(triage.autoApproved).toHaveLength(2)
    expect(triage.escalated.map((e) => [e.title, e.reason])).toEqual([
      ["Unsure", "below_threshold"],
      ["Edge case", "edge_case"],
      ["Field write", "rule"]
    ])
    expect(triage.escalated[2]).toMatchObject({ ruleId: "field-writes", status: "pending", revertible: false })
    expect(triage.escalated[0]!.detail).toMatch(/confidence 0.5 < threshold 0.9/)
  })

  it("list a paused workflow's held items and a target that moved, but not what the approve model holds anyway", async () => {
    const summary = await summaryOf(DAY_1)
    expect(workflow(summary, "nurture").escalated.map((e) => e.reason)).toEqual(["paused"])
    const copy = workflow(summary, "copy")
    expect(copy.escalated.map((e) => [e.title, e.reason])).toEqual([["Target moved", "target_changed"]])
    expect(ids(copy.escalated)).not.toContain(copyPending)
  })
})

describe("the spot-check sample", () => {
  it("has the workflow's spotCheckSize items, drawn only from what ran", async () => {
    const enrich = workflow(await summaryOf(DAY_1), "enrich")
    expect(enrich.spotCheck.size).toBe(3)
    // 7 ran: 6 executed (one since reverted) and 1 auto-approved not yet run; the failed one did not.
    expect(enrich.spotCheck.population).toBe(7)
    expect(enrich.spotCheck.items).toHaveLength(3)
    for (const id of ids(enrich.spotCheck.items)) expect(enrichRan).toContain(id)
    expect(ids(enrich.spotCheck.items)).not.toContain(enrichFailed)
  })

  it("uses the default size of 5 for a workflow that set none, and never samples what did not run", async () => {
    const summary = await summaryOf(DAY_1)
    const triage = workflow(summary, "triage")
    expect(triage.spotCheck).toMatchObject({ size: 5, population: 2 })
    expect(triage.spotCheck.items).toEqual(triage.autoApproved)
    const copy = workflow(summary, "copy")
    expect(copy.spotCheck.population).toBe(1)
    expect(copy.spotCheck.items.map((i) => i.title)).toEqual(["Approved and run"])
    expect(workflow(summary, "nurture").spotCheck).toMatchObject({ population: 0, items: [] })
  })

  it("samples nothing at spotCheckSize 0, still counting what ran", async () => {
    await api.put("/v1/workflows/triage", admin, { spotCheckSize: 0 })
    const triage = workflow(await summaryOf(DAY_1), "triage")
    expect(triage.spotCheck).toEqual({ size: 0, population: 2, items: [] })
    await api.put("/v1/workflows/triage", admin, { spotCheckSize: 5 })
  })

  it("is the same sample for a day however often it is asked, also once the next day has items", async () => {
    const first = workflow(await summaryOf(DAY_1), "enrich").spotCheck.items
    expect(workflow(await summaryOf(DAY_1), "enrich").spotCheck.items).toEqual(first)
    clockBase += 86_400_000
    for (let i = 0; i < 4; i++) await execute(await propose("enrich", { title: `Next day ${i}` }))
    const day2 = workflow(await summaryOf(DAY_2), "enrich")
    expect(day2.executed.map((i) => i.title)).toEqual(["Next day 0", "Next day 1", "Next day 2", "Next day 3"])
    expect(day2.spotCheck.population).toBe(4)
    expect(ids(workflow(await summaryOf(DAY_1), "enrich").spotCheck.items)).toEqual(ids(first))
  })

  it("lets a reviewer revert a sampled item with its version, in one request", async () => {
    const item = workflow(await summaryOf(DAY_1), "enrich").spotCheck.items.find((i) => i.revertible)!
    const res = await api.decide(ana, item.proposalId, { action: "revert", proposalVersion: item.version })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.proposal.status).toBe("reverted")
    const after = workflow(await summaryOf(DAY_1), "enrich").spotCheck.items.find((i) => i.proposalId === item.proposalId)!
    expect(after).toMatchObject({ status: "reverted", revertible: false, version: item.version + 1 })
  })
})

describe("the downloadable report", () => {
  it("is CSV with a header and one row per item and section, as an attachment", async () => {
    const res = await api.get(`/v1/summary?date=${DAY_1}&format=csv`, ana)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/)
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="signoff-summary-${DAY_1}.csv"`)
    const lines = (res.body as string).trimEnd().split("\r\n")
    expect(lines[0]).toBe(SUMMARY_REPORT_COLUMNS.join(","))
    const summary = await summaryOf(DAY_1)
    const items = summary.workflows.reduce(
      (n, w) => n + w.executed.length + w.autoApproved.length + w.failed.length + w.reverted.length + w.escalated.length + w.spotCheck.items.length,
      0
    )
    expect(lines).toHaveLength(items + 1)
    expect(lines.filter((l) => l.includes(",escalated,"))).toHaveLength(5)
  })

  it("is JSONL with the same rows", async () => {
    const res = await api.get(`/v1/summary?date=${DAY_1}&format=jsonl`, ana)
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/)
    const rows = (res.body as string)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(Object.keys(rows[0])).toEqual([...SUMMARY_REPORT_COLUMNS])
    expect(rows.filter((r) => r.section === "spotCheck" && r.workflow_id === "enrich")).toHaveLength(3)
  })
})

describe("who may read it, and bad queries", () => {
  const refused = (send: () => Promise<Call>, status: number) => expectRefusedWithoutWrites(server, send, status)
  it("refuses an agent (403)", () => refused(() => api.get(`/v1/summary?date=${DAY_1}`, agent), 403))
  it("refuses an impossible date (400)", () => refused(() => api.get("/v1/summary?date=2026-13-01", ana), 400))
  it("refuses a missing date (400)", () => refused(() => api.get("/v1/summary", ana), 400))
  it("refuses an unknown format (400)", () => refused(() => api.get(`/v1/summary?date=${DAY_1}&format=xml`, ana), 400))
  it("refuses an unknown parameter (400)", () => refused(() => api.get(`/v1/summary?date=${DAY_1}&sample=all`, ana), 400))
})
