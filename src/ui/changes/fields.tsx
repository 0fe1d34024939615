import { useTrustedChange } from "~src/ui/proposal/trusted-events"
import { useRef } from "react"
import type { FieldsChange, Scalar } from "~src/domain"
import { scalarText } from "./scalar-text"

/** Record updates, enrichment, normalization: one row per field, before → after. */
export function FieldsChangeView({ change }: { change: FieldsChange }) {
  return (
    <table className="change change-fields">
      <caption>Field changes</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {change.changes.map((row) => (
          <tr key={row.field}>
            <th scope="row">{row.label ?? row.field}</th>
            <td className="before">{scalarText(row.before)}</td>
            <td className="after">{scalarText(row.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Keep the proposed value's type: a number field stays a number, a yes/no stays boolean. */
export function parseEditedScalar(text: string, proposed: Scalar): Scalar {
  if (typeof proposed === "number") {
    const n = Number(text)
    return text.trim() !== "" && Number.isFinite(n) ? n : text
  }
  if (typeof proposed === "boolean") return text === "true"
  return text === "" && proposed === null ? null : text
}

/** Edit the proposed values; sent as `edits: { changes }` (the whole array, since edits replace arrays). */
export function FieldsChangeEditor({ change, onEdits }: { change: FieldsChange; onEdits: (edits: Partial<FieldsChange>) => void }) {
  // Kept across re-renders so editing one field never drops the edits made to another.
  const edited = useRef(change.changes.map((row) => ({ ...row })))
  const trustedChange = useTrustedChange()
  const update = (index: number, text: string) => {
    edited.current[index] = { ...edited.current[index], after: parseEditedScalar(text, change.changes[index].after) }
    onEdits({ changes: edited.current.map((row) => ({ ...row })) })
  }
  return (
    <fieldset className="editor-fields">
      <legend>Edit proposed values</legend>
      {change.changes.map((row, i) => (
        <label key={row.field} className="editor-field">
          <span>{row.label ?? row.field}</span>
          {typeof row.after === "boolean" ? (
            <select defaultValue={String(row.after)} onChange={trustedChange((value) => update(i, value))}>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          ) : (
            <input
              type={typeof row.after === "number" ? "number" : "text"}
              defaultValue={row.after === null ? "" : String(row.after)}
              onChange={trustedChange((value) => update(i, value))}
            />
          )}
        </label>
      ))}
    </fieldset>
  )
}
