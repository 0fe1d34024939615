import { modelChangeDirection } from "~src/domain/loosening"
import type { WorkflowStats } from "~src/domain/stats"
import { OVERSIGHT_MODELS } from "~src/domain/labels"
import { WorkflowUpsert, type OversightModel, type Workflow } from "~src/domain/workflow"

/** One line of the console's workflow table: the workflow and what the last 30 days say about it. */
export interface WorkflowRow {
  workflow: Workflow
  /** null: no stats (yet, or the server could not give them). */
  pending: number | null
  /** Shares 0..1; each null when there was nothing to share (no people's decisions; nothing ran). */
  rates: { approval: number | null; edit: number | null; reject: number | null; revert: number | null }
}

export function workflowRows(workflows: readonly Workflow[], stats: readonly WorkflowStats[] | undefined): WorkflowRow[] {
  return workflows.map((workflow) => {
    const s = stats?.find((x) => x.workflowId === workflow.id)
    if (!s) return { workflow, pending: null, rates: { approval: null, edit: null, reject: null, revert: null } }
    const judged = s.counts.approved + s.counts.edited + s.counts.rejected
    const ran = s.series.reduce((sum, p) => sum + (p.executed ?? 0), 0)
    const reviewed = judged > 0
    return {
      workflow,
      pending: s.counts.pending,
      rates: {
        approval: reviewed ? s.rates.approval : null,
        edit: reviewed ? s.rates.edit : null,
        reject: reviewed ? s.rates.reject : null,
        revert: ran > 0 || s.counts.reverted > 0 ? s.rates.revert : null
      }
    }
  })
}

export const SORT_KEYS = ["name", "id", "model", "threshold", "quorum", "deadline", "paused", "pending", "approval", "edit", "reject", "revert"] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface TableSort {
  key: SortKey
  direction: "ascending" | "descending"
}

export interface TableFilter {
  /** Matches the name or id, case-insensitively. */
  text: string
  model: OversightModel | "all"
  pausedOnly: boolean
}

export const NO_FILTER: TableFilter = { text: "", model: "all", pausedOnly: false }

export function filterRows(rows: readonly WorkflowRow[], filter: TableFilter): WorkflowRow[] {
  const text = filter.text.trim().toLowerCase()
  return rows.filter(
    ({ workflow: w }) =>
      (text === "" || w.name.toLowerCase().includes(text) || w.id.toLowerCase().includes(text)) &&
      (filter.model === "all" || w.model === filter.model) &&
      (!filter.pausedOnly || w.paused)
  )
}

/** The value a column sorts by; null sorts last whichever the direction. */
function sortValue(row: WorkflowRow, key: SortKey): string | number | null {
  const w = row.workflow
  switch (key) {
    case "name":
      return w.name.toLowerCase()
    case "id":
      return w.id
    case "model":
      // By how much oversight it keeps: approve first, exception last.
      return OVERSIGHT_MODELS.indexOf(w.model)
    case "threshold":
      return w.threshold
    case "quorum":
      return w.quorum
    case "deadline":
      return w.expiryHours
    case "paused":
      return w.paused ? 1 : 0
    case "pending":
      return row.pending
    default:
      return row.rates[key]
  }
}

export function sortRows(rows: readonly WorkflowRow[], sort: TableSort): WorkflowRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key)
    const y = sortValue(b, sort.key)
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1
    } else if (x !== y) return (x < y ? -1 : 1) * sign
    return a.workflow.name.localeCompare(b.workflow.name) || a.workflow.id.localeCompare(b.workflow.id)
  })
}

/** Clicking a column: sort by it ascending, or flip the direction if it already sorts. */
export function nextSort(current: TableSort, key: SortKey): TableSort {
  if (current.key !== key) return { key, direction: "ascending" }
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
}

/** A row's inputs, as typed. */
export interface WorkflowDraft {
  model: OversightModel
  threshold: string
  quorum: string
  /** Empty: the tier's default deadline. */
  expiryHours: string
  paused: boolean
}

export function draftOf(workflow: Workflow): WorkflowDraft {
  return {
    model: workflow.model,
    threshold: String(workflow.threshold),
    quorum: String(workflow.quorum),
    expiryHours: workflow.expiryHours === null ? "" : String(workflow.expiryHours),
    paused: workflow.paused
  }
}

export type RowChanges = { ok: true; update: WorkflowUpsert | null } | { ok: false; message: string }

const COLUMN_OF: Record<string, string> = { threshold: "Threshold", quorum: "Quorum", expiryHours: "Deadline (hours)" }

/**
 * Only what the admin changed, as a partial PUT body (the server keeps the rest, and another
 * admin's change to another field is not overwritten); null when nothing changed. Checked with the
 * domain schema, so an out-of-range value never reaches the server.
 */
export function changesOf(workflow: Workflow, draft: WorkflowDraft): RowChanges {
  const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text))
  const expiryHours = draft.expiryHours.trim() === "" ? null : number(draft.expiryHours)
  const candidate: Record<string, unknown> = {}
  if (draft.model !== workflow.model) candidate.model = draft.model
  if (number(draft.threshold) !== workflow.threshold) candidate.threshold = number(draft.threshold)
  if (number(draft.quorum) !== workflow.quorum) candidate.quorum = number(draft.quorum)
  if (expiryHours !== workflow.expiryHours) candidate.expiryHours = expiryHours
  if (draft.paused !== workflow.paused) candidate.paused = draft.paused
  if (Object.keys(candidate).length === 0) return { ok: true, update: null }
  const parsed = WorkflowUpsert.safeParse(candidate)
  if (parsed.success) return { ok: true, update: parsed.data }
  const issue = parsed.error.issues[0]!
  const field = String(issue.path[0] ?? "")
  return { ok: false, message: `${COLUMN_OF[field] ?? field}: ${Number.isNaN(candidate[field]) ? "enter a number" : issue.message}` }
}

/** Loosening (approve → monitor → exception) lets more run before a person looks: it asks first. */
export function loosensModel(workflow: Workflow, update: WorkflowUpsert): boolean {
  return update.model !== undefined && modelChangeDirection(workflow.model, update.model) === "loosen"
}
