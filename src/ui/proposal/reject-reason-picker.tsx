import { useId, useState } from "react"
import type { DecisionReason, RejectionReasonCode } from "~src/domain"
import { REJECTION_REASON_CODES as REJECTION_REASON_ORDER, REJECTION_REASON_LABELS } from "~src/domain/labels"
import { useTrustedHandler } from "./trusted-events"

export { REJECTION_REASON_ORDER }

/**
 * Preset reasons: Reject → a reason sends the rejection (two actions). `other` needs words,
 * so it opens a text box whose send button stays disabled until there is text.
 * Number keys 1–6 pick a reason (hinted next to each).
 */
export function RejectReasonPicker({ onReject, onCancel }: { onReject: (reason: DecisionReason) => void; onCancel: () => void }) {
  const trusted = useTrustedHandler()
  const [otherOpen, setOtherOpen] = useState(false)
  const [text, setText] = useState("")
  const textId = useId()
  const pick = (code: RejectionReasonCode) => (code === "other" ? setOtherOpen(true) : onReject({ code }))
  return (
    <div
      className="reject-reasons"
      role="group"
      aria-label="Why reject?"
      onKeyDown={trusted((e: React.KeyboardEvent) => {
        const index = Number(e.key) - 1
        const target = e.target as HTMLElement
        if (otherOpen || target.tagName === "TEXTAREA" || !(index >= 0 && index < REJECTION_REASON_ORDER.length)) return
        e.preventDefault()
        pick(REJECTION_REASON_ORDER[index])
      })}
    >
      <p className="prompt">Why reject?</p>
      <div className="reason-buttons">
        {REJECTION_REASON_ORDER.map((code, i) => (
          <button
            key={code}
            type="button"
            className="reason"
            autoFocus={i === 0}
            aria-pressed={code === "other" ? otherOpen : undefined}
            onClick={trusted(() => pick(code))}
          >
            {REJECTION_REASON_LABELS[code]} <kbd aria-hidden="true">{i + 1}</kbd>
          </button>
        ))}
      </div>
      {otherOpen && (
        <div className="other-reason">
          <label htmlFor={textId}>Reason for rejecting</label>
          <textarea id={textId} rows={3} value={text} onChange={trusted((e) => setText(e.target.value))} autoFocus />
          <button type="button" className="danger" disabled={text.trim() === ""} onClick={trusted(() => onReject({ code: "other", text: text.trim() }))}>
            Send rejection
          </button>
        </div>
      )}
      <button type="button" className="link" onClick={trusted(() => onCancel())}>
        Cancel
      </button>
    </div>
  )
}
