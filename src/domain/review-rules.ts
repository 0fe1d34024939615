import { z } from "zod"
import { changeFieldsTouched, CHANGE_KINDS, type Change, type ChangeKind } from "./change-kinds"
import { Platform } from "./platform"

/**
 * Review rules: an admin's conditions that hold a proposal for a person whatever the workflow's
 * model, the agent's confidence or its risk flags (the agent cannot choose its own oversight).
 * Every condition of `match` is optional; all present ones must hold; `{}` holds everything.
 */
export const ReviewRuleMatch = z.strictObject({
  /** The change is one of these kinds. */
  changeKinds: z
    .array(z.enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]]))
    .min(1)
    .max(10)
    .optional(),
  /** A bulk change writing at least this many records (other kinds have no record total: never hold). */
  minRecords: z.int().min(0).optional(),
  /** The change touches one of these fields (fields, bulk sample columns, content field), case-insensitive. */
  fields: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
  /** A segment estimated at least this large. */
  minSegmentSize: z.int().min(0).optional(),
  /** A scoring change whose expected MQL shift is at least this many percent, up or down. */
  minMqlShiftPct: z.number().min(0).max(1_000_000).optional(),
  /** The target is on one of these platforms. */
  platforms: z.array(Platform).min(1).max(10).optional()
})
export type ReviewRuleMatch = z.infer<typeof ReviewRuleMatch>

export const ReviewRuleId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-' only")

/** The body of PUT /v1/workflows/:id/rules/:ruleId (the id comes from the path). */
export const ReviewRuleBody = z.strictObject({
  description: z.string().trim().min(1).max(500),
  match: ReviewRuleMatch
})
export type ReviewRuleBody = z.infer<typeof ReviewRuleBody>

export const ReviewRule = z.strictObject({ id: ReviewRuleId, ...ReviewRuleBody.shape })
export type ReviewRule = z.infer<typeof ReviewRule>

export const MAX_REVIEW_RULES = 50

/** A workflow's rules: ids unique within the workflow. */
export const ReviewRules = z
  .array(ReviewRule)
  .max(MAX_REVIEW_RULES)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>()
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate rule id '${rule.id}'` })
      seen.add(rule.id)
    })
  })

/** What a rule looks at: the change and where it lands. */
export interface RuleSubject {
  change: Change
  target: { platform: Platform }
}

/** Field names a change touches, lower-cased (each kind's row in change-kinds.ts says which). */
export const fieldsTouched = (change: Change): string[] => changeFieldsTouched(change)

export function ruleMatches(match: ReviewRuleMatch, subject: RuleSubject): boolean {
  const { change } = subject
  if (match.changeKinds && !match.changeKinds.includes(change.kind)) return false
  if (match.platforms && !match.platforms.includes(subject.target.platform)) return false
  if (match.minRecords !== undefined && !(change.kind === "bulk" && change.totalRecords >= match.minRecords)) return false
  if (match.minSegmentSize !== undefined && !(change.kind === "segment" && change.estimatedSize >= match.minSegmentSize)) return false
  if (match.minMqlShiftPct !== undefined && !(change.kind === "scoring" && Math.abs(change.expectedMqlShiftPct) >= match.minMqlShiftPct)) return false
  if (match.fields) {
    const wanted = new Set(match.fields.map((f) => f.toLowerCase()))
    if (!fieldsTouched(change).some((f) => wanted.has(f))) return false
  }
  return true
}

/** The first rule (in the workflow's order) that holds this proposal, if any. */
export function matchingReviewRule(rules: readonly ReviewRule[], subject: RuleSubject): ReviewRule | undefined {
  return rules.find((rule) => ruleMatches(rule.match, subject))
}
