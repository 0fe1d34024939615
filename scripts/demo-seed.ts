/**
 * Seeds the demo's open proposals (scripts/demo-data.ts) into a running server through the public
 * API only, exactly as real agents would. The workflows and their past decisions come before, from
 * the dated history (scripts/demo-history.ts), which only the server's seeding path can write.
 */
import type { Proposal } from "~src/domain"
import { SignoffApi } from "~tests/support/api"
import { DEMO_PROPOSALS, validateDemoData, type DemoRole } from "./demo-data"

export interface SeededDemo {
  byKey: Map<string, Proposal>
  byRole: Partial<Record<DemoRole, Proposal>>
}

export async function seedDemo(serverUrl: string, tokens: { agent: string }): Promise<SeededDemo> {
  validateDemoData()
  const agent = new SignoffApi(serverUrl, tokens.agent)

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
