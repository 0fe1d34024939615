import type { ComponentType } from "react"
import type { Change, ChangeKind } from "~src/domain"
import { BulkChangeView } from "./bulk"
import { ContentChangeEditor, ContentChangeView } from "./content"
import { FieldsChangeEditor, FieldsChangeView } from "./fields"
import { FlowChangeView } from "./flow"
import { RoutingChangeView } from "./routing"
import { ScoringChangeView } from "./scoring"
import { SegmentChangeView } from "./segment"

type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>

export interface ChangeKindUi<K extends ChangeKind> {
  View: ComponentType<{ change: ChangeOf<K> }>
  /** Kinds a reviewer can edit before approving; the edits are a partial change merged by the server. */
  Editor?: ComponentType<{ change: ChangeOf<K>; onEdits: (edits: Partial<ChangeOf<K>>) => void }>
}

/** One entry per change kind: adding a kind = one schema in src/domain/changes + one view here. */
export const CHANGE_UI: { [K in ChangeKind]: ChangeKindUi<K> } = {
  content: { View: ContentChangeView, Editor: ContentChangeEditor },
  fields: { View: FieldsChangeView, Editor: FieldsChangeEditor },
  bulk: { View: BulkChangeView },
  segment: { View: SegmentChangeView },
  scoring: { View: ScoringChangeView },
  flow: { View: FlowChangeView },
  routing: { View: RoutingChangeView }
}

export function ChangeView({ change }: { change: Change }) {
  const { View } = CHANGE_UI[change.kind] as ChangeKindUi<typeof change.kind>
  return <View change={change as never} />
}

export const isEditable = (change: Change): boolean => CHANGE_UI[change.kind].Editor !== undefined

export function ChangeEditor({ change, onEdits }: { change: Change; onEdits: (edits: Record<string, unknown>) => void }) {
  const { Editor } = CHANGE_UI[change.kind] as ChangeKindUi<typeof change.kind>
  return Editor ? <Editor change={change as never} onEdits={onEdits as never} /> : null
}
