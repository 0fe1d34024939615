import type { OversightModel } from "./workflow"

/** The admin's answers about a new AI touchpoint. */
export interface RiskAnswers {
  touchesCustomerData: boolean
  writesProduction: boolean
  customerFacing: boolean
  /** Records one run of the AI can change. */
  recordsPerRun: number
  /** "Bulk" means more than this many records in one run. */
  bulkThreshold: number
  changesScoringOrLaunches: boolean
}

export interface RiskRecommendation {
  model: OversightModel
  /** Why, one sentence per trait, in the order the questionnaire asks. */
  reasons: string[]
}

export const DEFAULT_BULK_THRESHOLD = 1_000

export function isBulk(answers: Pick<RiskAnswers, "recordsPerRun" | "bulkThreshold">): boolean {
  return answers.recordsPerRun > answers.bulkThreshold
}

/**
 * Answers → the oversight model a workflow starts at. The product rule: anything that writes
 * to production, is customer-facing, changes scoring, runs in bulk or launches campaigns starts
 * at `approve`. Nothing starts at `exception`: that level is earned later, through the
 * loosening advisor and enough clean decisions — starting autonomous is the mistake to prevent.
 */
export function recommendOversight(answers: RiskAnswers): RiskRecommendation {
  const approveTriggers: string[] = []
  if (answers.writesProduction) approveTriggers.push("It writes to production systems: nothing should change there until a person approves it.")
  if (answers.customerFacing) approveTriggers.push("It is customer-facing: customers see mistakes before anyone can revert them.")
  if (isBulk(answers))
    approveTriggers.push(
      `It changes ${answers.recordsPerRun.toLocaleString("en-US")} records per run, more than the bulk limit of ${answers.bulkThreshold.toLocaleString("en-US")}: one bad rule reaches them all.`
    )
  if (answers.changesScoringOrLaunches)
    approveTriggers.push("It changes a scoring model or launches campaigns: the effect spreads through every downstream process.")

  const customerData = "It touches customer data: every decision is logged with who decided and what changed."
  if (approveTriggers.length > 0) {
    return {
      model: "approve",
      reasons: answers.touchesCustomerData ? [...approveTriggers, customerData] : approveTriggers
    }
  }
  const reasons = answers.touchesCustomerData
    ? [
        "It touches customer data but writes nothing to production, faces no customer and is not bulk: the AI may act while a person watches what ran and can pause or revert it.",
        customerData
      ]
    : ["No high-risk trait: the AI may act while a person watches what ran and can pause or revert it."]
  reasons.push("Move to exception-based review only when the loosening advisor shows enough clean decisions.")
  return { model: "monitor", reasons }
}
