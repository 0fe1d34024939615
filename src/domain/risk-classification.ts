import type { Change } from "./changes"
import type { Impact, RiskFlags } from "./proposal"
import type { RiskAssessment } from "./review"
import { DEFAULT_BULK_THRESHOLD } from "./risk-questionnaire"

/**
 * The server's risk classification of a proposal, from the change itself: what decides whether
 * a person may approve it without opening it (popup quick approve, bulk approve). The agent's
 * flags, confidence and impact figures can only raise the level — an agent that leaves its
 * flags empty does not make a bulk write or a customer-facing email "low risk".
 *
 * Pure and zod-free: it runs on the server for every proposal it returns, and the rules read in
 * one place (SPEC §1: production writes, customer-facing, bulk, scoring, launches start strict).
 */

export interface RiskSubject {
  change: Change
  confidence: number
  risk?: RiskFlags | undefined
  impact?: readonly Impact[] | undefined
}

/** More than this many records (bulk total, segment size, impact figure) is a bulk operation. */
export const BULK_RECORDS = DEFAULT_BULK_THRESHOLD
/** Under this confidence the agent itself is unsure: never approved unseen. */
export const LOW_CONFIDENCE = 0.6

// Fields that decide whether and where a contact is messaged: consent, subscriptions, the address.
const CONTACT_CHANNEL_FIELD = /opt[-_ ]?out|unsubscri|consent|gdpr|do[-_ ]?not[-_ ]?(call|email|contact)|subscription|^e-?mail$|^email[-_]?address$/i

const FLAG_REASONS: Record<keyof RiskFlags, string> = {
  writesProduction: "the agent says it writes to production systems",
  customerFacing: "the agent says it is customer-facing",
  bulk: "the agent says it is a bulk operation",
  customerData: "the agent says it touches customer data",
  edgeCase: "the agent flagged it as an edge case"
}

const count = (n: number) => n.toLocaleString("en-US")

/** What the change itself makes high-risk, whatever the agent says. */
function changeReasons(change: Change): string[] {
  switch (change.kind) {
    case "content":
      return [`customer-facing: changes the ${change.field} customers read`]
    case "bulk":
      return [`bulk: writes ${count(change.totalRecords)} ${change.objectType} records by one rule`]
    case "scoring":
      return [`changes the scoring model "${change.modelName}" (expected MQL shift ${change.expectedMqlShiftPct}%)`]
    case "flow":
      return [`changes campaign flow logic (${change.steps.length} step${change.steps.length === 1 ? "" : "s"})`]
    case "segment":
      return change.estimatedSize > BULK_RECORDS
        ? [`bulk: a segment of ${count(change.estimatedSize)} contacts (more than ${count(BULK_RECORDS)})`]
        : []
    case "fields": {
      const channel = change.changes.map((c) => c.field).filter((field) => CONTACT_CHANNEL_FIELD.test(field))
      return channel.length > 0 ? [`changes consent or contact-channel fields (${channel.join(", ")})`] : []
    }
    case "routing":
      return []
  }
}

/** What the agent's own signals add: they raise the level, never lower it. */
function agentReasons(subject: RiskSubject): string[] {
  const reasons: string[] = []
  for (const [flag, reason] of Object.entries(FLAG_REASONS) as Array<[keyof RiskFlags, string]>)
    if (subject.risk?.[flag] === true) reasons.push(reason)
  if (subject.confidence < LOW_CONFIDENCE) reasons.push(`the agent's confidence ${subject.confidence} is below ${LOW_CONFIDENCE}`)
  for (const impact of subject.impact ?? [])
    if (Math.abs(impact.value) > BULK_RECORDS) reasons.push(`population-level impact: ${impact.metric} ${count(impact.value)}`)
  return reasons
}

export function classifyRisk(subject: RiskSubject): RiskAssessment {
  const reasons = [...changeReasons(subject.change), ...agentReasons(subject)]
  if (reasons.length > 0) return { level: "high", reasons, quickApprovable: false }
  return {
    level: "low",
    reasons: [`a ${subject.change.kind} change with no high-risk trait (not bulk, customer-facing, scoring or flow logic; no consent fields), the agent confident and unflagged`],
    quickApprovable: true
  }
}
