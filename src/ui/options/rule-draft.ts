import { ReviewRule, type ReviewRuleMatch } from "~src/domain/review-rules"

/** A review rule as its form edits it: text fields, checkbox lists. */
export interface RuleDraft {
  /** Empty for a new rule (its id is made from the description). */
  id: string
  description: string
  changeKinds: string[]
  platforms: string[]
  fields: string
  minRecords: string
  minSegmentSize: string
  minMqlShiftPct: string
}

export const emptyRuleDraft = (): RuleDraft => ({
  id: "",
  description: "",
  changeKinds: [],
  platforms: [],
  fields: "",
  minRecords: "",
  minSegmentSize: "",
  minMqlShiftPct: ""
})

export function ruleDraftOf(rule: ReviewRule): RuleDraft {
  const m = rule.match
  return {
    id: rule.id,
    description: rule.description,
    changeKinds: [...(m.changeKinds ?? [])],
    platforms: [...(m.platforms ?? [])],
    fields: (m.fields ?? []).join(", "),
    minRecords: m.minRecords?.toString() ?? "",
    minSegmentSize: m.minSegmentSize?.toString() ?? "",
    minMqlShiftPct: m.minMqlShiftPct?.toString() ?? ""
  }
}

/** "Bulk writes over 10,000 records" → "bulk-writes-over-10-000-records", unique among `taken`. */
export function ruleIdFor(description: string, taken: readonly string[]): string {
  const base =
    description
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "rule"
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}

/** The rule the form describes, validated by the domain schema (the server checks it again). */
export function ruleFromDraft(draft: RuleDraft, taken: readonly string[]): { ok: true; rule: ReviewRule } | { ok: false; message: string } {
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text))
  const fields = draft.fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)
  const match: Record<string, unknown> = {}
  if (draft.changeKinds.length) match.changeKinds = draft.changeKinds
  if (draft.platforms.length) match.platforms = draft.platforms
  if (fields.length) match.fields = fields
  if (number(draft.minRecords) !== undefined) match.minRecords = number(draft.minRecords)
  if (number(draft.minSegmentSize) !== undefined) match.minSegmentSize = number(draft.minSegmentSize)
  if (number(draft.minMqlShiftPct) !== undefined) match.minMqlShiftPct = number(draft.minMqlShiftPct)
  const parsed = ReviewRule.safeParse({ id: draft.id || ruleIdFor(draft.description, taken), description: draft.description.trim(), match })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return {
      ok: false,
      message: issue.path[0] === "description" ? "Describe the rule (what it holds for review)" : `${issue.path.join(".")}: ${issue.message}`
    }
  }
  return { ok: true, rule: parsed.data }
}

/** A rule's conditions in one line, for the list ("bulk; at least 10,000 records"). */
export function describeMatch(match: ReviewRuleMatch): string {
  const parts: string[] = []
  if (match.changeKinds) parts.push(match.changeKinds.join(" or "))
  if (match.platforms) parts.push(`on ${match.platforms.join(" or ")}`)
  if (match.fields) parts.push(`touching ${match.fields.join(", ")}`)
  if (match.minRecords !== undefined) parts.push(`at least ${match.minRecords.toLocaleString("en-US")} records`)
  if (match.minSegmentSize !== undefined) parts.push(`segments of ${match.minSegmentSize.toLocaleString("en-US")}+`)
  if (match.minMqlShiftPct !== undefined) parts.push(`MQL shift of ${match.minMqlShiftPct}%+`)
  return parts.length ? parts.join("; ") : "every proposal"
}
