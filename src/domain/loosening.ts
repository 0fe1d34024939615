import { OVERSIGHT_MODELS } from "./labels"
import type { Recommendation, RecommendationBasis } from "./stats"
import type { OversightModel } from "./workflow"

/**
 * The loosening advisor's rule, in one place.
 *
 * Outcomes = human decisions (approve, edit, reject) + policy auto-approvals: every item whose
 * fate reviewers saw and could have overridden. Problems = rejections + reverts.
 *
 * 1. Tighten (exception → monitor, monitor → approve) when the workflow runs without prior
 *    review and, over ≥ 10 outcomes, problems reach 10%, or the problem rate of the window's
 *    recent half rose ≥ 5 percentage points over its earlier half (≥ 10 outcomes in each).
 * 2. Loosen one step (approve → monitor, monitor → exception) only with ≥ 50 outcomes in the
 *    window, a problem rate ≤ 2%, an edit rate ≤ 10% (frequent edits mean reviewers are still
 *    correcting the AI) and no rise as in 1. Under `approve` every outcome is a human decision;
 *    under `monitor` the auto-approved items count because people watched them and could revert.
 * 3. Otherwise hold. Never below the minimum sample: too few decisions always hold.
 */
export const LOOSENING_RULE = {
  minOutcomesToLoosen: 50,
  maxProblemRateToLoosen: 0.02,
  maxEditRateToLoosen: 0.1,
  minOutcomesToTighten: 10,
  tightenAtProblemRate: 0.1,
  tightenAtRise: 0.05,
  minOutcomesPerHalfForRise: 10
} as const

export const LOOSENING_RULE_TEXT =
  `loosen one step when ≥ ${LOOSENING_RULE.minOutcomesToLoosen} reviewed outcomes, reject+revert rate ≤ ${pct(LOOSENING_RULE.maxProblemRateToLoosen)} ` +
  `and edit rate ≤ ${pct(LOOSENING_RULE.maxEditRateToLoosen)}; tighten a model without prior review when reject+revert rate ≥ ${pct(LOOSENING_RULE.tightenAtProblemRate)} ` +
  `or rises ≥ ${LOOSENING_RULE.tightenAtRise * 100} points between the window's halves; otherwise hold`

export interface OutcomeCounts {
  approved: number
  edited: number
  rejected: number
  reverted: number
  autoApproved: number
}

export interface LooseningInput extends OutcomeCounts {
  model: OversightModel
  windowDays: number
  /** The same counts for the earlier and the recent half of the window, to see a rise. */
  earlierHalf: OutcomeCounts
  recentHalf: OutcomeCounts
}

const LOOSER: Record<OversightModel, OversightModel | null> = { approve: "monitor", monitor: "exception", exception: null }
const STRICTER: Record<OversightModel, OversightModel | null> = { approve: null, monitor: "approve", exception: "monitor" }

/**
 * Which way a change of model moves oversight. approve → monitor → exception loosens (less review
 * before things run); the reverse tightens. The console asks for confirmation before loosening.
 */
export function modelChangeDirection(from: OversightModel, to: OversightModel): "loosen" | "tighten" | "same" {
  const looseness = (model: OversightModel) => OVERSIGHT_MODELS.indexOf(model)
  if (looseness(to) === looseness(from)) return "same"
  return looseness(to) > looseness(from) ? "loosen" : "tighten"
}

export const outcomesOf = (c: OutcomeCounts): number => c.approved + c.edited + c.rejected + c.autoApproved
export const problemsOf = (c: OutcomeCounts): number => c.rejected + c.reverted
const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole)

export function recommend(input: LooseningInput): Recommendation {
  const outcomes = outcomesOf(input)
  const problems = problemsOf(input)
  const problemRate = rate(problems, outcomes)
  const humanDecisions = input.approved + input.edited + input.rejected
  const editRate = rate(input.edited, humanDecisions)
  const earlierRate = rate(problemsOf(input.earlierHalf), outcomesOf(input.earlierHalf))
  const recentRate = rate(problemsOf(input.recentHalf), outcomesOf(input.recentHalf))
  const riseMeasurable =
    outcomesOf(input.earlierHalf) >= LOOSENING_RULE.minOutcomesPerHalfForRise && outcomesOf(input.recentHalf) >= LOOSENING_RULE.minOutcomesPerHalfForRise
  const rise = riseMeasurable ? recentRate - earlierRate : 0
  const basis: RecommendationBasis = {
    outcomes,
    humanDecisions,
    autoApproved: input.autoApproved,
    problems,
    problemRate,
    edited: input.edited,
    editRate,
    earlierProblemRate: riseMeasurable ? earlierRate : null,
    recentProblemRate: riseMeasurable ? recentRate : null
  }

  const evidence = [
    `${outcomes} reviewed outcomes in ${input.windowDays} days (${humanDecisions} human decisions, ${input.autoApproved} auto-approved)`,
    `reject+revert rate ${pct(problemRate)} (${problems} of ${outcomes})`,
    `edit rate ${pct(editRate)} (${input.edited} of ${humanDecisions} human decisions)`
  ]
  if (riseMeasurable) evidence.push(`reject+revert rate ${pct(earlierRate)} in the earlier half, ${pct(recentRate)} in the recent half`)

  const stricter = STRICTER[input.model]
  const tooManyProblems = outcomes >= LOOSENING_RULE.minOutcomesToTighten && problemRate >= LOOSENING_RULE.tightenAtProblemRate
  const rising = rise >= LOOSENING_RULE.tightenAtRise
  if (stricter && (tooManyProblems || rising)) {
    evidence.push(
      tooManyProblems
        ? `reject+revert rate ${pct(problemRate)} ≥ ${pct(LOOSENING_RULE.tightenAtProblemRate)}`
        : `reject+revert rate rose ${(rise * 100).toFixed(1)} points ≥ ${LOOSENING_RULE.tightenAtRise * 100}`
    )
    return { action: "tighten", rule: LOOSENING_RULE_TEXT, evidence, to: stricter, basis }
  }

  const looser = LOOSER[input.model]
  if (outcomes < LOOSENING_RULE.minOutcomesToLoosen) {
    evidence.push(`needs ≥ ${LOOSENING_RULE.minOutcomesToLoosen} reviewed outcomes before loosening (has ${outcomes})`)
    return { action: "hold", rule: LOOSENING_RULE_TEXT, evidence, to: null, basis }
  }
  if (looser && problemRate <= LOOSENING_RULE.maxProblemRateToLoosen && editRate <= LOOSENING_RULE.maxEditRateToLoosen && !rising) {
    return {
      action: looser === "monitor" ? "loosen_to_monitor" : "loosen_to_exception",
      rule: LOOSENING_RULE_TEXT,
      evidence,
      to: looser,
      basis
    }
  }
  if (!looser) evidence.push("exception is already the loosest model")
  else if (problemRate > LOOSENING_RULE.maxProblemRateToLoosen) evidence.push(`reject+revert rate above ${pct(LOOSENING_RULE.maxProblemRateToLoosen)}`)
  else if (editRate > LOOSENING_RULE.maxEditRateToLoosen) evidence.push(`edit rate above ${pct(LOOSENING_RULE.maxEditRateToLoosen)}`)
  return { action: "hold", rule: LOOSENING_RULE_TEXT, evidence, to: null, basis }
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1).replace(/\.0$/, "")}%`
}
