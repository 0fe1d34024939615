import { useState } from "react"
import { errorText } from "~src/ui/query-client"
import { planBulkApproval } from "~src/queue/review-queue"
import type { QueueItem } from "~src/local/queue-head"
import { useBulkApprove } from "./use-queue"

/** Approve every item of the filtered view, after a confirmation that says how many. */
export function BulkApprove({ items }: { items: readonly QueueItem[] }) {
  const bulk = useBulkApprove()
  const [stage, setStage] = useState<"idle" | "confirm" | "refused">("idle")
  const plan = planBulkApproval(items)

  if (items.length === 0) return null
  return (
    <div className="bulk">
      <button
        type="button"
        className="secondary small"
        disabled={bulk.isPending}
        onClick={() => {
          bulk.reset()
          setStage(plan.ok ? "confirm" : "refused")
        }}
      >
        Approve all shown ({items.length})
      </button>
      {stage === "refused" && !plan.ok && (
        <p role="alert" className="error">
          {plan.reason}
        </p>
      )}
      {stage === "confirm" && plan.ok && (
        <div role="alertdialog" aria-labelledby="bulk-confirm-text" className="dialog">
          <p id="bulk-confirm-text">
            Approve {plan.items.length} proposal{plan.items.length === 1 ? "" : "s"}? Each is recorded as your decision.
          </p>
          <div className="actions">
            <button
              type="button"
              autoFocus
              onClick={() => {
                setStage("idle")
                bulk.mutate(plan.items.map((i) => i.proposal))
              }}
            >
              Approve {plan.items.length}
            </button>
            <button type="button" className="secondary" onClick={() => setStage("idle")}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {bulk.isPending && <p>Approving…</p>}
        {bulk.isSuccess && (
          <p>
            Approved {bulk.data.approved}
            {bulk.data.failed.length > 0 && `; ${bulk.data.failed.length} failed (${bulk.data.failed[0].message})`}
          </p>
        )}
        {bulk.isError && <p className="error">Bulk approve failed: {errorText(bulk.error)}</p>}
      </div>
    </div>
  )
}
