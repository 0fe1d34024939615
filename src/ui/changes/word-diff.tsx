// Deep import on purpose: the package index also loads jsdiff's word tokenizer, whose
// `'\\u{C0}-\\u{D6}'` character-class string the production minifier (Parcel/SWC) corrupts
// into an invalid RegExp that throws when the content script loads. The array diff shares
// jsdiff's Myers engine and never touches that module.
import { diffArrays } from "diff/lib/diff/array.js"
import { useMemo } from "react"

/** Words (any script, with accents), runs of whitespace, and single punctuation marks. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu

export interface WordDiffPart {
  value: string
  added: boolean
  removed: boolean
}

/**
 * Word-level diff: the same granularity as jsdiff's `diffWords`, safe to bundle. Like
 * diffWords, a lone space between two changed words joins them into one change
 * ("the" → "our brand-new", not "the" → "our", " ", "brand-new ").
 */
export function diffByWords(before: string, after: string): WordDiffPart[] {
  const raw = diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? []).map((part) => ({
    value: part.value.join(""),
    added: part.added,
    removed: part.removed
  }))
  const out: WordDiffPart[] = []
  let removed = ""
  let added = ""
  const flush = () => {
    if (!removed && !added) return
    // Whitespace both sides end with is unchanged text, not part of the change.
    const shared = removed && added ? commonWhitespaceSuffix(removed, added) : ""
    if (removed) out.push({ value: removed.slice(0, removed.length - shared.length), added: false, removed: true })
    if (added) out.push({ value: added.slice(0, added.length - shared.length), added: true, removed: false })
    if (shared) out.push({ value: shared, added: false, removed: false })
    removed = added = ""
  }
  raw.forEach((part, i) => {
    const isChange = part.added || part.removed
    const between = !isChange && /^\s+$/.test(part.value) && (raw[i - 1]?.added || raw[i - 1]?.removed) && (raw[i + 1]?.added || raw[i + 1]?.removed)
    if (part.removed) removed += part.value
    else if (part.added) added += part.value
    else if (between) {
      removed += part.value
      added += part.value
    } else {
      flush()
      out.push(part)
    }
  })
  flush()
  return out.filter((part) => part.value !== "")
}

function commonWhitespaceSuffix(a: string, b: string): string {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n] && /\s/.test(a[a.length - 1 - n])) n++
  return a.slice(a.length - n)
}

/**
 * Word-level before/after diff. Every part is rendered as a React text node: even when the
 * strings are HTML source, nothing here is ever parsed as markup.
 */
export function WordDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = useMemo(() => diffByWords(before, after), [before, after])
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
