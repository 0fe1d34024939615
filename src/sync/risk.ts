import type { Proposal } from "~src/domain"

/**
 * High risk per SPEC.md §1: writes to production, customer-facing, bulk, or a scoring-model change.
 * These colour the badge and may raise a desktop notification.
 */
export function isHighRisk(p: Pick<Proposal, "risk" | "change">): boolean {
  return Boolean(p.risk?.writesProduction || p.risk?.customerFacing || p.risk?.bulk || p.change.kind === "scoring")
}
