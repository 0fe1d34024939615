import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { StatsResponse, type WorkflowStats } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { client, startServerWithCast } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string

async function decideMany(workflowId: string, count: number, body: (version: number, i: number) => Record<string, unknown>) {
  for (let i = 0; i < count; i++) {
    const created = (await api.createProposal(agent, { workflowId })).body
    const res = await api.decide(ana, created.id, body(created.version, i))
    expect(res.status).toBe(200)
  }
}

async function statsFor(workflowId: string): Promise<WorkflowStats> {
  const res = await api.get("/v1/stats?window=30", ana)
  expect(res.status).toBe(200)
  return StatsResponse.parse(res.body).workflows.find((w) => w.workflowId === workflowId)!
}

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast())
  await api.put("/v1/workflows/steady", admin, { name: "Steady", model: "approve" })
  await api.put("/v1/workflows/young", admin, { name: "Young", model: "approve" })
  await api.put("/v1/workflows/slipping", admin, { name: "Slipping", model: "monitor" })
  await api.put("/v1/workflows/picky", admin, { name: "Picky", model: "approve" })
  // 60 clean approvals with review times 1..60 s: enough evidence to loosen.
  await decideMany("steady", 60, (version, i) => ({ action: "approve", proposalVersion: version, reviewMs: (i + 1) * 1_000 }))
  // 4 rejections (off brand ×2, compliance, too risky), one taking 3 minutes; 1 approval.
  const rejections = [
    { code: "off_brand", reviewMs: 20_000 },
    { code: "compliance", reviewMs: 180_000 },
    { code: "off_brand", reviewMs: 40_000 },
    { code: "too_risky", reviewMs: 60_000 }
  ]
  await decideMany("picky", 4, (version, i) => ({
    action: "reject",
    reason: { code: rejections[i]!.code },
    proposalVersion: version,
    reviewMs: rejections[i]!.reviewMs
  }))
  await decideMany("picky", 1, (version) => ({ action: "approve", proposalVersion: version, reviewMs: 100_000 }))
  // 20 clean approvals: too few to loosen, however clean.
  await decideMany("young", 20, (version) => ({ action: "approve", proposalVersion: version, reviewMs: 2_000 }))
  // Monitor: 12 items ran, 3 were reverted (25%).
  for (let i = 0; i < 12; i++) {
    const ran = (await api.createProposal(agent, { workflowId: "slipping" })).body
    const executed = (await api.post(`/v1/proposals/${ran.id}/execution`, agent, { outcome: "executed", contentHash: ran.contentHash })).body
    if (i < 3)
      await api.decide(ana, ran.id, {
        action: "revert",
        ...(i < 2 ? { reason: { code: "inaccurate" } } : {}),
        proposalVersion: executed.version,
        reviewMs: 10_000
      })
  }
})
afterAll(() => server.close())

describe("GET /v1/stats", () => {
  it("counts, rates and review-time percentiles per workflow", async () => {
    const steady = await statsFor("steady")
    expect(steady.counts).toMatchObject({ proposals: 60, decisions: 60, approved: 60, edited: 0, rejected: 0, pending: 0 })
    expect(steady.rates).toEqual({ approval: 1, edit: 0, reject: 0, revert: 0 })
    expect(steady.reviewMs).toEqual({ median: 30_000, p90: 54_000, targetMs: 120_000, withinTarget: 1 })
  })

  it("has one series point per day of the window, today's holding the decisions", async () => {
    const steady = await statsFor("steady")
    expect(steady.series).toHaveLength(30)
    expect(steady.series.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), decisions: 60, approval: 1 })
    expect(steady.series[0]!.decisions).toBe(0)
  })

  it("counts each day's executed and auto-approved items, the bases of the revert rate and the policy's share", async () => {
    const slipping = await statsFor("slipping")
    expect(slipping.series.at(-1)).toMatchObject({ executed: 12, autoApproved: 12, decisions: 3, revert: 0.25 })
    expect((await statsFor("steady")).series.at(-1)).toMatchObject({ executed: 0, autoApproved: 0 })
  })

  it("gives the numbers the recommendation rests on", async () => {
    const { recommendation } = await statsFor("steady")
    expect(recommendation.basis).toMatchObject({ outcomes: 60, humanDecisions: 60, problems: 0, problemRate: 0, editRate: 0 })
  })

  it("recommends approve → monitor with ≥ 50 clean decisions, naming the numbers", async () => {
    const { recommendation } = await statsFor("steady")
    expect(recommendation).toMatchObject({ action: "loosen_to_monitor", to: "monitor" })
    expect(recommendation.evidence.join(" ")).toMatch(/60 reviewed outcomes/)
    expect(recommendation.rule).toMatch(/≥ 50/)
  })

  it("holds with fewer than 50 decisions, saying how many it has", async () => {
    const { recommendation } = await statsFor("young")
    expect(recommendation).toMatchObject({ action: "hold", to: null })
    expect(recommendation.evidence.join(" ")).toMatch(/has 20/)
  })

  it("recommends tightening monitor → approve when reverts pile up", async () => {
    const slipping = await statsFor("slipping")
    expect(slipping.counts).toMatchObject({ autoApproved: 12, reverted: 3 })
    expect(slipping.rates.revert).toBeCloseTo(0.25)
    expect(slipping.recommendation).toMatchObject({ action: "tighten", to: "approve" })
    expect(slipping.recommendation.evidence.join(" ")).toMatch(/25%/)
  })

  it("counts the reasons given with rejections, most frequent first", async () => {
    const picky = await statsFor("picky")
    expect(picky.reasons.rejected).toEqual([
      { code: "off_brand", count: 2 },
      { code: "compliance", count: 1 },
      { code: "too_risky", count: 1 }
    ])
    expect(picky.reasons.reverted).toEqual([])
  })

  it("counts the reasons given with reverts, leaving out reverts without one", async () => {
    expect((await statsFor("slipping")).reasons).toEqual({ rejected: [], reverted: [{ code: "inaccurate", count: 2 }] })
  })

  it("measures review times against the two-minute target", async () => {
    const picky = await statsFor("picky")
    expect(picky.reviewMs).toEqual({ median: 60_000, p90: 180_000, targetMs: 120_000, withinTarget: 0.8 })
  })

  it("counts proposals still pending", async () => {
    await api.createProposal(agent, { workflowId: "young" })
    expect((await statsFor("young")).counts.pending).toBe(1)
  })
})
