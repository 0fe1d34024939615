import { diffWords } from "diff"
import { useMemo } from "react"

/**
 * Word-level before/after diff. Every part is rendered as a React text node: even when the
 * strings are HTML source, nothing here is ever parsed as markup.
 */
export function WordDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after])
  return (
    <div className="word-diff" role="group" aria-label={label}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="diff-added">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="diff-removed">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        )
      )}
    </div>
  )
}
