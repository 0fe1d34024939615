import { useId, useState } from "react"
import type { DeadlineSettings } from "~src/domain/deadlines"
import { OVERSIGHT_MODEL_LABELS, OversightModel, type Workflow, type WorkflowUpsert } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { useDeadlineSettings, useMe, useWorkflows } from "~src/ui/background-queries"
import { useChangeWorkflow } from "./use-tier-settings"
import { workflowDeadlineText } from "./workflow-deadline"

/** Where the rest of a workflow's settings are edited: the options page's workflows section. */
export const OPTIONS_WORKFLOWS_URL = "options.html#workflows"

type Pending = { workflow: Workflow; change: WorkflowUpsert; question: string; confirm: string }

/**
 * Each workflow's oversight at a glance, for everyone (loaded on demand): model, threshold,
 * quorum, deadline and whether it is paused. Admins may switch the model, pause and resume here,
 * each after a confirmation (the server records it in the audit log); everything else is on the
 * options page.
 */
export default function TierSettingsScreen() {
  const workflows = useWorkflows()
  const me = useMe()
  const defaults = useDeadlineSettings()
  const change = useChangeWorkflow()
  const [pending, setPending] = useState<Pending | null>(null)
  const headingId = useId()
  const isAdmin = me.data?.role === "admin"

  const ask = (p: Pending) => {
    change.reset()
    setPending(p)
  }

  return (
    <section className="tier-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>Workflows and oversight</h2>
      <p className="hint">
        {isAdmin ? "Switch a model, pause or resume here; " : "Admins change these; "}
        thresholds, quorum, deadlines and review rules are on the{" "}
        <a href={`/${OPTIONS_WORKFLOWS_URL}`} target="_blank" rel="noreferrer">
          options page
        </a>
        .
      </p>
      {workflows.isPending && <p role="status">Loading workflows…</p>}
      {workflows.isError && (
        <p role="alert" className="error">
          Could not load the workflows: {errorText(workflows.error)}
        </p>
      )}
      {pending && (
        <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="dialog">
          <p id={`${headingId}-confirm`}>{pending.question}</p>
          <div className="actions">
            <button
              type="button"
              autoFocus
              disabled={change.isPending}
              onClick={() => change.mutate({ id: pending.workflow.id, change: pending.change }, { onSuccess: () => setPending(null) })}
            >
              {pending.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
          {change.isError && (
            <p role="alert" className="error">
              Not changed: {errorText(change.error)}
            </p>
          )}
        </div>
      )}
      {workflows.data?.length === 0 && <p className="empty">No workflows yet: an agent's first proposal creates its workflow.</p>}
      {workflows.data && workflows.data.length > 0 && (
        <ul className="tier-list" aria-label="Workflows">
          {workflows.data.map((w) => (
            <WorkflowRow key={w.id} workflow={w} defaults={defaults.data} isAdmin={isAdmin} busy={change.isPending || pending !== null} onAsk={ask} />
          ))}
        </ul>
      )}
    </section>
  )
}

function WorkflowRow({
  workflow: w,
  defaults,
  isAdmin,
  busy,
  onAsk
}: {
  workflow: Workflow
  defaults: DeadlineSettings | undefined
  isAdmin: boolean
  busy: boolean
  onAsk: (p: Pending) => void
}) {
  const headingId = useId()
  const modelId = useId()
  return (
    <li className="tier-row" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {w.name}
        {w.paused && <span className="paused-badge">Paused</span>}
      </h3>
      <dl className="tier-facts">
        <dt>Model</dt>
        <dd>{OVERSIGHT_MODEL_LABELS[w.model]}</dd>
        <dt>Threshold</dt>
        <dd>
          {Math.round(w.threshold * 100)}%{w.model !== "exception" && <span className="muted"> (exception model only)</span>}
        </dd>
        <dt>Quorum</dt>
        <dd>
          {w.quorum} reviewer{w.quorum === 1 ? "" : "s"}
        </dd>
        <dt>Deadline</dt>
        <dd>{workflowDeadlineText(w, defaults)}</dd>
      </dl>
      {isAdmin && (
        <div className="tier-controls">
          <label htmlFor={modelId}>Oversight model</label>
          <select
            id={modelId}
            value={w.model}
            disabled={busy}
            onChange={(e) => {
              const model = e.target.value as Workflow["model"]
              if (model === w.model) return
              onAsk({
                workflow: w,
                change: { model },
                question: `Switch “${w.name}” from ${OVERSIGHT_MODEL_LABELS[w.model]} to ${OVERSIGHT_MODEL_LABELS[model]}? New proposals follow the new model; the change is recorded in the audit log.`,
                confirm: "Switch model"
              })
            }}
          >
            {OversightModel.options.map((m) => (
              <option key={m} value={m}>
                {OVERSIGHT_MODEL_LABELS[m]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary small"
            disabled={busy}
            aria-label={`${w.paused ? "Resume" : "Pause"} ${w.name}`}
            onClick={() =>
              onAsk(
                w.paused
                  ? {
                      workflow: w,
                      change: { paused: false },
                      question: `Resume “${w.name}”? Its proposals follow its model again; recorded in the audit log.`,
                      confirm: "Resume"
                    }
                  : {
                      workflow: w,
                      change: { paused: true },
                      question: `Pause “${w.name}”? Every new proposal waits for a person until it is resumed; recorded in the audit log.`,
                      confirm: "Pause"
                    }
              )
            }
          >
            {w.paused ? "Resume" : "Pause"}
          </button>
        </div>
      )}
    </li>
  )
}
