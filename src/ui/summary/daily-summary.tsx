import { useId, useState, type ReactNode } from "react"
import { ESCALATION_REASON_LABELS } from "~src/queue/escalations"
import type { EscalatedItem, SummaryItem, WorkflowSummary } from "~src/domain/summary"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/workflow"
import { platformLabel } from "~src/platforms"
import { errorText } from "~src/ui/query-client"
import { isQuietDay, summaryCounts } from "./summary-counts"
import { isSummaryDay, utcDay, yesterdayUtc } from "./summary-date"
import { SUMMARY_CSS } from "./summary-styles"
import { useDailySummary, useSummaryDecision } from "./use-daily-summary"

export interface DailySummaryProps {
  /** Clock for "yesterday" (tests); Date.now() otherwise. */
  now?: number
  /** Open an item on its page (the popup asks the background to open a tab); omitted: titles are plain text. */
  onOpenProposal?: (proposalId: string) => void
  /** More for the chosen day, under the date picker (the options page's report download). */
  dayActions?: (date: string) => ReactNode
}

/**
 * The daily summary of the monitor and exception models ("review a daily summary report and
 * spot-check a sample"): for one UTC day, per workflow, what ran (executed, auto-approved, failed,
 * reverted), what was escalated to a person, and the spot-check sample, with one-click Revert and
 * Pause workflow on everything that ran. A self-contained section: the popup mounts it, and the
 * options page can too (it needs only a BackgroundProvider).
 */
export function DailySummary({ now = Date.now(), onOpenProposal, dayActions }: DailySummaryProps) {
  const [date, setDate] = useState(() => yesterdayUtc(now))
  const [typed, setTyped] = useState(date)
  const summary = useDailySummary(date)
  const dateId = useId()
  const yesterday = yesterdayUtc(now)

  const choose = (value: string) => {
    setTyped(value)
    if (isSummaryDay(value, now)) setDate(value)
  }

  return (
    <section className="daily-summary" aria-labelledby={`${dateId}-heading`}>
      <style>{SUMMARY_CSS}</style>
      <h2 id={`${dateId}-heading`}>
        Daily summary{" "}
        <span className="summary-utc">
          · {date === yesterday ? "yesterday, " : ""}
          {date} (UTC day)
        </span>
      </h2>
      <div className="summary-dates">
        <button type="button" className="secondary small" aria-pressed={date === yesterday} onClick={() => choose(yesterday)}>
          Yesterday
        </button>
        <label htmlFor={dateId}>Day (UTC)</label>
        <input id={dateId} type="date" max={utcDay(now)} value={typed} aria-invalid={!isSummaryDay(typed, now)} onChange={(e) => choose(e.target.value)} />
      </div>
      {dayActions?.(date)}
      {summary.isPending && <p role="status">Loading the summary…</p>}
      {summary.isError && (
        <p role="alert" className="error">
          Could not load the summary: {errorText(summary.error)}
        </p>
      )}
      {summary.data && <SummaryBody workflows={summary.data.workflows} onOpenProposal={onOpenProposal} />}
    </section>
  )
}

function SummaryBody({ workflows, onOpenProposal }: { workflows: WorkflowSummary[]; onOpenProposal?: (id: string) => void }) {
  const busy = workflows.filter((w) => !isQuietDay(w))
  const quiet = workflows.filter(isQuietDay)
  if (busy.length === 0) return <p className="empty">Nothing ran or was escalated that day.</p>
  return (
    <>
      {busy.map((w) => (
        <WorkflowDay key={w.workflowId} workflow={w} onOpenProposal={onOpenProposal} />
      ))}
      {quiet.length > 0 && <p className="summary-quiet">Nothing that day in {quiet.map((w) => w.name).join(", ")}.</p>}
    </>
  )
}

