import { useState } from "react"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { changeHeadline } from "./change-headline"
import type { QueueItem } from "./queue-model"
import { useSubmitDecision } from "./use-queue"

/** A proposal with no page to open (no `target.url`) is reviewed here, in the popup. */
export function ProposalDetail({ item, onBack, onReject }: { item: QueueItem; onBack: () => void; onReject: () => void }) {
  const p = item.proposal
  const submit = useSubmitDecision()
  // Review time is measured from when the reviewer first saw it (SPEC §1: review time measured).
  const [openedAt] = useState(() => Date.now())
  return (
    <article className="detail" aria-labelledby="detail-title">
      <button type="button" className="secondary small" onClick={onBack}>
        Back to queue
      </button>
      <h2 id="detail-title">{p.title}</h2>
      <p className="row-meta">
        {item.workflowName} · {OVERSIGHT_MODEL_LABELS[item.tier]} · {p.agent.name} {p.agent.version} · confidence{" "}
        {Math.round(p.confidence * 100)}%{item.needsQuorum && ` · ${p.approvals}/${p.quorum} approvals`}
      </p>
      <p>{p.summary}</p>
      <p>
        <strong>Change:</strong> {changeHeadline(p.change)}
      </p>
      {p.impact && p.impact.length > 0 && (
        <ul aria-label="Impact">
          {p.impact.map((i) => (
            <li key={i.metric}>
              {i.metric}: <strong>{i.value.toLocaleString("en-US")}</strong>
              {i.note && ` (${i.note})`}
            </li>
          ))}
        </ul>
      )}
      {p.rationale && <p>{p.rationale}</p>}
      {p.evidence.length > 0 && (
        <ul aria-label="Evidence">
          {p.evidence.map((e, index) => (
            <li key={index}>
              {e.label}: {e.value}
              {e.source && ` (${e.source})`}
            </li>
          ))}
        </ul>
      )}
      {p.local?.pendingAction && <p className="row-local">Queued: {p.local.pendingAction} (waiting to send)</p>}
      {p.local?.conflict && <p className="error">Conflict: {p.local.conflict.message}</p>}
      {p.local?.failure && <p className="error">Not sent: {p.local.failure.message}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={submit.isPending || Boolean(p.local?.pendingAction)}
          onClick={() =>
            submit.mutate(
              { proposalId: p.id, action: "approve", proposalVersion: p.version, reviewMs: Date.now() - openedAt },
              { onSuccess: onBack }
            )
          }>
          Approve
        </button>
        <button type="button" className="danger" disabled={Boolean(p.local?.pendingAction)} onClick={onReject}>
          Reject
        </button>
      </div>
      {submit.isError && (
        <p role="alert" className="error">
          Could not approve: {errorText(submit.error)}
        </p>
      )}
    </article>
  )
}
