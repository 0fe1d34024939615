import { OVERSIGHT_MODEL_LABELS, OVERSIGHT_MODELS } from "~src/domain/labels"
import type { QueueSummary } from "~src/local/queue-head"
import { describeWaiting } from "./waiting-time"

const TOP_WORKFLOWS = 4

/** Counts by tier and workflow, oldest waiting item, items needing a quorum. */
export function QueueSummaryView({ summary, nowMs }: { summary: QueueSummary; nowMs: number }) {
  return (
    <section aria-label="Queue summary" className="queue-summary">
      <p className="total">
        <strong data-testid="pending-total">{summary.total}</strong> pending
        {summary.needingQuorum > 0 && <span> · {summary.needingQuorum} need a quorum</span>}
      </p>
      <ul className="tiers" aria-label="Pending by oversight tier">
        {OVERSIGHT_MODELS.map((tier) => (
          <li key={tier} aria-label={`${OVERSIGHT_MODEL_LABELS[tier]}: ${summary.byTier[tier]}`}>
            <span className={`tier tier-${tier}`}>{OVERSIGHT_MODEL_LABELS[tier]}</span>
            <strong>{summary.byTier[tier]}</strong>
          </li>
        ))}
      </ul>
      {summary.byWorkflow.length > 0 && (
        <ul className="workflows" aria-label="Pending by workflow">
          {summary.byWorkflow.slice(0, TOP_WORKFLOWS).map((w) => (
            <li key={w.workflowId} aria-label={`${w.name}: ${w.count}`}>
              <span>{w.name}</span> <strong>{w.count}</strong>
            </li>
          ))}
          {summary.byWorkflow.length > TOP_WORKFLOWS && <li>+{summary.byWorkflow.length - TOP_WORKFLOWS} more workflows</li>}
        </ul>
      )}
      {summary.oldest && (
        <p className="oldest">
          Oldest waiting: <span>{summary.oldest.proposal.title}</span> ({describeWaiting(summary.oldest.createdAtMs, nowMs)})
        </p>
      )}
    </section>
  )
}
