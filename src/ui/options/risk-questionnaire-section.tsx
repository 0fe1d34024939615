import { useId, useState, type FormEvent } from "react"
import { DEFAULT_BULK_THRESHOLD, recommendOversight, type RiskAnswers } from "~src/domain/risk-questionnaire"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { useMe, useWorkflows } from "~src/ui/background-queries"
import { useUpdateWorkflow } from "./use-workflows"
import { isValidWorkflowId, workflowIdFromName } from "./workflow-id"

const YES_NO_QUESTIONS: { key: keyof RiskAnswers; label: string }[] = [
  { key: "touchesCustomerData", label: "Does it touch customer data?" },
  { key: "writesProduction", label: "Does it write to production systems?" },
  { key: "customerFacing", label: "Is its output customer-facing?" },
  { key: "changesScoringOrLaunches", label: "Does it change a scoring model or launch campaigns?" }
]

/**
 * Classify a new AI touchpoint, see the recommended oversight model and why, and create its
 * workflow (the Workflows section's "New workflow").
 */
export function RiskQuestionnaireSection() {
  const gate = adminGate(useMe())
  const workflows = useWorkflows()
  const create = useUpdateWorkflow()
  const [answers, setAnswers] = useState<RiskAnswers>({
    touchesCustomerData: false,
    writesProduction: false,
    customerFacing: false,
    recordsPerRun: 1,
    bulkThreshold: DEFAULT_BULK_THRESHOLD,
    changesScoringOrLaunches: false
  })
  const [name, setName] = useState("")
  const [invalid, setInvalid] = useState<string | null>(null)
  const id = useId()
  const recommendation = recommendOversight(answers)
  const workflowId = workflowIdFromName(name)

  function onCreate(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || !isValidWorkflowId(workflowId)) {
      setInvalid("Give the workflow a name with at least one letter or digit.")
      return
    }
    if (workflows.data?.some((w) => w.id === workflowId)) {
      setInvalid(`A workflow with the id "${workflowId}" already exists; change it in the table.`)
      return
    }
    setInvalid(null)
    create.mutate({ id: workflowId, workflow: { name: name.trim(), model: recommendation.model } })
  }

  const numberAnswer = (key: "recordsPerRun" | "bulkThreshold", value: string) =>
    setAnswers({ ...answers, [key]: Math.max(key === "bulkThreshold" ? 1 : 0, Math.floor(Number(value) || 0)) })

  return (
    <section aria-labelledby="questionnaire-heading">
      <h3 id="questionnaire-heading">New workflow: risk questionnaire for an AI touchpoint</h3>
      <fieldset>
        <legend>About the touchpoint</legend>
        {YES_NO_QUESTIONS.map((q) => (
          <div className="field-inline" key={q.key}>
            <input
              id={`${id}-${q.key}`}
              type="checkbox"
              checked={answers[q.key] as boolean}
              onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.checked })}
            />
            <label htmlFor={`${id}-${q.key}`}>{q.label}</label>
          </div>
        ))}
        <div className="field-inline">
          <label htmlFor={`${id}-records`}>Records changed per run</label>
          <input
            id={`${id}-records`}
            type="number"
            min={0}
            step={1}
            value={answers.recordsPerRun}
            onChange={(e) => numberAnswer("recordsPerRun", e.target.value)}
          />
          <label htmlFor={`${id}-bulk`}>Bulk above (N records)</label>
          <input
            id={`${id}-bulk`}
            type="number"
            min={1}
            step={1}
            value={answers.bulkThreshold}
            onChange={(e) => numberAnswer("bulkThreshold", e.target.value)}
          />
        </div>
      </fieldset>
      <div role="status" aria-live="polite" aria-label="Recommendation">
        <p>
          Recommended: <strong data-testid="recommended-model">{OVERSIGHT_MODEL_LABELS[recommendation.model]}</strong>
        </p>
        <ul>
          {recommendation.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
      <form onSubmit={onCreate} noValidate aria-label="Create a workflow with this model">
        <div className="field-inline">
          <label htmlFor={`${id}-name`}>Workflow name</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          {workflowId && <span className="hint">id: {workflowId}</span>}
        </div>
        <button type="submit" disabled={!gate.canEdit || create.isPending}>
          Create workflow
        </button>
        {!gate.canEdit && <p className="hint">{gate.reason}</p>}
      </form>
      <div role="status" aria-live="polite" className="status-line">
        {create.isSuccess && (
          <p>
            Created {create.data.workflow.name} ({create.data.workflow.id}) at {OVERSIGHT_MODEL_LABELS[create.data.workflow.model]}.
          </p>
        )}
      </div>
      {(invalid || create.isError) && (
        <p role="alert" className="error">
          {invalid ?? `Could not create: ${errorText(create.error)}`}
        </p>
      )}
    </section>
  )
}
