import { z } from "zod"
import { BulkChange } from "./bulk"
import { ContentChange } from "./content"
import { FieldsChange } from "./fields"
import { FlowChange } from "./flow"
import { RoutingChange } from "./routing"
import { ScoringChange } from "./scoring"
import { SegmentChange } from "./segment"

export * from "./bulk"
export * from "./content"
export * from "./fields"
export * from "./flow"
export * from "./routing"
export * from "./scoring"
export * from "./segment"

/** What the AI wants to change. Adding a kind = one schema file here + one view in src/ui/changes/. */
export const Change = z.discriminatedUnion("kind", [
  ContentChange,
  FieldsChange,
  BulkChange,
  SegmentChange,
  ScoringChange,
  FlowChange,
  RoutingChange
])
export type Change = z.infer<typeof Change>
export type ChangeKind = Change["kind"]
export const CHANGE_KINDS = Change.options.map((o) => o.shape.kind.value) as ChangeKind[]
