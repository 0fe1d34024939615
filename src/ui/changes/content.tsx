import { useTrustedChange } from "~src/ui/proposal/trusted-events"
import type { ContentChange } from "~src/domain"
import { SanitizedHtmlPreview } from "./sanitized-html-preview"
import { WordDiff } from "./word-diff"

/** Email subject/body, landing-page copy: word diff of the text, and for HTML a safe rendered preview. */
export function ContentChangeView({ change }: { change: ContentChange }) {
  return (
    <div className="change change-content">
      <p className="change-caption">
        Changes <strong>{change.field}</strong>
        {change.format === "html" ? " (HTML)" : ""}
      </p>
      <WordDiff before={change.before} after={change.after} label={`Changes to ${change.field}`} />
      {change.format === "html" && (
        <details className="preview" open>
          <summary>Preview of the proposed version</summary>
          <SanitizedHtmlPreview html={change.after} title={`Preview of the proposed ${change.field}`} />
        </details>
      )}
    </div>
  )
}

/** Reviewer edits to the proposed text; sent as `edits: { after }`. */
export function ContentChangeEditor({ change, onEdits }: { change: ContentChange; onEdits: (edits: Partial<ContentChange>) => void }) {
  const trustedChange = useTrustedChange()
  return (
    <label className="editor-field">
      <span>Edit proposed {change.field}</span>
      <textarea defaultValue={change.after} rows={change.format === "html" ? 10 : 4} onChange={trustedChange((after) => onEdits({ after }))} />
    </label>
  )
}
