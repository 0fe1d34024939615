import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import type { HistoryEntry } from "~src/domain/history"
import { timeAgo } from "~src/local/time-ago"
import { WordDiff } from "~src/ui/changes/word-diff"
import { errorText, queryKeys, useAsk } from "~src/ui/query-client"
import { editedValues } from "./edit-diff"
import { describeHistoryEntry } from "./history-text"

/**
 * A proposal's decision history, behind a disclosure: created, auto-approval, each decision (who,
 * reason, review time, an edit's diff), execution reports, reverts, expiry. Loaded from the server
 * (through the background) when opened, and again when the proposal moves to a new version.
 */
export function DecisionHistory({ proposalId, version, now }: { proposalId: string; version: number; now: number }) {
  const ask = useAsk()
  const [open, setOpen] = useState(false)
  const history = useQuery({
    queryKey: queryKeys.history(proposalId, version),
    queryFn: () => ask({ type: "proposal.history", proposalId }),
    enabled: open
  })
  return (
    <details className="why history" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Decision history</summary>
      {history.isPending && open && <p role="status">Loading the history…</p>}
      {history.isError && (
        <p role="alert" className="error">
          Could not load the history: {errorText(history.error)}
        </p>
      )}
      {history.data && (
        <ol className="history-list" aria-label="Decision history, oldest first">
          {history.data.entries.map((entry) => (
            <HistoryItem key={entry.seq} entry={entry} now={now} />
          ))}
        </ol>
      )}
    </details>
  )
}

function HistoryItem({ entry, now }: { entry: HistoryEntry; now: number }) {
  const line = describeHistoryEntry(entry)
  const edit = entry.type === "edit" && "edit" in entry ? entry.edit : null
  return (
    <li className={`history-entry history-${entry.type}`}>
      <p className="history-line">
        <strong>{line.who}</strong> {line.what}{" "}
        <time className="muted" dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
          {timeAgo(entry.at, now)}
        </time>
      </p>
      {line.detail && <p className="history-detail muted">{line.detail}</p>}
      {edit &&
        editedValues(edit.before, edit.after).map((v) => (
          <div key={v.path} className="edited-value">
            <p className="change-caption">{v.path}</p>
            <WordDiff before={v.before} after={v.after} label={`${line.who}'s edit of ${v.path}`} />
          </div>
        ))}
    </li>
  )
}
