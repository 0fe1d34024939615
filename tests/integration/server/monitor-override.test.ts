import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SignoffClient } from "~sdk/src"
import { Workflow } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { type WebhookReceiver, startWebhookReceiver } from "~tests/support/webhook-receiver"
import { client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

/**
 * Monitor and override: what ran under the monitor and exception models (auto-approved, then
 * executed) can be reverted by a person, and the agent hears of it — through wait?version=, the
 * SDK and the proposal.reverted webhook. Pause works from any status.
 */
let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string
let receiver: WebhookReceiver

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({ webhooks: { retryScheduleMs: [30, 30], pollMs: 20, expiringSweepMs: 20 } }))
  await api.put("/v1/workflows/enrich", admin, { name: "Enrich", model: "monitor" })
  await api.put("/v1/workflows/triage", admin, { name: "Triage", model: "exception", threshold: 0.8 })
  receiver = await startWebhookReceiver()
  expect((await api.post("/v1/webhooks", admin, { url: receiver.url, events: ["proposal.reverted"] })).status).toBe(201)
})
afterAll(async () => {
  await receiver.close()
  await server.close()
})

const autoApproved = async (workflowId = "enrich") => {
  const created = (await api.createProposal(agent, { workflowId, confidence: 0.95 })).body
  expect(created.status).toBe("auto_approved")
  return created as { id: string; version: number; contentHash: string }
}
const executed = async (workflowId = "enrich") => {
  const p = await autoApproved(workflowId)
  const ran = await api.post(`/v1/proposals/${p.id}/execution`, agent, { outcome: "executed", contentHash: p.contentHash })
  expect(ran.body.status).toBe("executed")
  return ran.body as { id: string; version: number; contentHash: string }
}
const revertedEvents = (id: string) => receiver.accepted().filter((r) => JSON.parse(r.body).data.proposalId === id)

describe("reverting what ran under the monitor and exception models", () => {
  it("reverts an auto-approved item before it ran, and the agent's execution report is then refused", async () => {
    const p = await autoApproved()
    const res = await api.decide(ana, p.id, { action: "revert", reason: { code: "inaccurate", text: "wrong company" }, proposalVersion: p.version })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.proposal).toMatchObject({ status: "reverted", version: p.version + 1 })
    const late = await api.post(`/v1/proposals/${p.id}/execution`, agent, { outcome: "executed", contentHash: p.contentHash })
    expect(late.status).toBe(409)
    expect(late.body.proposal.status).toBe("reverted")
  })

  it("reverts an executed item of an exception workflow", async () => {
    const p = await executed("triage")
    const res = await api.decide(ana, p.id, { action: "revert", proposalVersion: p.version })
    expect(res.body.proposal.status).toBe("reverted")
  })

  it("wakes an agent waiting with ?version= on what it ran, with the reverted proposal", async () => {
    const p = await executed()
    const waiting = api.get(`/v1/proposals/${p.id}/wait?timeout=20&version=${p.version}`, agent)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await api.decide(ana, p.id, { action: "revert", reason: { code: "off_brand" }, proposalVersion: p.version })
    const woken = await waiting
    expect(woken.status).toBe(200)
    expect(woken.body).toMatchObject({ status: "reverted", version: p.version + 1 })
    expect(woken.body.decisions.at(-1)).toMatchObject({ action: "revert", actor: { name: "Ana" }, reason: { code: "off_brand" } })
  })

  it("is seen by the SDK's waitForChange, which otherwise answers the same version at its timeout", async () => {
    const sdk = new SignoffClient({ url: server.url, token: agent })
    const p = await autoApproved()
    expect((await sdk.waitForChange(p.id, p.version, { timeoutMs: 1_000 })).version).toBe(p.version)
    const watching = sdk.waitForChange(p.id, p.version, { timeoutMs: 20_000 })
    await api.decide(ana, p.id, { action: "revert", proposalVersion: p.version })
    expect(await watching).toMatchObject({ id: p.id, status: "reverted", version: p.version + 1 })
  })

  it("sends proposal.reverted for an auto-approved item reverted before it ran", async () => {
    const p = await autoApproved()
    await api.decide(ana, p.id, { action: "revert", proposalVersion: p.version })
    await receiver.waitFor(() => revertedEvents(p.id).length === 1)
    expect(JSON.parse(revertedEvents(p.id)[0]!.body)).toMatchObject({
      type: "proposal.reverted",
      data: { proposalId: p.id, workflowId: "enrich", status: "reverted", actor: { name: "Ana", role: "reviewer" } }
    })
  })

  it("refuses to revert what never ran (pending, rejected, already reverted) with 409, writing nothing", async () => {
    await api.put("/v1/workflows/copy", admin, { name: "Copy", model: "approve" })
    const pending = (await api.createProposal(agent, { workflowId: "copy" })).body
    const rejected = (
      await api.decide(ana, (await api.createProposal(agent, { workflowId: "copy" })).body.id, {
        action: "reject",
        reason: { code: "too_risky" },
        proposalVersion: 1
      })
    ).body.proposal
    const reverted = (await api.decide(ana, (await autoApproved()).id, { action: "revert", proposalVersion: 1 })).body.proposal
    // The dispatcher writes the revert's webhook message after the decision's response; let it land
    // before the snapshots, which must see only what the refused requests write (nothing).
    await receiver.waitFor(() => revertedEvents(reverted.id).length === 1)
    for (const p of [pending, rejected, reverted]) {
      const res = await expectRefusedWithoutWrites(server, () => api.decide(ana, p.id, { action: "revert", proposalVersion: p.version }), 409, "conflict")
      expect(res.body.proposal.status).toBe(p.status)
    }
  })
})

