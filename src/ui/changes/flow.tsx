import type { FlowChange } from "~src/domain"

const OP_LABELS = { add: "Added", remove: "Removed", change: "Changed" } as const

/** A campaign flow edit: the steps added, removed and changed, in order. */
export function FlowChangeView({ change }: { change: FlowChange }) {
  const counts = { add: 0, remove: 0, change: 0 }
  for (const s of change.steps) counts[s.op]++
  return (
    <div className="change change-flow">
      <p className="headline">
        {counts.add} added · {counts.remove} removed · {counts.change} changed
      </p>
      <ol className="steps">
        {change.steps.map((step) => (
          <li key={`${step.op}:${step.stepId}`} className={`step step-${step.op}`}>
            <span className={`badge op-${step.op}`}>{OP_LABELS[step.op]}</span> <span className="step-description">{step.description}</span>
            {(step.before !== undefined || step.after !== undefined) && (
              <div className="step-detail">
                {step.before !== undefined && <del className="diff-removed">{step.before}</del>}
                {step.before !== undefined && step.after !== undefined && " → "}
                {step.after !== undefined && <ins className="diff-added">{step.after}</ins>}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
