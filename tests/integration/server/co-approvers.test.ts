import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SignoffClient, canonicalHash } from "~sdk/src"
import { Proposal } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

/**
 * On a quorum workflow, the second reviewer approves what the first one edited: the proposal
 * shows them that version and who made it, and their approval binds to its hash.
 */
let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let ben: string
let admin: string
let principals: Record<string, string>

beforeAll(async () => {
  ;({ server, api, agent, ana, ben, admin } = await startServerWithCast())
  principals = Object.fromEntries((await server.sql("SELECT id, name FROM principals")).map((r) => [r.name as string, r.id as string]))
  await api.put("/v1/workflows/two-eyes", admin, { name: "Two eyes", model: "approve", quorum: 2 })
})
afterAll(() => server.close())

const read = async (id: string, token = ben) => Proposal.parse((await api.get(`/v1/proposals/${id}`, token)).body)

describe("a co-approver after an edit", () => {
  let id: string
  let original: Proposal

  beforeAll(async () => {
    original = Proposal.parse((await api.createProposal(agent, { workflowId: "two-eyes" })).body)
    id = original.id
    const edited = await api.decide(ana, id, { action: "edit", edits: { after: "Ana's subject line" }, proposalVersion: 1, reviewMs: 20_000 })
    expect(edited.body.proposal).toMatchObject({ status: "pending", approvals: 1 })
  })

  it("sees the edited change, who edited it, on which version and when", async () => {
    const seen = await read(id)
    expect(seen.editedChange).toEqual({ ...original.change, after: "Ana's subject line" })
    expect(seen.change).toEqual(original.change)
    const edit = seen.decisions.find((d) => d.action === "edit")!
    expect(seen.editedBy).toEqual({ name: "Ana", principalId: principals.Ana, at: edit.createdAt, proposalVersion: 1 })
  })

  it("sees whose approvals already count, by principal id", async () => {
    const seen = await read(id)
    expect(seen.approvedBy).toEqual([principals.Ana])
    expect(seen.quorum).toBe(2)
  })

  it("cannot approve the version from before the edit (409), and nothing is written", async () => {
    const stale = await expectRefusedWithoutWrites(server, () => api.decide(ben, id, { action: "approve", proposalVersion: 1 }), 409, "conflict")
    expect(stale.body.proposal.editedChange.after).toBe("Ana's subject line")
  })

  it("approves the edited version: the approval's contentHash is the edited change's, not the agent's", async () => {
    const seen = await read(id)
    const approved = await api.decide(ben, id, { action: "approve", proposalVersion: seen.version })
    expect(approved.status).toBe(200)
    const proposal = Proposal.parse(approved.body.proposal)
    expect(proposal).toMatchObject({ status: "approved", approvals: 2 })
    expect(proposal.approvedBy).toEqual([principals.Ana, principals.Ben])
    expect(proposal.contentHash).toBe(canonicalHash(seen.editedChange!))
    expect(proposal.contentHash).not.toBe(canonicalHash(original.change))
  })

  it("hands the agent that edited change, and accepts its execution only with that hash", async () => {
    const outcome = await new SignoffClient({ url: server.url, token: agent }).waitForDecision(id, { timeoutMs: 1_000 })
    expect(outcome).toMatchObject({ status: "approved", edited: true, change: { after: "Ana's subject line" } })
    const wrong = await api.post(`/v1/proposals/${id}/execution`, agent, { outcome: "executed", contentHash: canonicalHash(original.change) })
    expect(wrong.status).toBe(409)
    expect(wrong.body.error.code).toBe("stale_approval")
  })
})

describe("a second edit", () => {
  it("names the new editor and restarts the approvals with them alone", async () => {
    const { id } = (await api.createProposal(agent, { workflowId: "two-eyes" })).body
    await api.decide(ana, id, { action: "edit", edits: { after: "Ana's take" }, proposalVersion: 1 })
    const res = await api.decide(ben, id, { action: "edit", edits: { after: "Ben's take" }, proposalVersion: 2 })
    const proposal = Proposal.parse(res.body.proposal)
    expect(proposal.editedBy).toMatchObject({ name: "Ben", principalId: principals.Ben, proposalVersion: 2 })
    expect(proposal.approvedBy).toEqual([principals.Ben])
    expect(proposal).toMatchObject({ status: "pending", approvals: 1 })
  })

  it("has no editedBy while nobody edited", async () => {
    const { id } = (await api.createProposal(agent, { workflowId: "two-eyes" })).body
    const proposal = await read(id)
    expect(proposal.editedBy).toBeUndefined()
    expect(proposal.approvedBy).toEqual([])
  })
})
