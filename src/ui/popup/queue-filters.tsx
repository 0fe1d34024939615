import { useId } from "react"
import { OVERSIGHT_MODEL_LABELS, OVERSIGHT_MODELS } from "~src/domain/labels"
import { platformLabel } from "~src/platforms"
import type { QueueFilter } from "~src/queue/review-queue"
import type { QueueSummary } from "~src/local/queue-head"
import { listedValue } from "./listed-value"

interface Props {
  filter: QueueFilter
  onChange: (filter: QueueFilter) => void
  /** Summary of the unfiltered queue: the choices offered are the ones that have items. */
  summary: QueueSummary
}

export function QueueFilters({ filter, onChange, summary }: Props) {
  const ids = { platform: useId(), workflow: useId(), tier: useId() }
  return (
    <div className="filters" role="group" aria-label="Filter the queue">
      <label htmlFor={ids.platform}>Platform</label>
      <select
        id={ids.platform}
        value={filter.platform ?? ""}
        onChange={(e) => onChange({ ...filter, platform: e.target.value ? listedValue(summary.platforms, e.target.value) : null })}
      >
        <option value="">All</option>
        {summary.platforms.map((p) => (
          <option key={p} value={p}>
            {platformLabel(p)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.workflow}>Workflow</label>
      <select id={ids.workflow} value={filter.workflowId ?? ""} onChange={(e) => onChange({ ...filter, workflowId: e.target.value || null })}>
        <option value="">All</option>
        {summary.byWorkflow.map((w) => (
          <option key={w.workflowId} value={w.workflowId}>
            {w.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.tier}>Tier</label>
      <select
        id={ids.tier}
        value={filter.tier ?? ""}
        onChange={(e) => onChange({ ...filter, tier: e.target.value ? listedValue(OVERSIGHT_MODELS, e.target.value) : null })}
      >
        <option value="">All</option>
        {OVERSIGHT_MODELS.map((t) => (
          <option key={t} value={t}>
            {OVERSIGHT_MODEL_LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  )
}
