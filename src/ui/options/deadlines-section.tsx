import { useEffect, useId, useState, type FormEvent } from "react"
import { OVERSIGHT_MODELS } from "~src/domain/labels"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { deadlineDraftOf, deadlineUpdateOf, type DeadlineDraft } from "./deadline-form"
import { useSaveDeadlines } from "./use-save-deadlines"
import { useDeadlineSettings, useMe } from "~src/ui/background-queries"

/**
 * Default deadlines per tier (oversight model) and when the reminder comes. A workflow's own
 * deadline (Workflows table) overrides its tier's. Admins change them; everyone may read them,
 * since the panel and popup show deadlines and remind at the same point.
 */
export function DeadlinesSection() {
  const settings = useDeadlineSettings()
  const save = useSaveDeadlines()
  const gate = adminGate(useMe())
  const [draft, setDraft] = useState<DeadlineDraft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()
  useEffect(() => {
    if (settings.data) setDraft(deadlineDraftOf(settings.data))
  }, [settings.data])

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!settings.data || !draft || !gate.canEdit) return
    const changes = deadlineUpdateOf(settings.data, draft)
    if (!changes.ok) return setProblem(changes.message)
    setProblem(null)
    if (changes.update) save.mutate(changes.update)
  }

  const edit = (next: DeadlineDraft) => {
    setDraft(next)
    save.reset()
  }

  return (
    <section aria-labelledby="deadlines-heading" className="card">
      <h2 id="deadlines-heading">Deadlines</h2>
      <p className="hint">
        A pending proposal expires (and is never executed) after its deadline; a reminder comes before that. A workflow's own deadline in the Workflows table
        overrides its tier's. Changes apply to proposals created from now on.
      </p>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      {settings.isPending && <p role="status">Loading deadlines…</p>}
      {settings.isError && (
        <p role="alert" className="error">
          Could not load the deadlines: {errorText(settings.error)}
        </p>
      )}
      {draft && (
        <form onSubmit={onSubmit} noValidate aria-label="Default deadlines">
          <fieldset>
            <legend>Default deadline per tier (hours; empty: none)</legend>
            {OVERSIGHT_MODELS.map((tier) => (
              <div className="field-inline" key={tier}>
                <label htmlFor={`${id}-${tier}`} className="wide-label">
                  {OVERSIGHT_MODEL_LABELS[tier]}
                </label>
                <input
                  id={`${id}-${tier}`}
                  type="number"
                  min={1}
                  step={1}
                  placeholder="none"
                  readOnly={!gate.canEdit}
                  value={draft.hours[tier]}
                  onChange={(e) => edit({ ...draft, hours: { ...draft.hours, [tier]: e.target.value } })}
                />
              </div>
            ))}
          </fieldset>
          <div className="field-inline">
            <label htmlFor={`${id}-reminder`}>Remind at (% of the time to the deadline)</label>
            <input
              id={`${id}-reminder`}
              type="number"
              min={1}
              max={99}
              step={1}
              readOnly={!gate.canEdit}
              aria-describedby={`${id}-reminder-hint`}
              value={draft.reminderPercent}
              onChange={(e) => edit({ ...draft, reminderPercent: e.target.value })}
            />
          </div>
          <p className="hint" id={`${id}-reminder-hint`}>
            At 80%, a proposal with a 10-hour deadline is reminded of after 8 hours (badge, opt-in notification, the `proposal.expiring` webhook).
          </p>
          {gate.canEdit && (
            <button type="submit" disabled={save.isPending}>
              Save deadlines
            </button>
          )}
        </form>
      )}
      <div role="status" aria-live="polite" className="status-line">
        {save.isSuccess && <p>Deadlines saved. The change is recorded in the audit log.</p>}
      </div>
      {(problem || save.isError) && (
        <p role="alert" className="error">
          {problem ?? `Could not save the deadlines: ${errorText(save.error)}`}
        </p>
      )}
    </section>
  )
}
