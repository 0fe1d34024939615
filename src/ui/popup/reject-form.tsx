import { useId, useState, type FormEvent } from "react"
import type { RejectionReasonCode } from "~src/domain/decision"
import { REJECTION_REASON_CODES, REJECTION_REASON_LABELS } from "~src/domain/labels"
import type { QueueEntry } from "~src/local/local-proposal"
import { errorText } from "~src/ui/query-client"
import { listedValue } from "./listed-value"
import { useSubmitDecision } from "./use-queue"

/** Reject with a preset reason: R, pick a reason, Enter — three actions. */
export function RejectForm({ proposal, onClose }: { proposal: Pick<QueueEntry, "id" | "version" | "title">; onClose: () => void }) {
  const submit = useSubmitDecision()
  const [code, setCode] = useState<RejectionReasonCode>("off_brand")
  const [text, setText] = useState("")
  const ids = { reason: useId(), text: useId(), heading: useId() }
  const needsText = code === "other" && !text.trim()

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (needsText) return
    submit.mutate(
      {
        proposalId: proposal.id,
        action: "reject",
        proposalVersion: proposal.version,
        reason: { code, ...(text.trim() ? { text: text.trim() } : {}) }
      },
      { onSuccess: onClose }
    )
  }

  return (
    <form className="dialog" role="dialog" aria-labelledby={ids.heading} onSubmit={onSubmit} onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <p id={ids.heading} className="dialog-title">
        Reject “{proposal.title}”
      </p>
      <label htmlFor={ids.reason}>Reason</label>
      <select id={ids.reason} autoFocus value={code} onChange={(e) => setCode(listedValue(REJECTION_REASON_CODES, e.target.value))}>
        {REJECTION_REASON_CODES.map((c) => (
          <option key={c} value={c}>
            {REJECTION_REASON_LABELS[c]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.text}>{code === "other" ? "Explain (required)" : "Note (optional)"}</label>
      <input id={ids.text} type="text" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <div className="actions">
        <button type="submit" className="danger" disabled={submit.isPending || needsText}>
          Reject
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
      {submit.isError && (
        <p role="alert" className="error">
          Could not reject: {errorText(submit.error)}
        </p>
      )}
    </form>
  )
}
