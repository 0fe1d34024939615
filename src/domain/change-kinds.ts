import type { z } from "zod"
import { BulkChange } from "./changes/bulk"
import { ContentChange } from "./changes/content"
import { FieldsChange } from "./changes/fields"
import { FlowChange } from "./changes/flow"
import { RoutingChange } from "./changes/routing"
import { ScoringChange } from "./changes/scoring"
import { SegmentChange } from "./changes/segment"
import type { CHANGE_KIND_IDS } from "./labels"
import { DEFAULT_BULK_THRESHOLD } from "./risk-questionnaire"

/**
 * Everything Signoff decides per kind of change, in one row per kind. The `Change` union, the
 * server's risk classification, the review rules' field matching, what a reviewer may edit, the
 * labels and the demo's coverage all read this table, and the panel's view table is keyed by it:
 * adding a kind is its schema (changes/<kind>.ts), its row here, and its view (the compiler then
 * asks for the view's registration in src/ui/changes/registry.tsx).
 */
export interface ChangeKindRow<S extends z.ZodType<{ kind: string }>, Editable extends readonly string[] = readonly string[]> {
  schema: S
  /** How a reviewer calls it ("Field updates"). */
  label: string
  /** Reviewers judge it on totals (records, contacts, MQL shift) before any sample: never approved unseen. */
  populationLevel: boolean
  /**
   * Counts as high risk for the badge and desktop notifications even from a server that did not
   * classify the proposal (scoring models start strict: a new model moves every lead's score).
   */
  alwaysHighRisk: boolean
  /** What the change itself makes high-risk, whatever the agent says (one sentence per trait); [] = nothing. */
  riskReasons(change: z.infer<S>): string[]
  /** Field names it touches, lower-cased (review rules' `fields`). */
  fieldsTouched(change: z.infer<S>): string[]
  /** Top-level fields a reviewer may replace before approving; [] = not editable. The server refuses edits to others. */
  editable: Editable
}

/** A row of the table: keeps its schema and editable fields as their own literal types. */
export const defineChangeKind = <S extends z.ZodType<{ kind: string }>, const Editable extends readonly Extract<Exclude<keyof z.infer<S>, "kind">, string>[]>(
  schema: S,
  traits: Omit<ChangeKindRow<S, Editable>, "schema">
): ChangeKindRow<S, Editable> => ({ schema, ...traits })

/** More than this many records (bulk total, segment size, impact figure) is a bulk operation. */
export const BULK_RECORDS = DEFAULT_BULK_THRESHOLD

// Fields that decide whether and where a contact is messaged: consent, subscriptions, the address.
const CONTACT_CHANNEL_FIELD = /opt[-_ ]?out|unsubscri|consent|gdpr|do[-_ ]?not[-_ ]?(call|email|contact)|subscription|^e-?mail$|^email[-_]?address$/i

const count = (n: number) => n.toLocaleString("en-US")
const lower = (names: Iterable<string>) => [...new Set([...names].map((n) => n.toLowerCase()))]

export const CHANGE_KIND_TABLE = {
  content: defineChangeKind(ContentChange, {
    label: "Content",
    populationLevel: false,
    alwaysHighRisk: false,
    riskReasons: (c) => [`customer-facing: changes the ${c.field} customers read`],
    fieldsTouched: (c) => [c.field.toLowerCase()],
    editable: ["after"]
  }),
  fields: defineChangeKind(FieldsChange, {
    label: "Field updates",
    populationLevel: false,
    alwaysHighRisk: false,
    riskReasons: (c) => {
      const channel = c.changes.map((f) => f.field).filter((field) => CONTACT_CHANNEL_FIELD.test(field))
      return channel.length > 0 ? [`changes consent or contact-channel fields (${channel.join(", ")})`] : []
    },
    fieldsTouched: (c) => lower(c.changes.map((f) => f.field)),
    editable: ["changes"]
  }),
  bulk: defineChangeKind(BulkChange, {
    label: "Bulk update",
    populationLevel: true,
    alwaysHighRisk: false,
    riskReasons: (c) => [`bulk: writes ${count(c.totalRecords)} ${c.objectType} records by one rule`],
    fieldsTouched: (c) => lower(c.sample.flatMap((r) => [...Object.keys(r.before), ...Object.keys(r.after)])),
    editable: []
  }),
  segment: defineChangeKind(SegmentChange, {
    label: "Segment",
    populationLevel: true,
    alwaysHighRisk: false,
    riskReasons: (c) => (c.estimatedSize > BULK_RECORDS ? [`bulk: a segment of ${count(c.estimatedSize)} contacts (more than ${count(BULK_RECORDS)})`] : []),
    fieldsTouched: () => [],
    editable: []
  }),
  scoring: defineChangeKind(ScoringChange, {
    label: "Lead scoring",
    populationLevel: true,
    alwaysHighRisk: true,
    riskReasons: (c) => [`changes the scoring model "${c.modelName}" (expected MQL shift ${c.expectedMqlShiftPct}%)`],
    fieldsTouched: () => [],
    editable: []
  }),
  flow: defineChangeKind(FlowChange, {
    label: "Campaign flow",
    populationLevel: false,
    alwaysHighRisk: false,
    riskReasons: (c) => [`changes campaign flow logic (${c.steps.length} step${c.steps.length === 1 ? "" : "s"})`],
    fieldsTouched: () => [],
    editable: []
  }),
  routing: defineChangeKind(RoutingChange, {
    label: "Lead routing",
    populationLevel: false,
    alwaysHighRisk: false,
    riskReasons: () => [],
    fieldsTouched: () => [],
    editable: []
  })
}

export type ChangeKindTable = typeof CHANGE_KIND_TABLE
export type ChangeKind = keyof ChangeKindTable
/** What the AI wants to change: one of the table's kinds. */
export type Change = { [K in ChangeKind]: z.infer<ChangeKindTable[K]["schema"]> }[ChangeKind]
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>

export const CHANGE_KINDS = Object.keys(CHANGE_KIND_TABLE) as ChangeKind[]

/** labels.ts lists the kinds for zod-free code: a kind missing on either side fails to compile here. */
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type MustBeTrue<T extends true> = T
export type KindsListedInLabels = MustBeTrue<SameKinds<ChangeKind, (typeof CHANGE_KIND_IDS)[number]>>

/** The row of a change's kind, typed for that change. */
const rowOf = <C extends Change>(change: C) => CHANGE_KIND_TABLE[change.kind] as unknown as ChangeKindRow<z.ZodType<C>>

export const changeRiskReasons = (change: Change): string[] => rowOf(change).riskReasons(change)
export const changeFieldsTouched = (change: Change): string[] => rowOf(change).fieldsTouched(change)
export const isAlwaysHighRisk = (change: Change): boolean => CHANGE_KIND_TABLE[change.kind].alwaysHighRisk
export const isPopulationLevel = (change: Change): boolean => CHANGE_KIND_TABLE[change.kind].populationLevel
export const editableFields = (kind: ChangeKind): readonly string[] => CHANGE_KIND_TABLE[kind].editable
export const changeKindLabel = (kind: ChangeKind): string => CHANGE_KIND_TABLE[kind].label
