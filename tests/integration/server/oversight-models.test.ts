import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "~tests/support/server"
import { client, startServerWithCast } from "./fixtures"

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

async function auditEntries(): Promise<any[]> {
  const res = await api.get("/v1/audit?format=jsonl", admin)
  return (res.body as string)
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
}

describe("an unknown workflowId", () => {
  it("creates the workflow with the approve model and logs that creation", async () => {
    const res = await api.createProposal(agent, { workflowId: "brand-new-flow", confidence: 0.99 })
    expect(res.body.status).toBe("pending")
    const workflows = (await api.get("/v1/workflows", ana)).body as any[]
    expect(workflows.find((w) => w.id === "brand-new-flow")).toMatchObject({ model: "approve", quorum: 1, paused: false })
    const created = (await auditEntries()).filter((e) => e.event === "workflow.created" && e.workflowId === "brand-new-flow")
    expect(created).toHaveLength(1)
    expect(created[0].actor).toEqual({ name: "bot", role: "agent", principalId: expect.any(String) })
  })
})

describe("many agents naming the same new workflow at once", () => {
  it("create it once, with one audit entry, and every proposal lands", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => api.createProposal(agent, { workflowId: "stampede" })))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const created = (await auditEntries()).filter((e) => e.event === "workflow.created" && e.workflowId === "stampede")
    expect(created).toHaveLength(1)
  })
})

describe("approve model with a quorum", () => {
  beforeAll(async () => {
    await api.put("/v1/workflows/scoring", admin, { name: "Lead scoring", model: "approve", quorum: 2 })
  })

  it("stays pending after one approval and approves at the second distinct reviewer", async () => {
    const created = (await api.createProposal(agent, { workflowId: "scoring" })).body
    expect(created.quorum).toBe(2)
    const first = await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    expect(first.body.proposal).toMatchObject({ status: "pending", approvals: 1, version: 2 })
    expect(first.body.proposal.contentHash).toBeUndefined()
    const second = await api.decide(ben, created.id, { action: "approve", proposalVersion: 2 })
    expect(second.body.proposal).toMatchObject({ status: "approved", approvals: 2, version: 3 })
    expect(second.body.proposal.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it("does not count the same reviewer twice", async () => {
    const created = (await api.createProposal(agent, { workflowId: "scoring" })).body
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    const again = await api.decide(ana, created.id, { action: "approve", proposalVersion: 2 })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/already approved/)
    expect(again.body.proposal).toMatchObject({ status: "pending", approvals: 1 })
  })

  it("rejects on a single reject, even after an approval", async () => {
    const created = (await api.createProposal(agent, { workflowId: "scoring" })).body
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    const res = await api.decide(ben, created.id, { action: "reject", reason: { code: "compliance" }, proposalVersion: 2 })
    expect(res.body.proposal.status).toBe("rejected")
  })

  it("makes a pending proposal non-executable", async () => {
    const created = (await api.createProposal(agent, { workflowId: "scoring" })).body
    const res = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: "anything" })
    expect(res.status).toBe(409)
    expect(res.body.proposal.status).toBe("pending")
  })
})

