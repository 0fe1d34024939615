import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SignoffApiError, SignoffClient, canonicalHash, describeRejection } from "~sdk/src"
import type { TestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client as rawClient, startServerWithCast } from "../server/fixtures"

let server: TestServer
let api: ReturnType<typeof rawClient>
let ana: string
let sdk: SignoffClient

beforeAll(async () => {
  const cast = await startServerWithCast()
  ;({ server, api, ana } = cast)
  sdk = new SignoffClient({ url: server.url, token: cast.agent })
})
afterAll(() => server.close())

/** The reviewer acts once the agent is already waiting, as in life. */
function reviewerWill(id: string, decision: Record<string, unknown>) {
  return (async () => {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const res = await api.decide(ana, id, decision)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.proposal
  })()
}

describe("createProposal", () => {
  it("answers the id, status, the change's content hash and the review URL (the target's page)", async () => {
    const body = proposalBody()
    const created = await sdk.createProposal(body)
    expect(created).toMatchObject({ status: "pending", contentHash: canonicalHash(body.change), reviewUrl: body.target.url })
    expect(created.id).toMatch(/^[0-9A-Z]{26}$/)
  })

  it("returns the same proposal for the same idempotency key", async () => {
    const first = await sdk.createProposal(proposalBody(), { idempotencyKey: "sdk-same-key" })
    const again = await sdk.createProposal(proposalBody(), { idempotencyKey: "sdk-same-key" })
    expect(again.id).toBe(first.id)
  })

  it("throws the server's refusal as a SignoffApiError with its code and issues", async () => {
    const error = await sdk.createProposal({ ...proposalBody(), confidence: 3 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignoffApiError)
    expect(error).toMatchObject({ status: 400, code: "bad_request", issues: [expect.objectContaining({ path: ["confidence"] })] })
  })

  it("throws 401 for a token the server does not know", async () => {
    const stranger = new SignoffClient({ url: server.url, token: "so_unknown" })
    await expect(stranger.createProposal(proposalBody())).rejects.toMatchObject({ status: 401, code: "unauthorized" })
  })
})

describe("waitForDecision", () => {
  it("returns approved with the change to apply and its hash, which execution binds to", async () => {
    const body = proposalBody()
    const { id } = await sdk.createProposal(body)
    const [outcome] = await Promise.all([sdk.waitForDecision(id), reviewerWill(id, { action: "approve", proposalVersion: 1 })])
    expect(outcome).toMatchObject({ status: "approved", change: body.change, contentHash: canonicalHash(body.change), edited: false, automatic: false })
    if (outcome.status !== "approved") throw new Error("unreachable")
    const executed = await sdk.reportExecution(id, { outcome: "executed", contentHash: outcome.contentHash })
    expect(executed.status).toBe("executed")
  })

  it("returns the reviewer's edited change after edit-then-approve, hashed as the server hashed it", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    const [outcome, decided] = await Promise.all([
      sdk.waitForDecision(id),
      reviewerWill(id, { action: "edit", edits: { after: "November: three new features" }, proposalVersion: 1 })
    ])
    expect(outcome).toMatchObject({ status: "approved", edited: true, change: { kind: "content", after: "November: three new features" } })
    if (outcome.status !== "approved") throw new Error("unreachable")
    expect(outcome.contentHash).toBe(decided.contentHash)
    expect(canonicalHash(outcome.change)).toBe(decided.contentHash)
  })

  it("returns rejected with the reason code, text and reviewer", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    const [outcome] = await Promise.all([
      sdk.waitForDecision(id),
      reviewerWill(id, { action: "reject", reason: { code: "off_brand", text: "We never use colons in subjects" }, proposalVersion: 1 })
    ])
    expect(outcome).toMatchObject({ status: "rejected", reason: { code: "off_brand", text: "We never use colons in subjects" }, reviewer: "Ana" })
    if (outcome.status !== "rejected") throw new Error("unreachable")
    expect(describeRejection(outcome)).toBe("Rejected by Ana (off brand): We never use colons in subjects")
  })

  it("returns expired when the proposal lapses while the agent waits", async () => {
    const { id } = await sdk.createProposal(proposalBody({ expiresAt: new Date(Date.now() + 300).toISOString() }))
    expect((await sdk.waitForDecision(id)).status).toBe("expired")
  })

  it("returns cancelled, with the reason, when the agent withdraws it", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    const waiting = sdk.waitForDecision(id)
    const cancelled = await sdk.cancelProposal(id, "Superseded by a newer draft")
    expect(cancelled.status).toBe("cancelled")
    expect(await waiting).toMatchObject({ status: "cancelled", reason: "Superseded by a newer draft" })
  })

  it("returns timeout, never approved, when nobody decides in time", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    const outcome = await sdk.waitForDecision(id, { timeoutMs: 1_000 })
    expect(outcome.status).toBe("timeout")
    expect(outcome.proposal.status).toBe("pending")
  })

  it("stops waiting when its signal aborts", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    await expect(sdk.waitForDecision(id, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: "TimeoutError" })
  })

  it("keeps waiting across a quorum: one approval of two is still pending", async () => {
    await api.put("/v1/workflows/two-person", await server.token("admin", "Root"), { name: "Two-person", model: "approve", quorum: 2 })
    const ben = await server.token("reviewer", "Ben")
    const { id } = await sdk.createProposal(proposalBody({ workflowId: "two-person" }))
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    expect((await sdk.waitForDecision(id, { timeoutMs: 500 })).status).toBe("timeout")
    const [outcome] = await Promise.all([sdk.waitForDecision(id), (async () => api.decide(ben, id, { action: "approve", proposalVersion: 2 }))()])
    expect(outcome.status).toBe("approved")
  })
})

