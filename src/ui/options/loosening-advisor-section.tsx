import { useId, useState } from "react"
import { errorText } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { useMe, useWorkflows } from "~src/ui/background-queries"
import { useStats } from "./use-stats"
import { WorkflowAdvice, recommendationTone } from "./workflow-advice"

const WINDOWS = [7, 30, 90] as const

/** Per-workflow trends and the server's loosen/tighten recommendation with its evidence, applied by an admin. */
export function LooseningAdvisorSection() {
  const [windowDays, setWindowDays] = useState<number>(30)
  const stats = useStats(windowDays)
  const workflows = useWorkflows()
  const gate = adminGate(useMe())
  const id = useId()
  // Tightening first: a rise in rejections is more urgent than a chance to loosen; holds last.
  const order = { tighten: 0, loosen: 1, hold: 2 } as const
  const ordered = [...(stats.data?.workflows ?? [])].sort(
    (a, b) => order[recommendationTone(a.recommendation.action)] - order[recommendationTone(b.recommendation.action)]
  )
  const count = (tone: keyof typeof order) => ordered.filter((s) => recommendationTone(s.recommendation.action) === tone).length
  return (
    <section aria-labelledby="advisor-heading" className="card">
      <h2 id="advisor-heading">Loosening advisor</h2>
      <p className="hint">
        Per workflow, the server's recommendation and the numbers it rests on. Loosening needs enough reviewed outcomes and few problems; a rise in rejections
        or reverts tightens.
      </p>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
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
      {ordered.length > 0 && (
        <p className="advisor-summary">
          <strong>{count("tighten")}</strong> to tighten · <strong>{count("loosen")}</strong> to loosen · <strong>{count("hold")}</strong> to hold
        </p>
      )}
      {ordered.map((s) => (
        <WorkflowAdvice key={s.workflowId} stats={s} workflow={workflows.data?.find((w) => w.id === s.workflowId)} gate={gate} />
      ))}
    </section>
  )
}
