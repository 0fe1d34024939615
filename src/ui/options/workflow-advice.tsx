import { useMemo, useState } from "react"
import type { WorkflowStats } from "~src/domain/stats"
import { OVERSIGHT_MODEL_LABELS, type Workflow } from "~src/domain/workflow"
import { errorText } from "~src/ui/query-client"
import type { AdminGate } from "./admin-gate"
import { hasData, rateChart, reviewTimeChart, valueRange } from "./advisor-chart-data"
import { advisorEvidence, formatDuration, outcomeProgress, reasonsText, type EvidenceRow } from "./advisor-evidence"
import { TimeSeriesChart } from "./time-series-chart"
import { useUpdateWorkflow } from "./use-workflows"

const RATE_RANGE: [number, number] = [0, 100]
const formatPercent = (v: number) => `${Math.round(v)}%`
const formatSeconds = (v: number) => formatDuration(v * 1000)
/** Review-time ticks in seconds: round minutes and half minutes, never "1.7 min". */
const REVIEW_TIME_STEPS = [10, 15, 30, 60, 120, 300, 600, 1800, 3600]

const ACTION_HEADINGS: Record<WorkflowStats["recommendation"]["action"], string> = {
  loosen_to_monitor: "Loosen",
  loosen_to_exception: "Loosen",
  tighten: "Tighten",
  hold: "Hold"
}

const VERDICT_TEXT: Record<EvidenceRow["verdict"], string> = { ok: "✓ clears it", short: "✗ short of it", alarm: "⚠ tightening level", info: "–" }

export function recommendationTone(action: WorkflowStats["recommendation"]["action"]): "loosen" | "tighten" | "hold" {
  if (action === "tighten") return "tighten"
  if (action === "hold") return "hold"
  return "loosen"
}

/**
 * One workflow in the loosening advisor: the server's recommendation beside the numbers it rests
 * on, why people rejected or reverted, review time against the target, the daily charts, and Apply.
 */
export function WorkflowAdvice({ stats, workflow, gate }: { stats: WorkflowStats; workflow: Workflow | undefined; gate: AdminGate }) {
  const update = useUpdateWorkflow()
  const [confirming, setConfirming] = useState(false)
  const reco = stats.recommendation
  const currentModel = workflow?.model ?? stats.model
  const target = reco.action !== "hold" && reco.to && reco.to !== currentModel ? reco.to : null
  const progress = outcomeProgress(stats)
  const notEnough = `not enough data yet (${progress.outcomes} of ${progress.needed} outcomes)`
  const evidence = advisorEvidence(stats)
  const rejected = reasonsText(stats.reasons.rejected)
  const reverted = reasonsText(stats.reasons.reverted)

  const charts = useMemo(() => {
    const rates = rateChart(stats.series)
    const review = reviewTimeChart(stats.series, stats.reviewMs.targetMs)
    return { rates, review, reviewRange: valueRange(review) }
  }, [stats.series, stats.reviewMs.targetMs])

  function apply() {
    if (!target) return
    // Only the model: the server keeps every other setting as it is now.
    update.mutate({ id: stats.workflowId, workflow: { model: target } }, { onSettled: () => setConfirming(false) })
  }

  const tone = recommendationTone(reco.action)
  const headingId = `advice-${stats.workflowId}`
  return (
    <article className="card advice" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {stats.name} · {OVERSIGHT_MODEL_LABELS[currentModel]}
      </h3>
      <section className={`reco reco-${tone}`} aria-label={`Recommendation for ${stats.name}`}>
        <h4>
          {ACTION_HEADINGS[reco.action]}
          {target
            ? `: ${OVERSIGHT_MODEL_LABELS[currentModel]} → ${OVERSIGHT_MODEL_LABELS[target]}`
            : progress.enough
              ? ": keep the current model"
              : `: ${notEnough}`}
        </h4>
        <table className="evidence" aria-label={`Evidence for ${stats.name}`}>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Last {stats.series.length} days</th>
              <th scope="col">Rule</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((row) => (
              <tr key={row.measure} className={`verdict-${row.verdict}`}>
                <th scope="row">{row.measure}</th>
                <td>{row.value}</td>
                <td>{row.standard}</td>
                <td className="verdict">{VERDICT_TEXT[row.verdict]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {reco.evidence.length > 0 && (
          <ul aria-label="Evidence" className="server-evidence">
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
              onClick={() => setConfirming(true)}
            >
              Apply
            </button>
            {!gate.canEdit && <span className="hint">{gate.reason}</span>}
          </div>
        )}
        {confirming && target && (
          <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="dialog">
            <p id={`${headingId}-confirm`}>
              Change {stats.name} from {OVERSIGHT_MODEL_LABELS[currentModel]} to {OVERSIGHT_MODEL_LABELS[target]}? The change is recorded in the audit log.
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
      <dl className="facts">
        <dt>Why people rejected</dt>
        <dd>{rejected ?? "no rejections"}</dd>
        <dt>Why people reverted</dt>
        <dd>{reverted ?? "no reverts with a reason"}</dd>
        <dt>Review time</dt>
        <dd>
          {stats.reviewMs.median === null
            ? "no timed decisions"
            : `median ${formatDuration(stats.reviewMs.median)} against the ${formatDuration(stats.reviewMs.targetMs)} target` +
              (stats.reviewMs.withinTarget === null ? "" : `; ${Math.round(stats.reviewMs.withinTarget * 100)}% within it`)}
        </dd>
      </dl>
      {hasData(charts.rates) || hasData(charts.review) ? (
        <div className="charts">
          {hasData(charts.rates) ? (
            <TimeSeriesChart title={`${stats.name}: decision rates per day`} data={charts.rates} formatValue={formatPercent} yRange={RATE_RANGE} />
          ) : (
            <p className="chart-empty">No decisions by people and nothing ran in this window: no rates to draw.</p>
          )}
          {hasData(charts.review) ? (
            <TimeSeriesChart
              title={`${stats.name}: median review time per day`}
              data={charts.review}
              formatValue={formatSeconds}
              yRange={charts.reviewRange}
              yIncrements={REVIEW_TIME_STEPS}
            />
          ) : (
            <p className="chart-empty">No timed decisions in this window: no review times to draw.</p>
          )}
        </div>
      ) : (
        <p className="chart-empty">
          Not enough data yet ({progress.outcomes} of {progress.needed} outcomes): nothing to chart in this window.
        </p>
      )}
    </article>
  )
}
