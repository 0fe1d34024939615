import type { DecisionAction } from "~src/domain"
import type { LocalProposal } from "~src/local/local-proposal"
import { useTrustedHandler } from "./trusted-events"

const QUEUED_LABELS: Record<DecisionAction, string> = {
  approve: "Approval",
  reject: "Rejection",
  edit: "Edit",
  revert: "Revert",
  pause: "Pause"
}

/** How our copy differs from the server's: a decision still in the outbox, or one the server refused. */
export function LocalStateNotice({ local, online, onDismiss }: { local: LocalProposal["local"]; online: boolean; onDismiss?: () => void }) {
  const trusted = useTrustedHandler()
  if (!local) return null
  const refusal = local.conflict ? { title: "Conflict", ...local.conflict } : local.failure ? { title: "Not accepted", ...local.failure } : null
  return (
    <>
      {local.pendingAction && local.queuedBy && (
        <div className="notice queued" role="status">
          {QUEUED_LABELS[local.pendingAction]} queued by {local.queuedBy.name} on {local.queuedBy.server}: it is sent only with {local.queuedBy.name}'s account,
          when that account is connected again.
          {onDismiss && (
            <button type="button" className="link" onClick={trusted(() => onDismiss())}>
              Discard
            </button>
          )}
        </div>
      )}
      {local.pendingAction && !local.queuedBy && (
        <p className="notice queued" role="status">
          {QUEUED_LABELS[local.pendingAction]} queued{online ? ", sending…" : " (offline)"}
        </p>
      )}
      {local.alreadyApproved && (
        <p className="notice queued" role="status">
          You approved this version; it waits for another reviewer.
        </p>
      )}
      {refusal && (
        <div className="notice conflict" role="alert">
          <strong>{refusal.title}:</strong> {refusal.message}
          {onDismiss && (
            <button type="button" className="link" onClick={trusted(() => onDismiss())}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </>
  )
}
