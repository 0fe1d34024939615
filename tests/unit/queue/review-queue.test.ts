import { describe, expect, it } from "vitest"
import { buildQueue, filterQueue, isLowRisk, NO_FILTER, planBulkApproval, queueHead, riskScore, summarizeQueue } from "~src/queue/review-queue"
import { makeProposal } from "~tests/support/proposals"
import { makeWorkflow, NOW } from "../ui/popup/fake-background"

const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString()

describe("popup queue model", () => {
  it("keeps only pending proposals", () => {
    const queue = buildQueue([makeProposal({ status: "approved" }), makeProposal({ status: "pending" }), makeProposal({ status: "auto_approved" })], [])
    expect(queue).toHaveLength(1)
  })

  it("puts a workflow it does not know at the approve tier, never autonomous", () => {
    const [item] = buildQueue([makeProposal({ workflowId: "brand-new" })], [])
    expect(item.tier).toBe("approve")
    expect(item.workflowName).toBe("brand-new")
  })

  it("scores production writes, customer-facing and bulk above customer data and edge cases, and low confidence last", () => {
    expect(riskScore({ risk: { writesProduction: true }, confidence: 0.9 })).toBeGreaterThan(riskScore({ risk: { customerData: true }, confidence: 0.9 }))
    expect(riskScore({ risk: { edgeCase: true }, confidence: 0.9 })).toBeGreaterThan(riskScore({ confidence: 0.3 }))
    expect(riskScore({ confidence: 0.3 })).toBeGreaterThan(riskScore({ confidence: 0.9 }))
  })

  it("sorts by risk, then by the longest wait", () => {
    const queue = buildQueue(
      [
        makeProposal({ id: "new-safe", createdAt: at(1) }),
        makeProposal({ id: "old-safe", createdAt: at(9) }),
        makeProposal({ id: "risky", createdAt: at(0), risk: { customerFacing: true } })
      ],
      []
    )
    expect(queue.map((i) => i.proposal.id)).toEqual(["risky", "old-safe", "new-safe"])
  })

  it("offers an item for approval unseen only when the server classified it so, and no agent flag says otherwise", () => {
    expect(isLowRisk(makeProposal())).toBe(true)
    const high = { level: "high" as const, reasons: ["bulk: writes 100,000 lead records by one rule"], quickApprovable: false }
    expect(isLowRisk(makeProposal({ riskAssessment: high }))).toBe(false)
    // From a server that does not classify: never approved unseen.
    expect(isLowRisk(makeProposal({ riskAssessment: undefined }))).toBe(false)
    // The agent's flags take it away, never give it.
    expect(isLowRisk(makeProposal({ risk: { customerData: true } }))).toBe(false)
  })

  it("puts what the server classified high before what it did not", () => {
    const high = { level: "high" as const, reasons: ["changes the scoring model"], quickApprovable: false }
    const queue = buildQueue([makeProposal({ id: "low", createdAt: at(5) }), makeProposal({ id: "high", createdAt: at(0), riskAssessment: high })], [])
    expect(queue.map((i) => i.proposal.id)).toEqual(["high", "low"])
  })

  it("offers no quick approve on an item this reviewer already approved (quorum) or one another account queued", () => {
    const items = buildQueue(
      [
        makeProposal({ id: "mine", local: { alreadyApproved: true } }),
        makeProposal({ id: "theirs", local: { pendingAction: "approve", queuedBy: { name: "Ana", server: "https://a.example" } } })
      ],
      []
    )
    expect(items.map((i) => i.quickApprovable)).toEqual([false, false])
  })

  it("takes the stricter of the proposal's and the workflow's quorum", () => {
    const [item] = buildQueue([makeProposal({ workflowId: "w", quorum: 1 })], [makeWorkflow({ id: "w", quorum: 3 })])
    expect(item.needsQuorum).toBe(true)
    expect(item.quickApprovable).toBe(false)
  })

  it("summarizes by tier and workflow, busiest workflow first", () => {
    const workflows = [makeWorkflow({ id: "a", name: "A", model: "monitor" }), makeWorkflow({ id: "b", name: "B", model: "exception" })]
    const items = buildQueue(
      [makeProposal({ workflowId: "a" }), makeProposal({ workflowId: "b" }), makeProposal({ workflowId: "b", createdAt: at(50) })],
      workflows
    )
    const summary = summarizeQueue(items)
    expect(summary.byTier).toEqual({ approve: 0, monitor: 1, exception: 2 })
    expect(summary.byWorkflow.map((w) => [w.name, w.count])).toEqual([
      ["B", 2],
      ["A", 1]
    ])
    expect(summary.oldest?.createdAtMs).toBe(Date.parse(at(50)))
  })

  it("filters on every criterion at once", () => {
    const items = buildQueue(
      [
        makeProposal({ id: "1", workflowId: "a" }),
        makeProposal({ id: "2", workflowId: "a", target: { platform: "marketo", kind: "email", id: "EM1" } }),
        makeProposal({ id: "3", workflowId: "b", target: { platform: "marketo", kind: "email", id: "EM2" } })
      ],
      [makeWorkflow({ id: "a", model: "monitor" })]
    )
    expect(filterQueue(items, NO_FILTER)).toHaveLength(3)
    expect(filterQueue(items, { platform: "marketo", workflowId: null, tier: "monitor" }).map((i) => i.proposal.id)).toEqual(["2"])
  })

  it("plans bulk approval without items already queued, and refuses any quorum workflow", () => {
    const items = buildQueue([makeProposal({ id: "x" }), makeProposal({ id: "queued", local: { pendingAction: "approve" } })], [])
    const plan = planBulkApproval(items)
    expect(plan.ok && plan.items.map((i) => i.proposal.id)).toEqual(["x"])
    const refused = planBulkApproval(buildQueue([makeProposal({ workflowId: "q" })], [makeWorkflow({ id: "q", name: "Quorum flow", quorum: 2 })]))
    expect(refused).toMatchObject({ ok: false, quorumWorkflows: ["Quorum flow"] })
  })
})

describe("queueHead", () => {
  // A varied queue with many ties on risk and age, so the id tie-break matters, and some items
  // that are not pending. A fixed linear congruential sequence keeps it reproducible.
  let seed = 7
  const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n
  const statuses = ["pending", "pending", "pending", "approved"] as const
  const proposals = Array.from({ length: 300 }, (_, i) =>
    makeProposal({
      id: `01HEAD${String(next(100_000)).padStart(6, "0")}${String(i).padStart(4, "0")}`,
      workflowId: `wf-${next(4)}`,
      status: statuses[next(4)],
      createdAt: at(next(6)),
      confidence: [0.3, 0.6, 0.9][next(3)],
      risk: next(3) === 0 ? { customerFacing: true } : next(2) === 0 ? { customerData: true } : undefined
    })
  )
  const workflows = [0, 1, 2, 3].map((i) =>
    makeWorkflow({ id: `wf-${i}`, model: (["approve", "monitor", "exception", "approve"] as const)[i], quorum: i === 3 ? 2 : 1 })
  )

  it.each([1, 7, 50, 500])("returns exactly the first %i items of the sorted queue", (size) => {
    const sorted = buildQueue(proposals, workflows)
    expect(queueHead(proposals, workflows, size).items).toEqual(sorted.slice(0, size))
  })

  it("summarizes the whole queue, not just its head", () => {
    expect(queueHead(proposals, workflows, 5).summary).toEqual(summarizeQueue(buildQueue(proposals, workflows)))
  })
})
