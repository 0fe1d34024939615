import type { Proposal, Workflow } from "~src/domain"
import { OVERSIGHT_MODEL_LABELS } from "~src/domain/labels"

export const confidenceText = (confidence: number): string => `${Math.round(confidence * 100)}%`

/** Who proposed it, under which workflow and oversight model, and how sure the agent is. */
export function ProposalMeta({ proposal, workflow }: { proposal: Proposal; workflow: Workflow | undefined }) {
  return (
    <dl className="meta">
      <dt>Agent</dt>
      <dd>
        {proposal.agent.name} <span className="muted">v{proposal.agent.version}</span>
      </dd>
      <dt>Workflow</dt>
      <dd>
        {workflow?.name ?? proposal.workflowId}
        {workflow && <span className="model"> · {OVERSIGHT_MODEL_LABELS[workflow.model]}</span>}
        {workflow?.paused && <span className="badge paused"> Paused</span>}
      </dd>
      <dt>Confidence</dt>
      <dd>{confidenceText(proposal.confidence)}</dd>
      {proposal.review && (
        <>
          <dt>{proposal.review.outcome === "pending" ? "Why it waits" : "Why it ran"}</dt>
          <dd className="review-reason">
            {proposal.review.reason === "rule" ? `Review rule "${proposal.review.description ?? proposal.review.ruleId}"` : proposal.review.text}
          </dd>
        </>
      )}
      {proposal.riskAssessment && (
        <>
          <dt>Risk</dt>
          <dd>
            {proposal.riskAssessment.level === "high" ? "High" : "Low"}
            {proposal.riskAssessment.reasons.length > 0 && <span className="muted">: {proposal.riskAssessment.reasons.join("; ")}</span>}
          </dd>
        </>
      )}
    </dl>
  )
}
