import { createHash } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { canonicalJson } from "~src/domain/canonical-json"
import type { TestServer } from "~tests/support/server"
import { client, snapshotDatabase, startServerWithCast } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let ben: string
let admin: string

beforeAll(async () => {
  ;({ server, api, agent, ana, ben, admin } = await startServerWithCast())
})
afterAll(() => server.close())

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex")

describe("edit decisions", () => {
  it("stores the edited change next to the AI's original, counts as an approval, and binds the hash to the edit", async () => {
    const created = (await api.createProposal(agent)).body
    const res = await api.decide(ana, created.id, { action: "edit", edits: { after: "November news, in brief" }, proposalVersion: 1, reviewMs: 30_000 })
    expect(res.status).toBe(200)
    const proposal = res.body.proposal
    expect(proposal.status).toBe("approved")
    expect(proposal.change.after).toBe("November: what's new")
    expect(proposal.editedChange).toEqual({ ...created.change, after: "November news, in brief" })
    expect(proposal.contentHash).toBe(sha256(proposal.editedChange))
    expect(proposal.contentHash).not.toBe(sha256(created.change))
    expect(res.body.decision).toMatchObject({ action: "edit", edits: { after: "November news, in brief" } })
  })

  it("gives the agent the edited version when it reads or waits", async () => {
    const created = (await api.createProposal(agent)).body
    await api.decide(ana, created.id, { action: "edit", edits: { after: "Edited" }, proposalVersion: 1 })
    const seen = (await api.get(`/v1/proposals/${created.id}/wait?timeout=1`, agent)).body
    expect(seen.editedChange.after).toBe("Edited")
  })

  it("restarts the quorum count on an edit: earlier approvals were for other content", async () => {
    await api.put("/v1/workflows/two-eyes", admin, { name: "Two eyes", model: "approve", quorum: 2 })
    const created = (await api.createProposal(agent, { workflowId: "two-eyes" })).body
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    const edited = await api.decide(ben, created.id, { action: "edit", edits: { after: "Ben's version" }, proposalVersion: 2 })
    expect(edited.body.proposal).toMatchObject({ status: "pending", approvals: 1 })
    const approved = await api.decide(ana, created.id, { action: "approve", proposalVersion: 3 })
    expect(approved.body.proposal).toMatchObject({ status: "approved", approvals: 2 })
    expect(approved.body.proposal.contentHash).toBe(sha256(approved.body.proposal.editedChange))
  })

  it("edits a fields change by replacing its rows, validated as a fields change", async () => {
    const change = { kind: "fields" as const, changes: [{ field: "jobtitle", before: "vp mktg", after: "VP Marketing" }] }
    const created = (await api.createProposal(agent, { change })).body
    const res = await api.decide(ana, created.id, {
      action: "edit",
      edits: { changes: [{ field: "jobtitle", before: "vp mktg", after: "Vice President, Marketing" }] },
      proposalVersion: 1
    })
    expect(res.body.proposal.editedChange.changes[0].after).toBe("Vice President, Marketing")
    const bad = (await api.createProposal(agent, { change })).body
    const refused = await api.decide(ana, bad.id, { action: "edit", edits: { changes: [] }, proposalVersion: 1 })
    expect(refused.status).toBe(400)
  })
})

describe("approval binding on execution reports", () => {
  it("accepts the approved content hash and marks the proposal executed", async () => {
    const created = (await api.createProposal(agent, { baseSnapshotHash: "snap-1" })).body
    const approved = (await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })).body.proposal
    const res = await api.post(`/v1/proposals/${created.id}/execution`, agent, {
      outcome: "executed",
      contentHash: approved.contentHash,
      snapshotHash: "snap-1"
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: "executed", version: approved.version + 1 })
  })

  it("refuses a different content hash with 409 stale_approval and changes nothing", async () => {
    const created = (await api.createProposal(agent)).body
    await api.decide(ana, created.id, { action: "edit", edits: { after: "Reviewer's words" }, proposalVersion: 1 })
    const before = await snapshotDatabase(server)
    // The agent tries to apply its own original text instead of the reviewer's edit.
    const res = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: sha256(created.change) })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe("stale_approval")
    expect(res.body.proposal.status).toBe("approved")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("sends a changed target back to pending as a new version with 409 target_changed", async () => {
    const created = (await api.createProposal(agent, { baseSnapshotHash: "snap-1" })).body
    const approved = (await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })).body.proposal
    const res = await api.post(`/v1/proposals/${created.id}/execution`, agent, {
      outcome: "executed",
      contentHash: approved.contentHash,
      snapshotHash: "snap-2"
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe("target_changed")
    expect(res.body.proposal).toMatchObject({ status: "pending", version: approved.version + 1, approvals: 0, baseSnapshotHash: "snap-2" })
    expect(res.body.proposal.contentHash).toBeUndefined()
    expect(res.body.proposal.review).toMatchObject({ outcome: "pending", reason: "target_changed" })

    // Reviewed again, on the new target state, it can run.
    const again = (await api.decide(ana, created.id, { action: "approve", proposalVersion: res.body.proposal.version })).body.proposal
    const ran = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: again.contentHash, snapshotHash: "snap-2" })
    expect(ran.body.status).toBe("executed")
    expect((await api.get("/v1/audit/verify", admin)).body.ok).toBe(true)
  })

  it("refuses a second report once executed", async () => {
    const created = (await api.createProposal(agent)).body
    const approved = (await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })).body.proposal
    await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: approved.contentHash })
    const again = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: approved.contentHash })
    expect(again.status).toBe(409)
    expect(again.body.proposal.status).toBe("executed")
  })

  it("records a failed execution as failed", async () => {
    const created = (await api.createProposal(agent)).body
    const approved = (await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })).body.proposal
    const res = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "failed", contentHash: approved.contentHash, detail: "API quota" })
    expect(res.body.status).toBe("failed")
  })
})
