import { useId, useMemo } from "react"
import type { QueueItem } from "~src/local/queue-head"
import { escalationList } from "~src/queue/escalations"
import { DeadlineNote } from "~src/ui/proposal/deadline-note"
import { errorText } from "~src/ui/query-client"
import { useSettings } from "~src/ui/background-queries"
import { useSaveReminderOptIn } from "./use-reminder-opt-in"
import { describeWaiting } from "./waiting-time"

interface Props {
  /** The whole queue; null while it loads. */
  items: readonly QueueItem[] | null
  nowMs: number
  onOpen: (item: QueueItem) => void
}

/**
 * What needs this reviewer first (loaded on demand): proposals past their reminder — their
 * deadline is close — and those the server escalated, oldest first. With the opt-in, the
 * background also shows a desktop notification at each reminder.
 */
export default function EscalationsScreen({ items, nowMs, onOpen }: Props) {
  const rows = useMemo(() => (items ? escalationList(items, nowMs) : []), [items, nowMs])
  const headingId = useId()
  return (
    <section className="escalations" aria-labelledby={headingId}>
      <h2 id={headingId}>Escalations</h2>
      <p className="hint">
        Waiting for you, oldest first: close to their deadline, or escalated to a person by a rule, a pause, an edge case or low confidence.
      </p>
      <ReminderOptIn />
      {!items && <p role="status">Loading the queue…</p>}
      {items && rows.length === 0 && <p className="empty">Nothing is close to its deadline or escalated.</p>}
      {rows.length > 0 && (
        <ol className="escalation-list" aria-label={`Escalations, oldest first, ${rows.length}`}>
          {rows.map(({ item, reminderDue, escalatedFor }) => (
            <li key={item.proposal.id} className={`escalation${reminderDue ? " reminder-due" : ""}`}>
              <button type="button" className="row-open" onClick={() => onOpen(item)}>
                <span className="row-title">{item.proposal.title}</span>
                <span className="row-meta">
                  {item.workflowName} · waiting {describeWaiting(item.createdAtMs, nowMs)}
                  <DeadlineNote proposal={item.proposal} now={nowMs} separator=" · " />
                  {escalatedFor && ` · escalated: ${escalatedFor}`}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** The opt-in for reminder notifications (off by default): a preference of this browser, kept by the background. */
function ReminderOptIn() {
  const settings = useSettings()
  const save = useSaveReminderOptIn()
  const id = useId()
  const serverUrl = settings.data?.serverUrl ?? ""
  const checked = save.isPending ? save.variables.on : (settings.data?.reminderNotifications ?? false)
  return (
    <div className="opt-in">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={!settings.data?.hasToken || save.isPending}
        onChange={(e) => save.mutate({ serverUrl, on: e.target.checked })}
      />
      <label htmlFor={id}>Desktop notification when a deadline is close (once per proposal)</label>
      {save.isError && (
        <p role="alert" className="error">
          Not saved: {errorText(save.error)}
        </p>
      )}
    </div>
  )
}
