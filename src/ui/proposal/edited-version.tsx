import type { LocalProposal } from "~src/local/local-proposal"
import { timeAgo } from "~src/local/time-ago"
import { WordDiff } from "~src/ui/changes/word-diff"
import { editedValues } from "./edit-diff"

/**
 * A reviewer edited the agent's change: what the card shows (and what an approval now covers) is
 * the edited version. Says who edited it and when, and shows the edit as a diff against the agent's
 * original, so a co-approver on a quorum workflow knows exactly what they approve.
 */
export function EditedVersion({ proposal, now }: { proposal: LocalProposal; now: number }) {
  if (!proposal.editedChange) return null
  const editor = proposal.editedBy
  const values = editedValues(proposal.change, proposal.editedChange)
  return (
    <section className="edited-version" aria-label="Edited version">
      <p className="edited-by">
        <strong>Edited by {editor?.name ?? "a reviewer"}</strong>
        {editor && (
          <>
            {" "}
            <time dateTime={editor.at} title={new Date(editor.at).toLocaleString()}>
              {timeAgo(editor.at, now)}
            </time>
          </>
        )}
        {proposal.status === "pending" ? ": approving approves this edited version." : "."}
      </p>
      <details className="why" open>
        <summary>Changes from the agent&apos;s original ({values.length})</summary>
        {values.map((v) => (
          <div key={v.path} className="edited-value">
            <p className="change-caption">{v.path}</p>
            <WordDiff before={v.before} after={v.after} label={`Edit of ${v.path}: agent's original → edited`} />
          </div>
        ))}
      </details>
    </section>
  )
}
