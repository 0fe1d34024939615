import { useMemo, useState } from "react"
import type { WorkflowStats } from "~src/domain/stats"
import { OVERSIGHT_MODEL_LABELS, type Workflow } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import type { AdminGate } from "./admin-gate"
import { TimeSeriesChart, type ChartSeries } from "./time-series-chart"
import { toUpsert, useUpdateWorkflow } from "./use-workflows"

const RATE_RANGE: [number, number] = [0, 100]
const formatPercent = (v: number) => `${Math.round(v)}%`
const formatSeconds = (v: number) => (v >= 60 ? `${(v / 60).toFixed(1)} min` : `${Math.round(v)} s`)

const ACTION_HEADINGS: Record<WorkflowStats["recommendation"]["action"], string> = {
  loosen_to_monitor: "Loosen",
  loosen_to_exception: "Loosen",
  tighten: "Tighten",
  hold: "Hold"
}

function recommendationTone(action: WorkflowStats["recommendation"]["action"]): "loosen" | "tighten" | "hold" {
  if (action === "tighten") return "tighten"
  if (action === "hold") return "hold"
  return "loosen"
}

/** One workflow in the loosening advisor: trends, the server's recommendation, and Apply. */
export function WorkflowAdvice({ stats, workflow, gate }: { stats: WorkflowStats; workflow: Workflow | undefined; gate: AdminGate }) {
  const update = useUpdateWorkflow()
  const [confirming, setConfirming] = useState(false)
  const reco = stats.recommendation
  const currentModel = workflow?.model ?? stats.model
  const target = reco.action !== "hold" && reco.to && reco.to !== currentModel ? reco.to : null

  const chart = useMemo(() => {
    const x = stats.series.map((p) => Math.floor(Date.parse(p.day) / 1000))
    const pct = (v: number) => v * 100
    const rates: ChartSeries[] = [
      { label: "Approval", color: "#1a7f37", values: stats.series.map((p) => (p.decisions ? pct(p.approval) : null)) },
      { label: "Edit", color: "#1f4fd1", values: stats.series.map((p) => (p.decisions ? pct(p.edit) : null)) },
      { label: "Reject", color: "#b42318", values: stats.series.map((p) => (p.decisions ? pct(p.reject) : null)) },
      { label: "Revert", color: "#8a4b00", values: stats.series.map((p) => (p.decisions ? pct(p.revert) : null)) }
    ]
    const review: ChartSeries[] = [
      { label: "Median review time", color: "#5b3cc4", values: stats.series.map((p) => (p.medianReviewMs == null ? null : p.medianReviewMs / 1000)) }
    ]
    return { x, rates, review }
  }, [stats.series])

  function apply() {
    if (!target) return
    const base = workflow ? toUpsert(workflow) : { name: stats.name, model: stats.model }
    update.mutate({ id: stats.workflowId, workflow: { ...base, model: target } }, { onSettled: () => setConfirming(false) })
  }

  const tone = recommendationTone(reco.action)
  const headingId = `advice-${stats.workflowId}`
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {stats.name} · {OVERSIGHT_MODEL_LABELS[currentModel]}
      </h3>
      <p className="hint">
        {stats.counts.decisions} decisions · approval {formatPercent(stats.rates.approval * 100)} · edit{" "}
        {formatPercent(stats.rates.edit * 100)} · reject {formatPercent(stats.rates.reject * 100)} · revert{" "}
        {formatPercent(stats.rates.revert * 100)} · median review{" "}
        {stats.reviewMs.median == null ? "–" : formatSeconds(stats.reviewMs.median / 1000)}
      </p>
      {stats.series.length > 0 ? (
        <div className="charts">
          <TimeSeriesChart title={`${stats.name}: decision rates per day`} x={chart.x} series={chart.rates} formatValue={formatPercent} yRange={RATE_RANGE} />
          <TimeSeriesChart title={`${stats.name}: median review time per day`} x={chart.x} series={chart.review} formatValue={formatSeconds} />
        </div>
      ) : (
        <p>No decisions in this window yet.</p>
      )}
      <section className={`reco reco-${tone}`} aria-label={`Recommendation for ${stats.name}`}>
        <h4>
          {ACTION_HEADINGS[reco.action]}
          {target ? `: ${OVERSIGHT_MODEL_LABELS[currentModel]} → ${OVERSIGHT_MODEL_LABELS[target]}` : ": keep the current model"}
        </h4>
        {reco.evidence.length > 0 && (
          <ul aria-label="Evidence">
            {reco.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <p className="hint">Rule: {reco.rule}</p>
        {target && (
          <div className="actions">
            <button
              type="button"
              className={tone === "tighten" ? "danger" : undefined}
              disabled={!gate.canEdit || update.isPending}
              aria-label={`Apply: change ${stats.name} to ${OVERSIGHT_MODEL_LABELS[target]}`}
              onClick={() => setConfirming(true)}>
              Apply
            </button>
            {!gate.canEdit && <span className="hint">{gate.reason}</span>}
          </div>
        )}
        {confirming && target && (
          <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="dialog">
            <p id={`${headingId}-confirm`}>
              Change {stats.name} from {OVERSIGHT_MODEL_LABELS[currentModel]} to {OVERSIGHT_MODEL_LABELS[target]}? The change
              is recorded in the audit log.
            </p>
            <div className="actions">
              <button type="button" autoFocus onClick={apply} disabled={update.isPending}>
                Change model
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <div role="status" aria-live="polite">
          {update.isSuccess && <p>Changed to {OVERSIGHT_MODEL_LABELS[update.data.workflow.model]}.</p>}
        </div>
        {update.isError && (
          <p role="alert" className="error">
            Could not change the model: {errorText(update.error)}
          </p>
        )}
      </section>
    </article>
  )
}
