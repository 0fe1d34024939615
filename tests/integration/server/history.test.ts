import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SignoffClient } from "~sdk/src"
import { type HistoryEntry, ProposalHistory } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { type Call, client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let ben: string
let admin: string
let otherAgent: string
let principals: Record<string, string>

beforeAll(async () => {
  ;({ server, api, agent, ana, ben, admin } = await startServerWithCast())
  otherAgent = await server.token("agent", "other-bot")
  const rows = await server.sql("SELECT id, name FROM principals")
  principals = Object.fromEntries(rows.map((r) => [r.name as string, r.id as string]))
  await api.put("/v1/workflows/two-eyes", admin, { name: "Two eyes", model: "approve", quorum: 2 })
  await api.put("/v1/workflows/enrich", admin, { name: "Enrich", model: "monitor" })
})
afterAll(() => server.close())

async function historyOf(id: string, token = ana): Promise<ProposalHistory> {
  const res = await api.get(`/v1/proposals/${id}/history`, token)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return ProposalHistory.parse(res.body)
}
const types = (h: ProposalHistory) => h.entries.map((e) => e.type)
const entryOf = <T extends HistoryEntry["type"]>(h: ProposalHistory, type: T) => h.entries.find((e) => e.type === type) as HistoryEntry & { type: T }

describe("a proposal's history", () => {
  let id: string
  let history: ProposalHistory

  beforeAll(async () => {
    const created = (await api.createProposal(agent, { workflowId: "two-eyes" })).body
    id = created.id
    await api.decide(ana, id, { action: "edit", edits: { after: "Ana's subject" }, proposalVersion: 1, reviewMs: 40_000 })
    const approved = (await api.decide(ben, id, { action: "approve", proposalVersion: 2, reviewMs: 15_000 })).body.proposal
    const ran = (
      await api.post(`/v1/proposals/${id}/execution`, agent, { outcome: "executed", contentHash: approved.contentHash, detail: "sent to 4,000 contacts" })
    ).body
    const reverted = (await api.decide(ana, id, { action: "revert", reason: { code: "off_brand", text: "wrong tone" }, proposalVersion: ran.version })).body
      .proposal
    await api.decide(ben, id, { action: "pause", proposalVersion: reverted.version })
    history = await historyOf(id)
  })

  it("is one timeline, oldest first: created, edit, approve, execution, revert, pause", () => {
    expect(types(history)).toEqual(["created", "edit", "approve", "execution", "revert", "pause"])
    const seqs = history.entries.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(history).toMatchObject({ proposalId: id, workflowId: "two-eyes", status: "reverted" })
  })

  it("names each person by principal id and name", () => {
    expect(history.entries.map((e) => e.actor.name)).toEqual(["bot", "Ana", "Ben", "bot", "Ana", "Ben"])
    expect(entryOf(history, "edit").actor).toEqual({ name: "Ana", role: "reviewer", principalId: principals.Ana })
    expect(entryOf(history, "approve").actor).toEqual({ name: "Ben", role: "reviewer", principalId: principals.Ben })
  })

  it("gives an edit its fields, the change before and after, its review time and the approvals it left", () => {
    expect(entryOf(history, "edit")).toMatchObject({
      edit: { edits: { after: "Ana's subject" }, before: { after: "November: what's new" }, after: { after: "Ana's subject" } },
      reviewMs: 40_000,
      approvals: 1,
      quorum: 2,
      toStatus: "pending"
    })
  })

  it("binds the completing approval to a hash that the execution report then carries", () => {
    const approve = entryOf(history, "approve")
    expect(approve).toMatchObject({ approvals: 2, quorum: 2, toStatus: "approved", reviewMs: 15_000 })
    expect(entryOf(history, "execution")).toMatchObject({
      outcome: "executed",
      contentHash: approve.contentHash,
      detail: "sent to 4,000 contacts",
      toStatus: "executed"
    })
  })

  it("keeps the revert's reason, and the pause of the workflow", () => {
    expect(entryOf(history, "revert")).toMatchObject({ reason: { code: "off_brand", text: "wrong tone" }, fromStatus: "executed", toStatus: "reverted" })
    expect(entryOf(history, "pause")).toMatchObject({ workflowPaused: true })
  })

  it("says why an auto-approved item ran: the review reason and the policy's rule", async () => {
    const { id: auto } = (await api.createProposal(agent, { workflowId: "enrich" })).body
    const h = await historyOf(auto)
    expect(types(h)).toEqual(["created", "auto_approve"])
    expect(entryOf(h, "created")).toMatchObject({ status: "auto_approved", model: "monitor", review: { reason: "monitor_model" } })
    expect(entryOf(h, "auto_approve")).toMatchObject({ actor: { name: "policy", role: "policy" }, rule: expect.stringMatching(/^monitor:/) })
  })

  it("ends with the cancellation and the agent's reason", async () => {
    const { id: withdrawn } = (await api.createProposal(agent, { workflowId: "two-eyes" })).body
    await api.post(`/v1/proposals/${withdrawn}/cancel`, agent, { reason: "superseded by a newer draft" })
    expect((await historyOf(withdrawn)).entries.at(-1)).toMatchObject({ type: "cancel", reason: "superseded by a newer draft", fromStatus: "pending" })
  })

  it("ends with the expiry of a proposal that lapsed", async () => {
    const expiresAt = new Date(Date.now() + 150).toISOString()
    const { id: lapsed } = (await api.createProposal(agent, { workflowId: "two-eyes", expiresAt })).body
    await new Promise((resolve) => setTimeout(resolve, 300))
    const h = await historyOf(lapsed)
    expect(h.status).toBe("expired")
    expect(h.entries.at(-1)).toMatchObject({ type: "expire", expiresAt, actor: { role: "policy" } })
    expect(entryOf(h, "created").expiresAt).toBe(expiresAt)
  })

  it("stays out of the sync feed and the proposal itself", async () => {
    const page = (await api.get("/v1/sync?since=0", ana)).body
    const item = page.items.find((p: { id: string }) => p.id === id)
    expect(item).toBeDefined()
    expect(Object.keys(item)).not.toContain("history")
    expect(Object.keys(item)).not.toContain("entries")
  })
})

describe("who may read a history", () => {
  let id: string
  beforeAll(async () => {
    id = (await api.createProposal(agent, { workflowId: "two-eyes" })).body.id
  })

  it("lets the proposing agent read its own, also through the SDK", async () => {
    expect(types(await historyOf(id, agent))).toEqual(["created"])
    const sdk = new SignoffClient({ url: server.url, token: agent })
    expect((await sdk.getHistory(id)).entries.map((e) => e.type)).toEqual(["created"])
  })

  it("lets admins read it", async () => {
    expect((await historyOf(id, admin)).proposalId).toBe(id)
  })

  const refused = (send: () => Promise<Call>, status: number) => expectRefusedWithoutWrites(server, send, status)
  it("answers 404 to another agent, as if the proposal did not exist", () => refused(() => api.get(`/v1/proposals/${id}/history`, otherAgent), 404))
  it("answers 404 for an unknown proposal", () => refused(() => api.get("/v1/proposals/01UNKNOWN/history", ana), 404))
  it("answers 400 for an id over 64 characters", () => refused(() => api.get(`/v1/proposals/${"x".repeat(65)}/history`, ana), 400))
  it("answers 401 without a token", () => refused(() => api.get(`/v1/proposals/${id}/history`), 401))
})
