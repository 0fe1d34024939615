import { useEffect, useState, type KeyboardEvent } from "react"
import type { DeadlineSettings } from "~src/domain/deadlines"
import { OVERSIGHT_MODEL_LABELS, OversightModel, type WorkflowUpsert } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { useUpdateWorkflow } from "./use-workflows"
import { changesOf, draftOf, loosensModel, type WorkflowDraft, type WorkflowRow } from "./workflow-table"

/** Data columns of both row kinds (an admin's rows add one for Save). */
const COLUMNS = 12

export function formatShare(share: number | null) {
  if (share === null)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">no data</span>
      </>
    )
  return `${Math.round(share * 100)}%`
}

function tierDefault(defaults: DeadlineSettings | undefined, model: OversightModel): string {
  if (!defaults) return "tier default"
  const hours = defaults.defaultExpiryHours[model]
  return hours === null ? "none" : `${hours} (tier)`
}

export function deadlineText(expiryHours: number | null, model: OversightModel, defaults: DeadlineSettings | undefined): string {
  if (expiryHours !== null) return `${expiryHours} h`
  const hours = defaults?.defaultExpiryHours[model]
  return hours == null ? "none" : `${hours} h (tier default)`
}

function StatCells({ row }: { row: WorkflowRow }) {
  return (
    <>
      <td className="num">{row.pending ?? formatShare(null)}</td>
      <td className="num">{formatShare(row.rates.approval)}</td>
      <td className="num">{formatShare(row.rates.edit)}</td>
      <td className="num">{formatShare(row.rates.reject)}</td>
      <td className="num">{formatShare(row.rates.revert)}</td>
    </>
  )
}

/** The oversight models as options, strictest first. */
export function ModelOptions() {
  return (
    <>
      {OversightModel.options.map((m) => (
        <option key={m} value={m}>
          {OVERSIGHT_MODEL_LABELS[m]}
        </option>
      ))}
    </>
  )
}

function NumberCell({
  label,
  value,
  onChange,
  onEnter,
  ...bounds
}: {
  label: string
  value: string
  onChange: (value: string) => void
  onEnter: (event: KeyboardEvent) => void
  min: number
  max?: number
  step: number
  placeholder?: string
}) {
  return (
    <td>
      <input type="number" className="narrow" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} onKeyDown={onEnter} {...bounds} />
    </td>
  )
}

/** A workflow as reviewers see it: the same columns, nothing to change. */
export function ReadOnlyWorkflowRow({ row, defaults }: { row: WorkflowRow; defaults: DeadlineSettings | undefined }) {
  const w = row.workflow
  return (
    <tr>
      <th scope="row">{w.name}</th>
      <td>
        <code>{w.id}</code>
      </td>
      <td>{OVERSIGHT_MODEL_LABELS[w.model]}</td>
      <td className="num">{w.threshold}</td>
      <td className="num">{w.quorum}</td>
      <td>{deadlineText(w.expiryHours, w.model, defaults)}</td>
      <td>{w.paused ? "yes" : "no"}</td>
      <StatCells row={row} />
    </tr>
  )
}

/**
 * A workflow an admin edits in place: one Save for the row, sending only what changed (partial
 * PUT). Loosening the model asks first; the server records every change in the audit log.
 */
export function EditableWorkflowRow({ row, defaults }: { row: WorkflowRow; defaults: DeadlineSettings | undefined }) {
  const w = row.workflow
  const update = useUpdateWorkflow()
  const [draft, setDraft] = useState<WorkflowDraft>(() => draftOf(w))
  // Show the server's copy when it changes (our save, another admin's); keyed on updatedAt so a
  // refetch of the same version keeps what the admin is typing.
  useEffect(() => setDraft(draftOf(w)), [w.updatedAt]) // eslint-disable-line react-hooks/exhaustive-deps
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<WorkflowUpsert | null>(null)
  const changes = changesOf(w, draft)
  const dirty = !changes.ok || changes.update !== null
  const set = <K extends keyof WorkflowDraft>(key: K, value: WorkflowDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setProblem(null)
    update.reset()
  }

  function send(body: WorkflowUpsert) {
    setConfirming(null)
    update.mutate({ id: w.id, workflow: body })
  }

  function save() {
    if (!changes.ok) return setProblem(changes.message)
    if (!changes.update) return
    if (loosensModel(w, changes.update)) return setConfirming(changes.update)
    send(changes.update)
  }

  const onEnter = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault()
      save()
    }
  }
  const label = (what: string) => `${what} of ${w.name}`
  const messageId = `wf-${w.id}-message`

  return (
    <>
      <tr className={dirty ? "dirty" : undefined}>
        <th scope="row">{w.name}</th>
        <td>
          <code>{w.id}</code>
        </td>
        <td>
          <select aria-label={label("Oversight model")} value={draft.model} onChange={(e) => set("model", OversightModel.parse(e.target.value))}>
            <ModelOptions />
          </select>
        </td>
        <NumberCell label={label("Threshold")} min={0} max={1} step={0.01} value={draft.threshold} onChange={(v) => set("threshold", v)} onEnter={onEnter} />
        <NumberCell label={label("Quorum")} min={1} max={10} step={1} value={draft.quorum} onChange={(v) => set("quorum", v)} onEnter={onEnter} />
        <NumberCell
          label={label("Deadline in hours")}
          min={1}
          step={1}
          placeholder={tierDefault(defaults, draft.model)}
          value={draft.expiryHours}
          onChange={(v) => set("expiryHours", v)}
          onEnter={onEnter}
        />
        <td>
          <input type="checkbox" aria-label={label("Paused")} checked={draft.paused} onChange={(e) => set("paused", e.target.checked)} />
        </td>
        <StatCells row={row} />
        <td className="row-actions">
          <button type="button" aria-label={`Save ${w.name}`} aria-describedby={messageId} disabled={!dirty || update.isPending} onClick={save}>
            Save
          </button>
          <span role="status" id={messageId} className="row-status">
            {update.isPending ? "Saving…" : update.isSuccess ? "Saved" : ""}
          </span>
        </td>
      </tr>
      {(confirming || problem || update.isError) && (
        <tr className="row-message">
          <td colSpan={COLUMNS + 1}>
            {confirming ? (
              <div role="alertdialog" aria-labelledby={`${messageId}-confirm`} className="dialog">
                <p id={`${messageId}-confirm`}>
                  Loosen {w.name} from {OVERSIGHT_MODEL_LABELS[w.model]} to {OVERSIGHT_MODEL_LABELS[confirming.model!]}? More of what its agent proposes will
                  run before a person looks at it. The change is recorded in the audit log.
                </p>
                <div className="actions">
                  <button type="button" autoFocus onClick={() => send(confirming)}>
                    Loosen oversight
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <p role="alert" className="error">
                {problem ?? `Could not save ${w.name}: ${errorText(update.error)}`}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  )
}
