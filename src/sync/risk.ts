import { isAlwaysHighRisk, type Proposal } from "~src/domain"

/**
 * High risk per SPEC.md §1: what the server's classification of the change says (production
 * writes, customer-facing content, bulk, scoring...), or what the agent's own flags add — they
 * raise it, never lower it. These colour the badge and may raise a desktop notification.
 */
export function isHighRisk(p: Pick<Proposal, "risk" | "change" | "riskAssessment">): boolean {
  return p.riskAssessment?.level === "high" || Boolean(p.risk?.writesProduction || p.risk?.customerFacing || p.risk?.bulk || isAlwaysHighRisk(p.change))
}
