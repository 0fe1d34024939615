import type { ComponentType } from "react"
import type { z } from "zod"
import { editableFields, type Change, type ChangeKindRow } from "~src/domain"
import type { ChangeKindTable } from "~src/domain/change-kinds"
import { BulkChangeView } from "./bulk"
import { ContentChangeEditor, ContentChangeView } from "./content"
import { FieldsChangeEditor, FieldsChangeView } from "./fields"
import { FlowChangeView } from "./flow"
import { RoutingChangeView } from "./routing"
import { ScoringChangeView } from "./scoring"
import { SegmentChangeView } from "./segment"

/**
 * The UI of one kind of change: its view, and an editor exactly when the kind's row in
 * src/domain/change-kinds.ts lets a reviewer edit it (the compiler asks for one then, and refuses
 * one otherwise).
 */
export type ChangeKindUi<C, Editable extends readonly string[]> = { View: ComponentType<{ change: C }> } & (Editable extends readonly []
  ? { Editor?: never }
  : { Editor: ComponentType<{ change: C; onEdits: (edits: Partial<C>) => void }> })

/** One UI per row of a kinds table: a kind added to the table does not compile until its view is here. */
export type ChangeViewTable<T extends Record<string, ChangeKindRow<z.ZodType<{ kind: string }>, readonly string[]>>> = {
  [K in keyof T]: ChangeKindUi<z.infer<T[K]["schema"]>, T[K]["editable"]>
}

export const CHANGE_UI = {
  content: { View: ContentChangeView, Editor: ContentChangeEditor },
  fields: { View: FieldsChangeView, Editor: FieldsChangeEditor },
  bulk: { View: BulkChangeView },
  segment: { View: SegmentChangeView },
  scoring: { View: ScoringChangeView },
  flow: { View: FlowChangeView },
  routing: { View: RoutingChangeView }
} satisfies ChangeViewTable<ChangeKindTable>

type AnyUi = { View: ComponentType<{ change: Change }>; Editor?: ComponentType<{ change: Change; onEdits: (edits: Record<string, unknown>) => void }> }
const uiOf = (change: Change) => CHANGE_UI[change.kind] as AnyUi

export function ChangeView({ change }: { change: Change }) {
  const { View } = uiOf(change)
  return <View change={change} />
}

export const isEditable = (change: Change): boolean => editableFields(change.kind).length > 0

export function ChangeEditor({ change, onEdits }: { change: Change; onEdits: (edits: Record<string, unknown>) => void }) {
  const { Editor } = uiOf(change)
  return Editor ? <Editor change={change} onEdits={onEdits} /> : null
}