function WorkflowDay({ workflow: w, onOpenProposal }: { workflow: WorkflowSummary; onOpenProposal?: (id: string) => void }) {
  const headingId = useId()
  const ran = [...w.executed, ...w.autoApproved]
  const row = (item: SummaryItem) => <SummaryItemRow key={item.proposalId} item={item} workflow={w} onOpenProposal={onOpenProposal} />
  return (
    <section className="summary-workflow" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {w.name} <span className="summary-model">· {OVERSIGHT_MODEL_LABELS[w.model]}</span>
        {w.paused && <span className="summary-paused">Paused</span>}
      </h3>
      <ul className="summary-counts" aria-label={`${w.name}: what happened`}>
        {summaryCounts(w).map((c) => (
          <li key={c.label}>
            <strong>{c.count}</strong> {c.label}
          </li>
        ))}
      </ul>
      {w.spotCheck.items.length > 0 && (
        <>
          <h4>
            Spot-check sample: {w.spotCheck.items.length} of {w.spotCheck.population} that ran
          </h4>
          <ul className="summary-items" aria-label={`Spot-check sample of ${w.name}`}>
            {w.spotCheck.items.map(row)}
          </ul>
        </>
      )}
      {w.escalated.length > 0 && (
        <details>
          <summary>Escalated to a person ({w.escalated.length})</summary>
          <ul className="summary-items" aria-label={`Escalated in ${w.name}`}>
            {w.escalated.map((item) => (
              <SummaryItemRow key={item.proposalId} item={item} workflow={w} onOpenProposal={onOpenProposal} />
            ))}
          </ul>
        </details>
      )}
      {ran.length > 0 && (
        <details>
          <summary>Everything that ran ({ran.length})</summary>
          <ul className="summary-items" aria-label={`What ran in ${w.name}`}>
            {ran.map(row)}
          </ul>
        </details>
      )}
      {w.failed.length + w.reverted.length > 0 && (
        <details>
          <summary>Failed or reverted ({w.failed.length + w.reverted.length})</summary>
          <ul className="summary-items" aria-label={`Failed or reverted in ${w.name}`}>
            {[...w.failed, ...w.reverted].map(row)}
          </ul>
        </details>
      )}
    </section>
  )
}

const STATUS_WORDS: Partial<Record<SummaryItem["status"], string>> = {
  auto_approved: "auto-approved",
  executed: "executed",
  failed: "failed",
  reverted: "reverted",
  pending: "waiting for a person",
  approved: "approved"
}

function SummaryItemRow({
  item,
  workflow,
  onOpenProposal
}: {
  item: SummaryItem | EscalatedItem
  workflow: WorkflowSummary
  onOpenProposal?: (id: string) => void
}) {
  const decide = useSummaryDecision()
  const queued = decide.data?.proposal.local?.pendingAction
  const escalatedFor = "reason" in item ? (ESCALATION_REASON_LABELS[item.reason] ?? item.reason) : null
  const busy = decide.isPending || queued !== undefined
  return (
    <li className="summary-item">
      <span className="summary-item-text">
        {onOpenProposal && item.target.url ? (
          <button type="button" className="link summary-item-title" onClick={() => onOpenProposal(item.proposalId)}>
            {item.title}
          </button>
        ) : (
          <span className="summary-item-title">{item.title}</span>
        )}
        <span className="summary-item-meta">
          {STATUS_WORDS[item.status] ?? item.status} · {platformLabel(item.target.platform)} {item.target.kind} {item.target.id}
          {escalatedFor && ` · ${escalatedFor}`}
          {item.detail && !escalatedFor && ` · ${item.detail}`}
        </span>
        {queued && <span className="summary-item-state">{queued === "revert" ? "Revert queued" : "Pause queued"}: sent with the next sync</span>}
        {decide.isError && (
          <span role="alert" className="error">
            Not sent: {errorText(decide.error)}
          </span>
        )}
      </span>
      {/* Escalated items wait for a decision (in the queue); the rest ran or tried to. */}
      {(item.revertible || !workflow.paused) && !escalatedFor && (
        <span className="summary-item-actions">
          {item.revertible && (
            <button
              type="button"
              className="danger small"
              disabled={busy}
              aria-label={`Revert ${item.title}`}
              onClick={() => decide.mutate({ item, action: "revert" })}
            >
              Revert
            </button>
          )}
          {!workflow.paused && (
            <button
              type="button"
              className="secondary small"
              disabled={busy}
              aria-label={`Pause workflow ${workflow.name} (from ${item.title})`}
              onClick={() => decide.mutate({ item, action: "pause" })}
            >
              Pause workflow
            </button>
          )}
        </span>
      )}
    </li>
  )
}