describe("pausing a workflow", () => {
  it("works from an item in any status, and holds the workflow's next proposals for a person", async () => {
    await api.put("/v1/workflows/pausable", admin, { name: "Pausable", model: "monitor" })
    const ran = await executed("pausable")
    const undone = (await api.decide(ana, (await autoApproved("pausable")).id, { action: "revert", proposalVersion: 1 })).body.proposal
    for (const p of [ran, undone]) {
      const res = await api.decide(ana, p.id, { action: "pause", proposalVersion: p.version })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.proposal.status).toBe(p.status === "executed" ? "executed" : "reverted")
    }
    const workflows = (await api.get("/v1/workflows", ana)).body as Workflow[]
    expect(workflows.find((w) => w.id === "pausable")).toMatchObject({ paused: true, model: "monitor" })
    const held = (await api.createProposal(agent, { workflowId: "pausable" })).body
    expect(held).toMatchObject({ status: "pending", review: { reason: "paused" } })
  })
})

describe("partial workflow updates (what the popup sends)", () => {
  const rules = [{ id: "big-bulk", description: "bulk writes over 1,000 records", match: { changeKinds: ["bulk"], minRecords: 1_000 } }]

  it("pause and resume with {paused} alone, keeping the model, threshold, quorum and review rules", async () => {
    await api.put("/v1/workflows/tiered", admin, {
      name: "Tiered",
      model: "exception",
      threshold: 0.7,
      quorum: 2,
      expiryHours: 12,
      spotCheckSize: 8,
      reviewRules: rules
    })
    const paused = await api.put("/v1/workflows/tiered", admin, { paused: true })
    expect(paused.status).toBe(200)
    expect(Workflow.parse(paused.body)).toMatchObject({
      name: "Tiered",
      model: "exception",
      threshold: 0.7,
      quorum: 2,
      expiryHours: 12,
      spotCheckSize: 8,
      paused: true,
      reviewRules: rules
    })
    const resumed = await api.put("/v1/workflows/tiered", admin, { paused: false })
    expect(resumed.body).toMatchObject({ paused: false, reviewRules: rules, model: "exception" })
  })

  it("switch the model with {model} alone, keeping the rules", async () => {
    const switched = await api.put("/v1/workflows/tiered", admin, { model: "monitor" })
    expect(switched.body).toMatchObject({ name: "Tiered", model: "monitor", threshold: 0.7, reviewRules: rules })
  })

  it("audit before and after, with no rule counted as changed", async () => {
    await api.put("/v1/workflows/tiered", admin, { model: "approve" })
    const lines = ((await api.get("/v1/audit", admin)).body as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    const last = lines.filter((l) => l.event === "workflow.changed" && l.workflowId === "tiered").at(-1)
    expect(last.data).toMatchObject({ before: { model: "monitor" }, after: { model: "approve" }, reviewRules: { added: [], changed: [], removed: [] } })
  })

  it("create a workflow from a partial body with its id as name and the approve model when none is given", async () => {
    const created = await api.put("/v1/workflows/fresh", admin, { spotCheckSize: 2 })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ id: "fresh", name: "fresh", model: "approve", spotCheckSize: 2, paused: false, reviewRules: [] })
  })

  for (const [label, body] of [
    ["an empty body", {}],
    ["a spotCheckSize over 50", { spotCheckSize: 51 }],
    ["a negative spotCheckSize", { spotCheckSize: -1 }],
    ["an empty name", { name: "  " }]
  ] as const)
    it(`refuse ${label} with 400, writing nothing`, () =>
      expectRefusedWithoutWrites(server, () => api.put("/v1/workflows/tiered", admin, body), 400, "bad_request"))

  it("refuse a reviewer (403), writing nothing", () =>
    expectRefusedWithoutWrites(server, () => api.put("/v1/workflows/tiered", ana, { paused: true }), 403, "forbidden"))
})
