import { useVirtualizer } from "@tanstack/react-virtual"
import { useEffect, useRef } from "react"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/labels"
import type { QueueItem } from "~src/local/queue-head"
import { platformLabel } from "~src/platforms"
import { DeadlineNote } from "~src/ui/proposal/deadline-note"
import { formatWaiting } from "./waiting-time"

/** Fixed row height: no per-row measuring, so 10,000 rows cost the same as 10 to lay out. */
export const ROW_HEIGHT = 64
const LIST_HEIGHT = 320

interface Props {
  items: readonly QueueItem[]
  /** Size of the whole list when `items` is only its head (the whole queue is still on its way). */
  total?: number
  selectedIndex: number
  /** Set when the selection moved by keyboard: scroll to it and move focus onto it. */
  focusSelected: boolean
  nowMs: number
  onSelect: (index: number) => void
  onOpen: (item: QueueItem) => void
  onQuickApprove: (item: QueueItem) => void
  /** Forget a refused local decision once the user has read why. */
  onDismiss: (item: QueueItem) => void
  approvingIds: ReadonlySet<string>
}

function riskLabel(score: number): string {
  if (score >= 4) return "High risk"
  if (score > 0) return "Some risk"
  return "Low risk"
}

function localState(item: QueueItem): string | null {
  const local = item.proposal.local
  if (local?.conflict) return `Conflict: ${local.conflict.message}`
  if (local?.failure) return `Not sent: ${local.failure.message}`
  if (local?.pendingAction && local.queuedBy)
    return `Queued by ${local.queuedBy.name} on ${local.queuedBy.server}: ${local.pendingAction}, sent only when that account is connected again`
  if (local?.pendingAction) return `Queued: ${local.pendingAction} (waiting to send)`
  if (local?.alreadyApproved) return "You approved this version; waiting for another reviewer"
  return null
}

export function QueueList({
  items,
  total = items.length,
  selectedIndex,
  focusSelected,
  nowMs,
  onSelect,
  onOpen,
  onQuickApprove,
  onDismiss,
  approvingIds
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]?.proposal.id ?? index
  })

  useEffect(() => {
    if (!focusSelected || selectedIndex < 0 || selectedIndex >= items.length) return
    virtualizer.scrollToIndex(selectedIndex, { align: "auto" })
    // The row may only exist after the virtualizer re-renders at the new offset.
    const frame = requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${selectedIndex}"] .row-open`)?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [focusSelected, selectedIndex, items.length, virtualizer])

  if (items.length === 0) return <p className="empty">Nothing waiting in this view.</p>

  return (
    <div ref={scrollRef} className="queue-scroll" style={{ height: LIST_HEIGHT, overflowY: "auto" }}>
      <ul
        aria-label={`Pending proposals, ${total}`}
        className="queue"
        style={{ height: virtualizer.getTotalSize(), position: "relative", margin: 0, padding: 0 }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]
          const p = item.proposal
          const local = localState(item)
          const selected = row.index === selectedIndex
          return (
            <li
              key={row.key}
              data-index={row.index}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              aria-current={selected ? "true" : undefined}
              className={`row${selected ? " selected" : ""}${p.local?.conflict || p.local?.failure ? " conflict" : ""}`}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <button type="button" className="row-open" onFocus={() => onSelect(row.index)} onClick={() => onOpen(item)}>
                <span className="row-title">{p.title}</span>
                <span className="row-meta">
                  {item.workflowName} · {platformLabel(p.target.platform)} · {formatWaiting(item.createdAtMs, nowMs)} · {OVERSIGHT_MODEL_LABELS[item.tier]} ·{" "}
                  {riskLabel(item.riskScore)}
                  {item.needsQuorum && ` · ${p.approvals}/${p.quorum} approvals`}
                  <DeadlineNote proposal={p} now={nowMs} separator=" · " />
                </span>
                {local && <span className="row-local">{local}</span>}
              </button>
              {(p.local?.conflict || p.local?.failure) && (
                <button type="button" className="secondary small" aria-label={`Dismiss notice on ${p.title}`} onClick={() => onDismiss(item)}>
                  Dismiss
                </button>
              )}
              {p.local?.queuedBy && (
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Discard ${p.local.queuedBy.name}'s queued decision on ${p.title}`}
                  onClick={() => onDismiss(item)}
                >
                  Discard
                </button>
              )}
              {item.quickApprovable && (
                <button
                  type="button"
                  className="quick-approve"
                  aria-label={`Approve ${p.title}`}
                  disabled={approvingIds.has(p.id)}
                  onClick={() => onQuickApprove(item)}
                >
                  Approve
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
