/**
 * The console's address: `options.html#<section id>`, so a section can be bookmarked, linked from
 * elsewhere (the popup's "more settings"), and reached with the browser's back and forward.
 */

/** The section a location hash names; the first section for an empty or unknown hash. */
export function sectionIdFromHash<S extends { id: string }>(hash: string, sections: readonly S[]): S["id"] {
  const wanted = decodeHash(hash)
  return (sections.find((s) => s.id === wanted) ?? sections[0]!).id
}

/** "#workflows" for "workflows". */
export const hashOf = (sectionId: string): string => `#${encodeURIComponent(sectionId)}`

function decodeHash(hash: string): string {
  const raw = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? ""
  try {
    return decodeURIComponent(raw).toLowerCase()
  } catch {
    return "" // a malformed escape: not a section
  }
}
