import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FeedbackRecord } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { type Call, client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

/** The learning loop: GET /v1/feedback exports what people decided, for the AI team. */
let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let ben: string
let admin: string
/** The server's clock runs this far ahead of the wall clock: decisions an hour apart, without waiting. */
let clockOffsetMs = 0
const serverNow = () => new Date(Date.now() + clockOffsetMs)

const ids: Record<string, string> = {}
let secondBatchFrom: string

/** The export's lines, each checked against the published schema (read as text: one line alone is also valid JSON). */
async function exportFeedback(query = "", token = admin, on = server): Promise<FeedbackRecord[]> {
  const res = await fetch(`${on.url}/v1/feedback${query}`, { headers: { authorization: `Bearer ${token}` } })
  const text = await res.text()
  expect(res.status, text).toBe(200)
  return text === ""
    ? []
    : text
        .trimEnd()
        .split("\n")
        .map((line) => FeedbackRecord.parse(JSON.parse(line)))
}
const byId = (records: FeedbackRecord[], name: string) => records.find((r) => r.proposalId === ids[name])

beforeAll(async () => {
  ;({ server, api, agent, ana, ben, admin } = await startServerWithCast({ now: serverNow }))
  await api.put("/v1/workflows/copy", admin, { name: "Copy", model: "approve" })
  await api.put("/v1/workflows/enrich", admin, { name: "Enrich", model: "monitor" })
  const propose = async (name: string, workflowId: string) => {
    const created = (await api.createProposal(agent, { workflowId, title: name })).body
    ids[name] = created.id
    return created as { id: string; version: number; contentHash: string }
  }

  const approved = await propose("approved", "copy")
  const ok = (await api.decide(ana, approved.id, { action: "approve", proposalVersion: 1, reviewMs: 30_000 })).body.proposal
  await api.post(`/v1/proposals/${approved.id}/execution`, agent, { outcome: "executed", contentHash: ok.contentHash })
  const edited = await propose("edited", "copy")
  await api.decide(ben, edited.id, { action: "edit", edits: { after: "Ben's better subject" }, proposalVersion: 1, reviewMs: 70_000 })
  const rejected = await propose("rejected", "copy")
  await api.decide(ana, rejected.id, {
    action: "reject",
    reason: { code: "off_brand", text: "too casual for this list" },
    proposalVersion: 1,
    reviewMs: 12_000
  })
  const autoReverted = await propose("autoReverted", "enrich")
  await api.decide(ana, autoReverted.id, { action: "revert", reason: { code: "inaccurate", text: "wrong company" }, proposalVersion: 1 })
  await propose("autoOnly", "enrich")
  await propose("pending", "copy")
  const withdrawn = await propose("cancelled", "copy")
  await api.post(`/v1/proposals/${withdrawn.id}/cancel`, agent, { reason: "superseded" })

  clockOffsetMs += 3_600_000
  secondBatchFrom = serverNow().toISOString()
  const later = await propose("later", "copy")
  await api.decide(ana, later.id, { action: "reject", reason: { code: "other", text: "we stopped this campaign" }, proposalVersion: 1 })
  // The approved one is reverted an hour later: it is sent again, now as reverted.
  const current = (await api.get(`/v1/proposals/${approved.id}`, ana)).body
  await api.decide(ben, approved.id, { action: "revert", reason: { code: "compliance", text: "legal flagged it" }, proposalVersion: current.version })
})
afterAll(() => server.close())

describe("the feedback export", () => {
  it("streams one JSON line per proposal a person decided, as an attachment", async () => {
    const res = await api.get("/v1/feedback", admin)
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/)
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="signoff-feedback.jsonl"')
    const records = await exportFeedback()
    expect(records.map((r) => r.proposalId).sort()).toEqual([ids.approved, ids.edited, ids.rejected, ids.autoReverted, ids.later].sort())
  })

  it("orders lines by the moment of the last judgment", async () => {
    const decidedAt = (await exportFeedback()).map((r) => r.decidedAt)
    expect(decidedAt).toEqual([...decidedAt].sort())
  })

  it("leaves out what no person decided: auto-approved and left alone, pending, cancelled", async () => {
    const exported = (await exportFeedback()).map((r) => r.proposalId)
    for (const name of ["autoOnly", "pending", "cancelled"]) expect(exported).not.toContain(ids[name])
  })

  it("carries the proposal as the agent sent it (the tenant read off its URL): change, evidence, confidence", async () => {
    const record = byId(await exportFeedback(), "rejected")!
    const sent = proposalBody({ workflowId: "copy", title: "rejected" })
    expect(record.proposal).toEqual({ ...sent, target: { ...sent.target, tenant: "1" } })
  })

  it("gives an edit both versions, the agent's and the reviewer's: a preference pair", async () => {
    const record = byId(await exportFeedback(), "edited")!
    expect(record.outcome).toBe("edited")
    expect(record.edit).toMatchObject({
      agentChange: { after: "November: what's new" },
      reviewerChange: { after: "Ben's better subject" },
      editedBy: { name: "Ben" }
    })
    expect(record.edit!.agentChange).toEqual(record.proposal.change)
    expect(record.decisions).toMatchObject([{ action: "edit", actor: { name: "Ben" }, reviewMs: 70_000 }])
  })

  it("carries a rejection's reason code and text, and who rejected", async () => {
    const record = byId(await exportFeedback(), "rejected")!
    expect(record).toMatchObject({ outcome: "rejected", status: "rejected", reason: { code: "off_brand", text: "too casual for this list" }, edit: null })
    expect(record.decisions).toMatchObject([{ action: "reject", actor: { name: "Ana" }, reviewMs: 12_000 }])
  })

  it("records a reverted auto-approval as reverted, with the revert's reason", async () => {
    expect(byId(await exportFeedback(), "autoReverted")).toMatchObject({ outcome: "reverted", reason: { code: "inaccurate", text: "wrong company" } })
  })

  it("keeps only one workflow's with workflowId", async () => {
    const records = await exportFeedback("?workflowId=enrich")
    expect(records.map((r) => r.proposalId)).toEqual([ids.autoReverted])
  })

  it("keeps only those decided since `since`, a later revert included", async () => {
    const records = await exportFeedback(`?since=${encodeURIComponent(secondBatchFrom)}`)
    expect(records.map((r) => r.proposalId).sort()).toEqual([ids.later, ids.approved].sort())
    expect(byId(records, "approved")).toMatchObject({ outcome: "reverted", status: "reverted", reason: { code: "compliance", text: "legal flagged it" } })
    expect(byId(records, "approved")!.decisions.map((d) => d.action)).toEqual(["approve", "revert"])
    expect(byId(records, "later")!.reason).toEqual({ code: "other", text: "we stopped this campaign" })
  })

  it("combines both filters, and answers an empty body when nothing matches", async () => {
    expect(await exportFeedback(`?workflowId=enrich&since=${encodeURIComponent(secondBatchFrom)}`)).toEqual([])
    expect(await exportFeedback("?workflowId=no-such-workflow")).toEqual([])
  })

  it("accepts `since` with a time-zone offset", async () => {
    const plusTwo = new Date(Date.parse(secondBatchFrom)).toISOString().replace("Z", "+00:00")
    expect(await exportFeedback(`?since=${encodeURIComponent(plusTwo)}`)).toHaveLength(2)
  })
})

