import { BULK_RECORDS, changeKindLabel, changeRiskReasons, isPopulationLevel, type Change } from "./change-kinds"
import type { Impact, RiskFlags } from "./proposal"
import type { RiskAssessment } from "./review"

/**
 * The server's risk classification of a proposal, from the change itself: what decides whether
 * a person may approve it without opening it (popup quick approve, bulk approve). The agent's
 * flags, confidence and impact figures can only raise the level — an agent that leaves its
 * flags empty does not make a bulk write or a customer-facing email "low risk".
 *
 * Pure: it runs on the server for every proposal it returns. What each kind of change makes
 * high-risk is that kind's row in src/domain/change-kinds.ts (production writes,
 * customer-facing, bulk, scoring, launches start strict); the agent's signals are added here.
 */

export interface RiskSubject {
  change: Change
  confidence: number
  risk?: RiskFlags | undefined
  impact?: readonly Impact[] | undefined
}

/** Under this confidence the agent itself is unsure: never approved unseen. */
export const LOW_CONFIDENCE = 0.6

const FLAG_REASONS: Record<keyof RiskFlags, string> = {
  writesProduction: "the agent says it writes to production systems",
  customerFacing: "the agent says it is customer-facing",
  bulk: "the agent says it is a bulk operation",
  customerData: "the agent says it touches customer data",
  edgeCase: "the agent flagged it as an edge case"
}

const count = (n: number) => n.toLocaleString("en-US")

/** What the agent's own signals add: they raise the level, never lower it. */
function agentReasons(subject: RiskSubject): string[] {
  const reasons: string[] = []
  for (const [flag, reason] of Object.entries(FLAG_REASONS) as Array<[keyof RiskFlags, string]>) if (subject.risk?.[flag] === true) reasons.push(reason)
  if (subject.confidence < LOW_CONFIDENCE) reasons.push(`the agent's confidence ${subject.confidence} is below ${LOW_CONFIDENCE}`)
  for (const impact of subject.impact ?? [])
    if (Math.abs(impact.value) > BULK_RECORDS) reasons.push(`population-level impact: ${impact.metric} ${count(impact.value)}`)
  return reasons
}

export function classifyRisk(subject: RiskSubject): RiskAssessment {
  const reasons = [...changeRiskReasons(subject.change), ...agentReasons(subject)]
  if (reasons.length > 0) return { level: "high", reasons, quickApprovable: false }
  // Judged on totals first, so never approved unseen even when nothing about it is high-risk.
  if (isPopulationLevel(subject.change))
    return {
      level: "low",
      reasons: [`a ${changeKindLabel(subject.change.kind).toLowerCase()} change: judged on its totals, never approved unseen`],
      quickApprovable: false
    }
  return {
    level: "low",
    reasons: [
      `a ${subject.change.kind} change with no high-risk trait (not bulk, customer-facing, scoring or flow logic; no consent fields), the agent confident and unflagged`
    ],
    quickApprovable: true
  }
}
