import { LOOSENING_RULE, outcomesOf, problemsOf } from "~src/domain/loosening"
import { REJECTION_REASON_LABELS } from "~src/domain/labels"
import type { ReasonCounts, RecommendationBasis, WorkflowStats } from "~src/domain/stats"

/**
 * What the advisor shows beside a recommendation: each number the loosening rule weighs
 * (src/domain/loosening.ts), the threshold it is held to, and whether it clears it.
 */
export interface EvidenceRow {
  measure: string
  value: string
  /** The rule's threshold for this measure, in words. */
  standard: string
  /** "ok": clears the bar to loosen; "short": does not; "alarm": at the level that tightens; "info": no bar. */
  verdict: "ok" | "short" | "alarm" | "info"
}

export const pct = (share: number): string => `${(share * 100).toFixed(1).replace(/\.0$/, "")}%`

/** The rule's inputs: the server's own (recommendation.basis), or for an older server the same from the totals. */
export function basisOf(stats: WorkflowStats): RecommendationBasis {
  if (stats.recommendation.basis) return stats.recommendation.basis
  const c = stats.counts
  const humanDecisions = c.approved + c.edited + c.rejected
  const outcomes = outcomesOf(c)
  return {
    outcomes,
    humanDecisions,
    autoApproved: c.autoApproved,
    problems: problemsOf(c),
    problemRate: outcomes === 0 ? 0 : problemsOf(c) / outcomes,
    edited: c.edited,
    editRate: humanDecisions === 0 ? 0 : c.edited / humanDecisions,
    earlierProblemRate: null,
    recentProblemRate: null
  }
}

/** Outcomes so far against the rule's minimum: under it, the advisor says "not enough data yet" instead of implying a trend. */
export function outcomeProgress(stats: WorkflowStats): { outcomes: number; needed: number; enough: boolean } {
  const { outcomes } = basisOf(stats)
  const needed = LOOSENING_RULE.minOutcomesToLoosen
  return { outcomes, needed, enough: outcomes >= needed }
}

export const formatDuration = (ms: number): string => {
  const seconds = ms / 1000
  return seconds >= 60 ? `${(seconds / 60).toFixed(1).replace(/\.0$/, "")} min` : `${Math.round(seconds)} s`
}

export function advisorEvidence(stats: WorkflowStats): EvidenceRow[] {
  const b = basisOf(stats)
  const R = LOOSENING_RULE
  const rows: EvidenceRow[] = [
    {
      measure: "Reviewed outcomes",
      value: `${b.outcomes} (${b.humanDecisions} decided by people, ${b.autoApproved} auto-approved)`,
      standard: `≥ ${R.minOutcomesToLoosen} to loosen`,
      verdict: b.outcomes >= R.minOutcomesToLoosen ? "ok" : "short"
    },
    {
      measure: "Reject + revert rate",
      value: b.outcomes === 0 ? "no outcomes" : `${pct(b.problemRate)} (${b.problems} of ${b.outcomes})`,
      standard: `≤ ${pct(R.maxProblemRateToLoosen)} to loosen; ≥ ${pct(R.tightenAtProblemRate)} tightens`,
      verdict:
        b.outcomes === 0
          ? "info"
          : b.outcomes >= R.minOutcomesToTighten && b.problemRate >= R.tightenAtProblemRate
            ? "alarm"
            : b.problemRate <= R.maxProblemRateToLoosen
              ? "ok"
              : "short"
    },
    {
      measure: "Edit rate",
      value: b.humanDecisions === 0 ? "no decisions by people" : `${pct(b.editRate)} (${b.edited} of ${b.humanDecisions})`,
      standard: `≤ ${pct(R.maxEditRateToLoosen)} to loosen`,
      verdict: b.humanDecisions === 0 ? "info" : b.editRate <= R.maxEditRateToLoosen ? "ok" : "short"
    }
  ]
  if (b.earlierProblemRate !== null && b.recentProblemRate !== null) {
    const rise = b.recentProblemRate - b.earlierProblemRate
    rows.push({
      measure: "Reject + revert trend",
      value: `${pct(b.earlierProblemRate)} → ${pct(b.recentProblemRate)} (earlier → recent half of the window)`,
      standard: `a rise of ≥ ${R.tightenAtRise * 100} points tightens`,
      verdict: rise >= R.tightenAtRise ? "alarm" : "ok"
    })
  } else {
    rows.push({
      measure: "Reject + revert trend",
      value: "not measurable yet",
      standard: `needs ≥ ${R.minOutcomesPerHalfForRise} outcomes in each half of the window`,
      verdict: "info"
    })
  }
  const { median, targetMs, withinTarget } = stats.reviewMs
  rows.push({
    measure: "Median review time",
    value:
      median === null
        ? "no timed decisions"
        : `${formatDuration(median)}${withinTarget === null ? "" : `; ${pct(withinTarget)} decided within ${formatDuration(targetMs)}`}`,
    standard: `target: under ${formatDuration(targetMs)} (not part of the rule)`,
    verdict: median === null ? "info" : median <= targetMs ? "ok" : "short"
  })
  return rows
}

/** "Off brand 3, Inaccurate 1"; null when no reason was given. */
export function reasonsText(reasons: ReasonCounts): string | null {
  if (reasons.length === 0) return null
  return reasons.map((r) => `${REJECTION_REASON_LABELS[r.code].replace(/…$/, "")} ${r.count}`).join(", ")
}