describe("who may export, and bad queries", () => {
  const refused = (send: () => Promise<Call>, status: number) => expectRefusedWithoutWrites(server, send, status)
  it("refuses a reviewer (403)", () => refused(() => api.get("/v1/feedback", ana), 403))
  it("refuses an agent (403)", () => refused(() => api.get("/v1/feedback", agent), 403))
  it("refuses a `since` that is not a date-time (400)", () => refused(() => api.get("/v1/feedback?since=yesterday", admin), 400))
  it("refuses a workflowId outside the allowed characters (400)", () => refused(() => api.get("/v1/feedback?workflowId=a%20b", admin), 400))
  it("refuses an unknown parameter (400)", () => refused(() => api.get("/v1/feedback?format=csv", admin), 400))
})

describe("a large export", () => {
  it("pages through every decision once, in order, even when all were decided in the same millisecond", async () => {
    const frozen = new Date("2026-11-02T10:00:00.000Z")
    const big = await startServerWithCast({ now: () => frozen })
    try {
      const made: string[] = []
      for (let i = 0; i < 230; i++) {
        const { id } = (await big.api.createProposal(big.agent, { title: `Item ${i}` })).body
        await big.api.decide(big.ana, id, { action: "reject", reason: { code: "too_risky" }, proposalVersion: 1 })
        made.push(id)
      }
      const lines = await exportFeedback("", big.admin, big.server)
      expect(lines.map((r) => r.proposalId)).toEqual([...made].sort())
      expect(new Set(lines.map((r) => r.decidedAt))).toEqual(new Set([frozen.toISOString()]))
    } finally {
      await big.server.close()
    }
  }, 60_000)
})
