import { describe, expect, it } from "vitest"
import { z } from "zod"
import { CHANGE_KIND_TABLE, CHANGE_KINDS, changeFieldsTouched, changeRiskReasons, defineChangeKind, isPopulationLevel } from "~src/domain/change-kinds"
import { Change } from "~src/domain/changes"
import { CHANGE_UI, type ChangeViewTable } from "~src/ui/changes/registry"

/*
 * Adding a kind of change: its schema, its row in the kinds table, its view. These checks run in
 * `npm test`'s typecheck (tsc): each @ts-expect-error must be an error, or the build fails.
 */
const NoteChange = z.strictObject({ kind: z.literal("note"), text: z.string() })
const NoteView = ({ change }: { change: z.infer<typeof NoteChange> }) => change.text
const NoteEditor = (_: { change: z.infer<typeof NoteChange>; onEdits: (edits: Partial<z.infer<typeof NoteChange>>) => void }) => null

// A row needs every trait: no riskReasons, no row.
// @ts-expect-error riskReasons is missing
defineChangeKind(NoteChange, { label: "Note", populationLevel: false, alwaysHighRisk: false, fieldsTouched: () => [], editable: [] })
// Only fields of the change may be editable.
defineChangeKind(NoteChange, {
  label: "Note",
  populationLevel: false,
  alwaysHighRisk: false,
  riskReasons: () => [],
  fieldsTouched: () => [],
  // @ts-expect-error "title" is not a field of a note
  editable: ["title"]
})

const withNote = {
  ...CHANGE_KIND_TABLE,
  note: defineChangeKind(NoteChange, {
    label: "Note",
    populationLevel: false,
    alwaysHighRisk: false,
    riskReasons: () => [],
    fieldsTouched: () => [],
    editable: ["text"]
  })
}

// The view table does not compile until the new kind has its view...
// @ts-expect-error the note kind has no view
const missingView: ChangeViewTable<typeof withNote> = { ...CHANGE_UI }
// ...and an editor, since its row lets reviewers edit it.
// @ts-expect-error an editable kind needs an editor
const missingEditor: ChangeViewTable<typeof withNote> = { ...CHANGE_UI, note: { View: NoteView } }
// With both, it does.
const complete: ChangeViewTable<typeof withNote> = { ...CHANGE_UI, note: { View: NoteView, Editor: NoteEditor } }
void [withNote, missingView, missingEditor, complete]

describe("the table of change kinds", () => {
  it("is the Change union: every row's kind parses, nothing else does", () => {
    expect(CHANGE_KINDS).toEqual(["content", "fields", "bulk", "segment", "scoring", "flow", "routing"])
    expect(Change.safeParse({ kind: "note", text: "x" }).success).toBe(false)
    expect(Change.safeParse({ kind: "routing", chosen: { id: "q1", name: "EMEA" }, alternatives: [] }).success).toBe(true)
  })

  it("answers each kind's questions from its row", () => {
    const bulk = {
      kind: "bulk" as const,
      objectType: "lead",
      rule: "title case",
      totalRecords: 100_000,
      sample: [{ recordId: "1", before: { JobTitle: "vp" }, after: { JobTitle: "VP" } }]
    }
    expect(changeRiskReasons(bulk)).toEqual(["bulk: writes 100,000 lead records by one rule"])
    expect(changeFieldsTouched(bulk)).toEqual(["jobtitle"])
    expect(isPopulationLevel(bulk)).toBe(true)
    expect(changeRiskReasons({ kind: "routing", chosen: { id: "q", name: "Q" }, alternatives: [] })).toEqual([])
  })

  it("offers an editor exactly for the kinds whose row names editable fields", () => {
    for (const kind of CHANGE_KINDS) expect(Boolean((CHANGE_UI[kind] as { Editor?: unknown }).Editor)).toBe(CHANGE_KIND_TABLE[kind].editable.length > 0)
  })
})
