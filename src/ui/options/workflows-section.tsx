import { useEffect, useId, useRef, useState } from "react"
import { OversightModel } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { RiskQuestionnaireSection } from "./risk-questionnaire-section"
import { useDeadlineSettings, useMe, useWorkflows } from "~src/ui/background-queries"
import { useStats } from "./use-stats"
import { NO_FILTER, filterRows, nextSort, sortRows, workflowRows, type SortKey, type TableFilter, type TableSort } from "./workflow-table"
import { EditableWorkflowRow, ModelOptions, ReadOnlyWorkflowRow } from "./workflow-table-row"

/** The stats the table's rates come from. */
const RATE_WINDOW_DAYS = 30

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Workflow" },
  { key: "id", label: "Id" },
  { key: "model", label: "Oversight model" },
  { key: "threshold", label: "Threshold", numeric: true },
  { key: "quorum", label: "Quorum", numeric: true },
  { key: "deadline", label: "Deadline" },
  { key: "paused", label: "Paused" },
  { key: "pending", label: "Pending", numeric: true },
  { key: "approval", label: "Approve", numeric: true },
  { key: "edit", label: "Edit", numeric: true },
  { key: "reject", label: "Reject", numeric: true },
  { key: "revert", label: "Revert", numeric: true }
]

/**
 * Every workflow side by side: model, threshold, quorum, deadline, paused, what waits, and the last
 * 30 days' rates. Admins edit a row in place and save it; reviewers see the same table read-only.
 * New workflows start from the risk questionnaire.
 */
export function WorkflowsSection() {
  const workflows = useWorkflows()
  const stats = useStats(RATE_WINDOW_DAYS)
  const deadlines = useDeadlineSettings()
  const gate = adminGate(useMe())
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER)
  const [sort, setSort] = useState<TableSort>({ key: "name", direction: "ascending" })
  const [creating, setCreating] = useState(false)
  const id = useId()

  const all = workflowRows(workflows.data ?? [], stats.data?.workflows)
  const rows = sortRows(filterRows(all, filter), sort)
  const Row = gate.canEdit ? EditableWorkflowRow : ReadOnlyWorkflowRow

  return (
    <section aria-labelledby="workflows-heading" className="card">
      <h2 id="workflows-heading">Workflows</h2>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      <div className="toolbar">
        <div className="field-inline">
          <label htmlFor={`${id}-filter`}>Filter</label>
          <input
            id={`${id}-filter`}
            type="search"
            placeholder="name or id"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-model`}>Model</label>
          <select
            id={`${id}-model`}
            value={filter.model}
            onChange={(e) => setFilter({ ...filter, model: e.target.value === "all" ? "all" : OversightModel.parse(e.target.value) })}
          >
            <option value="all">All models</option>
            <ModelOptions />
          </select>
        </div>
        <div className="field-inline">
          <input id={`${id}-paused`} type="checkbox" checked={filter.pausedOnly} onChange={(e) => setFilter({ ...filter, pausedOnly: e.target.checked })} />
          <label htmlFor={`${id}-paused`}>Paused only</label>
        </div>
        {gate.canEdit && (
          <button type="button" className="secondary push-right" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            New workflow
          </button>
        )}
      </div>
      {creating && <NewWorkflow onClose={() => setCreating(false)} />}
      {workflows.isPending && <p role="status">Loading workflows…</p>}
      {workflows.isError && (
        <p role="alert" className="error">
          Could not load workflows: {errorText(workflows.error)}
        </p>
      )}
      {stats.isError && <p className="hint">Rates unavailable: {errorText(stats.error)}</p>}
      {workflows.data?.length === 0 && <p>No workflows yet. They appear when an agent first posts a proposal, or create one with “New workflow”.</p>}
      {all.length > 0 && (
        <>
          <p className="hint" id={`${id}-about`}>
            Rates over the last {RATE_WINDOW_DAYS} days: approve, edit and reject as shares of people's decisions, revert as a share of what ran. An empty
            deadline uses its tier's default (see Deadlines). {rows.length} of {all.length} shown.
          </p>
          <div className="table-scroll" role="region" aria-label="Workflow table, scrolls sideways" tabIndex={0}>
            <table aria-label={gate.canEdit ? "Workflows" : "Workflows (read-only)"} aria-describedby={`${id}-about`} className="workflow-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? "num" : undefined} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                      <button type="button" className="sort" onClick={() => setSort(nextSort(sort, c.key))}>
                        {c.label}
                        <span aria-hidden="true" className="sort-mark">
                          {sort.key === c.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                        </span>
                      </button>
                    </th>
                  ))}
                  {gate.canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <Row key={row.workflow.id} row={row} defaults={deadlines.data} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

/** The risk questionnaire, opened from the table: answer, see the recommended model, create. */
function NewWorkflow({ onClose }: { onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const heading = box.current?.querySelector<HTMLElement>("h3")
    if (heading) {
      heading.tabIndex = -1
      heading.focus()
    }
  }, [])
  return (
    <div ref={box} className="dialog new-workflow">
      <RiskQuestionnaireSection />
      <button type="button" className="secondary" onClick={onClose}>
        Close
      </button>
    </div>
  )
}
