/**
 * Seeds the demo data (scripts/demo-data.ts) into a running server through the public API
 * only, exactly as real agents and admins would. Shared by `npm run demo` and e2e tests that
 * want a realistic queue.
 */
import type { Proposal } from "~src/domain"
import { SignoffApi } from "~tests/support/api"
import { DEMO_PROPOSALS, DEMO_WORKFLOWS, HISTORY_PROPOSAL_COUNT, historyProposal, validateDemoData, type DemoRole } from "./demo-data"

export interface SeededDemo {
  byKey: Map<string, Proposal>
  byRole: Partial<Record<DemoRole, Proposal>>
}

export async function seedDemo(serverUrl: string, tokens: { admin: string; agent: string; historyReviewer: string }): Promise<SeededDemo> {
  validateDemoData()
  const admin = new SignoffApi(serverUrl, tokens.admin)
  const agent = new SignoffApi(serverUrl, tokens.agent)
  const historian = new SignoffApi(serverUrl, tokens.historyReviewer)

  for (const { id, ...workflow } of DEMO_WORKFLOWS) await admin.putWorkflow(id, workflow)

  // A decision record first, so the stats and the loosening advisor have data.
  for (let i = 0; i < HISTORY_PROPOSAL_COUNT; i++) {
    const { key, proposal } = historyProposal(i)
    const created = await agent.createProposal(proposal, key)
    const decision =
      i % 7 === 3
        ? { action: "reject", reason: { code: "inaccurate" }, reviewMs: 41_000 + i * 1_000 }
        : { action: "approve", reviewMs: 9_000 + i * 700 }
    const response = await historian.decide(created, decision, `${key}-decision`)
    if (response.status !== 200) throw new Error(`seeding history: decision on ${key} → ${response.status} ${JSON.stringify(response.body)}`)
  }

  const byKey = new Map<string, Proposal>()
  const byRole: SeededDemo["byRole"] = {}
  for (const { key, proposal, execute, role } of DEMO_PROPOSALS) {
    let created = await agent.createProposal(proposal, key)
    if (execute) created = await agent.reportExecution(created, "executed", "applied by the demo agent")
    byKey.set(key, created)
    if (role) byRole[role] = created
  }
  return { byKey, byRole }
}

