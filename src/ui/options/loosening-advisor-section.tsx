import { useId, useState } from "react"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { useMe } from "./use-me"
import { useStats } from "./use-stats"
import { useWorkflows } from "./use-workflows"
import { WorkflowAdvice } from "./workflow-advice"

const WINDOWS = [7, 30, 90] as const

/** Per-workflow trends and the server's loosen/tighten recommendation, applied by an admin. */
export function LooseningAdvisorSection() {
  const [windowDays, setWindowDays] = useState<number>(30)
  const stats = useStats(windowDays)
  const workflows = useWorkflows()
  const gate = adminGate(useMe())
  const id = useId()
  // Tightening first: a rise in rejections is more urgent than a chance to loosen.
  const ordered = [...(stats.data?.workflows ?? [])].sort(
    (a, b) => Number(b.recommendation.action === "tighten") - Number(a.recommendation.action === "tighten")
  )
  return (
    <section aria-labelledby="advisor-heading" className="card">
      <h2 id="advisor-heading">Loosening advisor</h2>
      <div className="field-inline">
        <label htmlFor={`${id}-window`}>Window</label>
        <select id={`${id}-window`} value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
          {WINDOWS.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </select>
      </div>
      {stats.isPending && <p role="status">Loading statistics…</p>}
      {stats.isError && (
        <p role="alert" className="error">
          Could not load statistics: {errorText(stats.error)}
        </p>
      )}
      {stats.data?.workflows.length === 0 && <p>No workflows have decisions yet.</p>}
      {ordered.map((s) => (
        <WorkflowAdvice key={s.workflowId} stats={s} workflow={workflows.data?.find((w) => w.id === s.workflowId)} gate={gate} />
      ))}
    </section>
  )
}