describe("monitor model", () => {
  beforeAll(async () => {
    await api.put("/v1/workflows/enrichment", admin, { name: "Enrichment", model: "monitor" })
  })

  it("auto-approves on creation as a logged policy decision; the agent executes; a reviewer reverts; the agent sees it", async () => {
    const created = (await api.createProposal(agent, { workflowId: "enrichment" })).body
    expect(created.status).toBe("auto_approved")
    expect(created.decisions).toEqual([
      expect.objectContaining({ action: "auto_approve", actor: { name: "policy", role: "policy" }, rule: expect.stringMatching(/^monitor/) })
    ])
    const executed = await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: created.contentHash })
    expect(executed.status).toBe(200)
    expect(executed.body.status).toBe("executed")

    // The agent keeps watching what it ran: wait past the executed version.
    const watching = api.get(`/v1/proposals/${created.id}/wait?timeout=10&version=${executed.body.version}`, agent)
    const revert = await api.decide(ana, created.id, { action: "revert", reason: { code: "inaccurate" }, proposalVersion: executed.body.version })
    expect(revert.status).toBe(200)
    expect(revert.body.proposal.status).toBe("reverted")
    expect((await watching).body.status).toBe("reverted")

    const events = (await auditEntries()).filter((e) => e.proposalId === created.id).map((e) => e.event)
    expect(events).toEqual(["proposal.created", "auto_approval", "execution", "revert"])
  })

  it("refuses to revert something still pending", async () => {
    const held = (await api.createProposal(agent, { workflowId: "scoring" })).body
    const res = await api.decide(ana, held.id, { action: "revert", proposalVersion: 1 })
    expect(res.status).toBe(409)
  })

  it("pause holds new proposals of the workflow as pending until an admin resumes it", async () => {
    const ran = (await api.createProposal(agent, { workflowId: "enrichment" })).body
    const pause = await api.decide(ana, ran.id, { action: "pause", proposalVersion: ran.version })
    expect(pause.status).toBe(200)
    expect(pause.body.proposal.status).toBe("auto_approved")
    expect((await api.get("/v1/workflows", ana)).body.find((w: any) => w.id === "enrichment").paused).toBe(true)

    const held = (await api.createProposal(agent, { workflowId: "enrichment" })).body
    expect(held.status).toBe("pending")
    const approved = await api.decide(ben, held.id, { action: "approve", proposalVersion: 1 })
    expect(approved.body.proposal.status).toBe("approved")

    await api.put("/v1/workflows/enrichment", admin, { name: "Enrichment", model: "monitor", paused: false })
    expect((await api.createProposal(agent, { workflowId: "enrichment" })).body.status).toBe("auto_approved")
    const pauses = (await auditEntries()).filter((e) => e.event === "pause" && e.workflowId === "enrichment")
    expect(pauses).toHaveLength(1)
    expect(pauses[0].actor).toEqual({ name: "Ana", role: "reviewer", principalId: expect.any(String) })
  })

  it("lists what ran in the daily summary", async () => {
    const created = (await api.createProposal(agent, { workflowId: "enrichment", title: "Fill missing industries" })).body
    await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "failed", contentHash: created.contentHash, detail: "HubSpot 429" })
    const today = new Date().toISOString().slice(0, 10)
    const summary = (await api.get(`/v1/summary?date=${today}`, ana)).body
    const enrichment = summary.workflows.find((w: any) => w.workflowId === "enrichment")
    expect(enrichment.model).toBe("monitor")
    expect(enrichment.executed.length).toBeGreaterThanOrEqual(1)
    expect(enrichment.reverted.length).toBeGreaterThanOrEqual(1)
    expect(enrichment.autoApproved.map((i: any) => i.proposalId)).toContain(created.id)
    expect(enrichment.failed).toEqual([expect.objectContaining({ proposalId: created.id, title: "Fill missing industries", detail: "HubSpot 429" })])
    const yesterday = (await api.get("/v1/summary?date=2000-01-01", ana)).body
    expect(yesterday.workflows.find((w: any) => w.workflowId === "enrichment").executed).toEqual([])
  })
})

describe("exception model", () => {
  beforeAll(async () => {
    await api.put("/v1/workflows/routing", admin, { name: "Lead routing", model: "exception", threshold: 0.8 })
  })

  it("auto-approves at or above the threshold, naming the rule in the decision and the audit log", async () => {
    const created = (await api.createProposal(agent, { workflowId: "routing", confidence: 0.8 })).body
    expect(created.status).toBe("auto_approved")
    expect(created.decisions[0].rule).toMatch(/confidence 0\.8 ≥ threshold 0\.8/)
    const entry = (await auditEntries()).find((e) => e.event === "auto_approval" && e.proposalId === created.id)
    expect(entry.actor.role).toBe("policy")
    expect(entry.data.rule).toMatch(/threshold 0\.8/)
  })

  it("escalates below the threshold", async () => {
    const created = (await api.createProposal(agent, { workflowId: "routing", confidence: 0.79 })).body
    expect(created.status).toBe("pending")
    expect(created.decisions).toEqual([])
  })

  it("escalates an edge case even at full confidence", async () => {
    const created = (await api.createProposal(agent, { workflowId: "routing", confidence: 1, risk: { edgeCase: true } })).body
    expect(created.status).toBe("pending")
  })
})
