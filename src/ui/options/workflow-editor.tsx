import { useEffect, useId, useState, type FormEvent } from "react"
import { OVERSIGHT_MODEL_LABELS, OversightModel, WorkflowUpsert, type Workflow } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { toUpsert, useUpdateWorkflow } from "./use-workflows"

function draftOf(workflow: Workflow) {
  return {
    model: workflow.model,
    threshold: String(workflow.threshold),
    quorum: String(workflow.quorum),
    expiryHours: workflow.expiryHours === null ? "" : String(workflow.expiryHours),
    paused: workflow.paused
  }
}

/** One workflow's oversight settings, editable by an admin. */
export function WorkflowEditor({ workflow }: { workflow: Workflow }) {
  const update = useUpdateWorkflow()
  const [draft, setDraft] = useState(() => draftOf(workflow))
  // When the server's copy changes (our update, or another admin's), show it. Keyed on
  // updatedAt so a background refetch of the same version keeps what the admin is typing.
  useEffect(() => setDraft(draftOf(workflow)), [workflow.updatedAt]) // eslint-disable-line react-hooks/exhaustive-deps
  const [invalid, setInvalid] = useState<string | null>(null)
  const id = useId()

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = WorkflowUpsert.safeParse({
      ...toUpsert(workflow),
      model: draft.model,
      threshold: Number(draft.threshold),
      quorum: Number(draft.quorum),
      expiryHours: draft.expiryHours.trim() === "" ? null : Number(draft.expiryHours),
      paused: draft.paused
    })
    if (!parsed.success) {
      setInvalid(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "))
      return
    }
    setInvalid(null)
    update.mutate({ id: workflow.id, workflow: parsed.data })
  }

  return (
    <form className="card" aria-label={`Workflow ${workflow.name}`} onSubmit={onSubmit} noValidate>
      <h3>
        {workflow.name} <span className="hint">({workflow.id})</span>
      </h3>
      <div className="field-inline">
        <label htmlFor={`${id}-model`}>Oversight model</label>
        <select
          id={`${id}-model`}
          value={draft.model}
          onChange={(e) => setDraft({ ...draft, model: OversightModel.parse(e.target.value) })}>
          {OversightModel.options.map((m) => (
            <option key={m} value={m}>
              {OVERSIGHT_MODEL_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-threshold`}>Confidence threshold</label>
        <input
          id={`${id}-threshold`}
          type="number"
          min={0}
          max={1}
          step={0.01}
          aria-describedby={`${id}-threshold-hint`}
          value={draft.threshold}
          onChange={(e) => setDraft({ ...draft, threshold: e.target.value })}
        />
        <span id={`${id}-threshold-hint`} className="hint">
          Exception based: proposals below it go to a person
        </span>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-quorum`}>Quorum</label>
        <input
          id={`${id}-quorum`}
          type="number"
          min={1}
          max={10}
          step={1}
          aria-describedby={`${id}-quorum-hint`}
          value={draft.quorum}
          onChange={(e) => setDraft({ ...draft, quorum: e.target.value })}
        />
        <span id={`${id}-quorum-hint`} className="hint">
          Approve before execute: reviewers who must approve
        </span>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-expiry`}>Expiry (hours)</label>
        <input
          id={`${id}-expiry`}
          type="number"
          min={1}
          step={1}
          placeholder="never"
          value={draft.expiryHours}
          onChange={(e) => setDraft({ ...draft, expiryHours: e.target.value })}
        />
      </div>
      <div className="field-inline">
        <input
          id={`${id}-paused`}
          type="checkbox"
          checked={draft.paused}
          onChange={(e) => setDraft({ ...draft, paused: e.target.checked })}
        />
        <label htmlFor={`${id}-paused`}>Paused</label>
      </div>
      {/* Not "Save …": the connection's "Save" button name must stay unique for scripts that find it by name. */}
      <button type="submit" disabled={update.isPending} aria-label={`Update workflow ${workflow.name}`}>
        Update workflow
      </button>
      <div role="status" aria-live="polite" className="status-line">
        {update.isSuccess && <p>Updated. The change is recorded in the audit log.</p>}
      </div>
      {(invalid || update.isError) && (
        <p role="alert" className="error">
          {invalid ?? `Could not update: ${errorText(update.error)}`}
        </p>
      )}
    </form>
  )
}
