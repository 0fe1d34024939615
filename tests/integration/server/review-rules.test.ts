import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditEntry, Proposal, Workflow } from "~src/domain"
import { type ServerWithCast, snapshotDatabase, startServerWithCast } from "./fixtures"

let cast: ServerWithCast
let api: ServerWithCast["api"]

beforeAll(async () => {
  cast = await startServerWithCast()
  api = cast.api
})
afterAll(() => cast.server.close())

const bulkChange = (totalRecords: number) => ({
  kind: "bulk" as const,
  objectType: "contact",
  rule: "Title-case job titles",
  totalRecords,
  sample: [{ recordId: "101", before: { jobtitle: "vp marketing" }, after: { jobtitle: "VP Marketing" } }]
})
const bigBulkRule = { id: "big-bulk", description: "Bulk writes of 1,000 records or more", match: { changeKinds: ["bulk"], minRecords: 1_000 } }

async function auditEntries(): Promise<AuditEntry[]> {
  const text = (await api.get("/v1/audit", cast.admin)).body as string
  return text
    .trim()
    .split("\n")
    .map((line) => AuditEntry.parse(JSON.parse(line)))
}

describe("review rules hold proposals whatever the model", () => {
  it("holds a monitor-model proposal that matches a rule, names the rule, and gives no hash to execute with", async () => {
    const put = await api.put("/v1/workflows/normalize", cast.admin, { name: "Normalize", model: "monitor", reviewRules: [bigBulkRule] })
    expect(Workflow.parse(put.body).reviewRules).toEqual([bigBulkRule])
    const res = await api.createProposal(cast.agent, { workflowId: "normalize", change: bulkChange(5_000), confidence: 1 })
    const proposal = Proposal.parse(res.body)
    expect(proposal.status).toBe("pending")
    expect(proposal.review).toMatchObject({ outcome: "pending", reason: "rule", ruleId: "big-bulk", description: bigBulkRule.description })
    expect(proposal.contentHash).toBeUndefined()
    expect(proposal.decisions).toEqual([])
    const execute = await api.post(`/v1/proposals/${proposal.id}/execution`, cast.agent, { outcome: "executed", contentHash: "x".repeat(64) })
    expect(execute.status).toBe(409)
  })

  it("lets the monitor model run a proposal the rule does not match", async () => {
    const res = await api.createProposal(cast.agent, { workflowId: "normalize", change: bulkChange(999) })
    expect(res.body).toMatchObject({ status: "auto_approved", review: { outcome: "auto_approved", reason: "monitor_model" } })
  })

  it("holds an exception-model proposal at confidence 1 with no edge case when a rule matches", async () => {
    await api.put("/v1/workflows/scoring", cast.admin, {
      name: "Scoring",
      model: "exception",
      threshold: 0.5,
      reviewRules: [{ id: "big-shift", description: "MQL volume moves 10% or more", match: { minMqlShiftPct: 10 } }]
    })
    const scoring = (shift: number) => ({
      kind: "scoring" as const,
      modelName: "Default",
      weights: [{ attribute: "visited pricing", before: 5, after: 15 }],
      expectedMqlShiftPct: shift
    })
    const held = await api.createProposal(cast.agent, { workflowId: "scoring", confidence: 1, risk: { edgeCase: false }, change: scoring(-12) })
    expect(held.body).toMatchObject({ status: "pending", review: { reason: "rule", ruleId: "big-shift" } })
    const small = await api.createProposal(cast.agent, { workflowId: "scoring", confidence: 1, change: scoring(3) })
    expect(small.body).toMatchObject({ status: "auto_approved", review: { reason: "meets_threshold" } })
  })

  it("records the rule on the proposal.created audit entry, with the change's contentHash", async () => {
    const held = (await api.createProposal(cast.agent, { workflowId: "normalize", change: bulkChange(2_000) })).body
    const entry = (await auditEntries()).find((e) => e.event === "proposal.created" && e.proposalId === held.id)!
    expect(entry.data).toMatchObject({
      status: "pending",
      review: { reason: "rule", ruleId: "big-bulk" },
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
  })
})

describe("admins add, edit and remove rules, each change audited", () => {
  it("adds a rule, then replaces it, then removes it, with one audit entry each", async () => {
    await api.put("/v1/workflows/routing", cast.admin, { name: "Routing", model: "monitor" })
    const rule = { description: "Anything on Salesforce", match: { platforms: ["salesforce"] } }
    const added = await api.put("/v1/workflows/routing/rules/sfdc", cast.admin, rule)
    expect(added.status).toBe(201)
    const changed = await api.put("/v1/workflows/routing/rules/sfdc", cast.admin, {
      ...rule,
      description: "Anything on Salesforce or Dynamics",
      match: { platforms: ["salesforce", "dynamics"] }
    })
    expect(changed.status).toBe(200)
    expect(changed.body.reviewRules).toEqual([
      { id: "sfdc", description: "Anything on Salesforce or Dynamics", match: { platforms: ["salesforce", "dynamics"] } }
    ])
    const target = { platform: "dynamics" as const, kind: "lead", id: "1" }
    expect((await api.createProposal(cast.agent, { workflowId: "routing", target })).body.review).toMatchObject({ reason: "rule", ruleId: "sfdc" })
    const removed = await api.call("DELETE", "/v1/workflows/routing/rules/sfdc", { token: cast.admin })
    expect(removed.status).toBe(200)
    expect(removed.body.reviewRules).toEqual([])
    expect((await api.createProposal(cast.agent, { workflowId: "routing", target })).body.status).toBe("auto_approved")
    const events = (await auditEntries()).filter((e) => e.workflowId === "routing" && e.event.startsWith("review_rule.")).map((e) => [e.event, e.actor.name])
    expect(events).toEqual([
      ["review_rule.added", "Olu"],
      ["review_rule.changed", "Olu"],
      ["review_rule.removed", "Olu"]
    ])
  })

  it("lists the rules added, changed and removed on a workflow.changed entry", async () => {
    await api.put("/v1/workflows/bulk-diff", cast.admin, { name: "Bulk diff", model: "monitor", reviewRules: [bigBulkRule] })
    await api.put("/v1/workflows/bulk-diff", cast.admin, {
      name: "Bulk diff",
      model: "monitor",
      reviewRules: [{ id: "all", description: "Everything", match: {} }]
    })
    const entry = (await auditEntries()).filter((e) => e.workflowId === "bulk-diff" && e.event === "workflow.changed").at(-1)!
    expect(entry.data.reviewRules).toEqual({ added: ["all"], changed: [], removed: ["big-bulk"] })
  })

  it("refuses a rule for an unknown workflow, an unknown rule's removal and a malformed rule, writing nothing", async () => {
    const before = await snapshotDatabase(cast.server)
    expect((await api.put("/v1/workflows/nope/rules/r", cast.admin, { description: "d", match: {} })).status).toBe(404)
    expect((await api.call("DELETE", "/v1/workflows/normalize/rules/nope", { token: cast.admin })).status).toBe(404)
    expect((await api.put("/v1/workflows/normalize/rules/r", cast.admin, { description: "d", match: { minRecords: "many" } })).status).toBe(400)
    expect((await api.put("/v1/workflows/normalize/rules/r", cast.admin, { description: "d", match: { changeKinds: ["email"] } })).status).toBe(400)
    expect((await api.put("/v1/workflows/normalize", cast.admin, { name: "N", model: "monitor", reviewRules: [bigBulkRule, bigBulkRule] })).status).toBe(400)
    expect(await snapshotDatabase(cast.server)).toEqual(before)
  })

  it("keeps the rules when a PUT of the workflow leaves them out", async () => {
    const res = await api.put("/v1/workflows/normalize", cast.admin, { name: "Normalize", model: "monitor" })
    expect(res.body.reviewRules).toEqual([bigBulkRule])
  })

  it("does not let a reviewer change rules", async () => {
    const before = await snapshotDatabase(cast.server)
    expect((await api.put("/v1/workflows/normalize/rules/r", cast.ana, { description: "d", match: {} })).status).toBe(403)
    expect((await api.call("DELETE", "/v1/workflows/normalize/rules/big-bulk", { token: cast.ana })).status).toBe(403)
    expect(await snapshotDatabase(cast.server)).toEqual(before)
  })
})

describe("agent flags cannot lower risk", () => {
  const noFlags = { customerData: false, writesProduction: false, customerFacing: false, bulk: false, edgeCase: false }

  it("classifies a bulk write high and not quick-approvable though the agent says it is none of it", async () => {
    const res = await api.createProposal(cast.agent, { change: bulkChange(50_000), risk: noFlags, confidence: 1 })
    expect(res.body.riskAssessment).toMatchObject({ level: "high", quickApprovable: false, reasons: [expect.stringMatching(/bulk/)] })
  })

  it("classifies customer-facing copy high whatever the flags", async () => {
    const res = await api.createProposal(cast.agent, { risk: noFlags, confidence: 1 })
    expect(res.body.riskAssessment).toMatchObject({ level: "high", quickApprovable: false })
  })

  it("lets a flag raise a low-risk field update to high", async () => {
    const fields = { kind: "fields" as const, changes: [{ field: "jobtitle", before: null, after: "VP Marketing" }] }
    expect((await api.createProposal(cast.agent, { change: fields, confidence: 0.9 })).body.riskAssessment).toMatchObject({
      level: "low",
      quickApprovable: true
    })
    expect((await api.createProposal(cast.agent, { change: fields, confidence: 0.9, risk: { customerData: true } })).body.riskAssessment).toMatchObject({
      level: "high",
      quickApprovable: false
    })
  })

  it("classifies the change a reviewer edited, not the one the agent sent", async () => {
    await api.put("/v1/workflows/two-step", cast.admin, { name: "Two-step", model: "approve", quorum: 2 })
    const fields = { kind: "fields" as const, changes: [{ field: "jobtitle", before: null, after: "VP" }] }
    const created = (await api.createProposal(cast.agent, { workflowId: "two-step", change: fields, confidence: 0.9 })).body
    const edited = await api.decide(cast.ana, created.id, {
      action: "edit",
      edits: { changes: [{ field: "hs_email_optout", before: false, after: true }] },
      proposalVersion: 1
    })
    expect(edited.body.proposal).toMatchObject({ status: "pending", riskAssessment: { level: "high", reasons: [expect.stringMatching(/consent/)] } })
  })

  it("shows the same assessment through the list, the sync feed and a single read", async () => {
    const created = (await api.createProposal(cast.agent, { change: bulkChange(3_000) })).body
    const one = (await api.get(`/v1/proposals/${created.id}`, cast.ana)).body
    const listed = (await api.get("/v1/proposals?limit=500", cast.ana)).body.items.find((p: { id: string }) => p.id === created.id)
    const synced = (await api.get("/v1/sync?since=0&limit=1000", cast.ana)).body.items.find((p: { id: string }) => p.id === created.id)
    expect(one.riskAssessment).toEqual(created.riskAssessment)
    expect(listed.riskAssessment).toEqual(created.riskAssessment)
    expect(synced.riskAssessment).toEqual(created.riskAssessment)
  })
})
