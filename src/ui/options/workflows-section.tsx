import { OVERSIGHT_MODEL_LABELS } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { useMe } from "./use-me"
import { useWorkflows } from "./use-workflows"
import { WorkflowEditor } from "./workflow-editor"

/** Per-workflow oversight: admins edit; everyone else sees the settings and why they can't change them. */
export function WorkflowsSection() {
  const workflows = useWorkflows()
  const gate = adminGate(useMe())
  return (
    <section aria-labelledby="workflows-heading" className="card">
      <h2 id="workflows-heading">Workflows</h2>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      {workflows.isPending && <p role="status">Loading workflows…</p>}
      {workflows.isError && (
        <p role="alert" className="error">
          Could not load workflows: {errorText(workflows.error)}
        </p>
      )}
      {workflows.data?.length === 0 && <p>No workflows yet. They appear when an agent first posts a proposal, or create one below.</p>}
      {workflows.data && workflows.data.length > 0 && gate.canEdit &&
        workflows.data.map((w) => <WorkflowEditor key={w.id} workflow={w} />)}
      {workflows.data && workflows.data.length > 0 && !gate.canEdit && (
        <table aria-label="Workflows (read-only)">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Oversight model</th>
              <th scope="col">Confidence threshold</th>
              <th scope="col">Quorum</th>
              <th scope="col">Expiry</th>
              <th scope="col">Paused</th>
            </tr>
          </thead>
          <tbody>
            {workflows.data.map((w) => (
              <tr key={w.id}>
                <th scope="row">{w.name}</th>
                <td>{OVERSIGHT_MODEL_LABELS[w.model]}</td>
                <td>{w.threshold}</td>
                <td>{w.quorum}</td>
                <td>{w.expiryHours === null ? "never" : `${w.expiryHours} h`}</td>
                <td>{w.paused ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