describe("reportExecution", () => {
  it("is refused with 409 stale_approval for a hash other than the approved one, with the proposal as it stands", async () => {
    const { id } = await sdk.createProposal(proposalBody())
    await api.decide(ana, id, { action: "edit", edits: { after: "Edited by Ana" }, proposalVersion: 1 })
    const stale = canonicalHash(proposalBody().change)
    const error = await sdk.reportExecution(id, { outcome: "executed", contentHash: stale }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignoffApiError)
    expect(error).toMatchObject({ status: 409, code: "stale_approval", proposal: { id, status: "approved" } })
  })
})

describe("listProposals and createProposals", () => {
  it("lists the agent's pending proposals, page by page, to pick up work after a restart", async () => {
    const other = new SignoffClient({ url: server.url, token: await server.token("agent", "other-agent") })
    const mine = await other.createProposals([proposalBody({ title: "A" }), proposalBody({ title: "B" }), proposalBody({ title: "C" })])
    const firstPage = await other.listProposals({ status: "pending", limit: 2 })
    expect(firstPage.items).toHaveLength(2)
    expect(firstPage.nextCursor).toEqual(expect.any(String))
    const all: string[] = []
    for await (const p of other.allProposals({ status: "pending", limit: 2 })) all.push(p.id)
    expect(all.sort()).toEqual(mine.map((r) => (r.ok ? r.id : "")).sort())
  })

  it("creates a batch whose items stand on their own: a bad one fails alone, and a re-run creates nothing twice", async () => {
    const bodies = [proposalBody({ title: "One" }), { ...proposalBody({ title: "Two" }), confidence: -1 }, proposalBody({ title: "Three" })]
    const results = await sdk.createProposals(bodies, { batchKey: "batch-7" })
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(results[1]).toMatchObject({ ok: false, error: { status: 400 } })
    const again = await sdk.createProposals(bodies, { batchKey: "batch-7" })
    expect(again.map((r) => (r.ok ? r.id : null))).toEqual(results.map((r) => (r.ok ? r.id : null)))
    const [first, , third] = results
    if (!first?.ok || !third?.ok) throw new Error("unreachable")
    await api.decide(ana, first.id, { action: "reject", reason: { code: "inaccurate" }, proposalVersion: 1 })
    expect((await sdk.getProposal(third.id)).status).toBe("pending")
  })
})
