import type { EntityRef } from "~src/domain"
import type { LocalProposal } from "~src/local/local-proposal"

/** The agent said the proposal's target belongs to this entity (target.parents): an email of the campaign on screen. */
export const belongsTo = (p: LocalProposal, entity: EntityRef): boolean =>
  p.target.platform === entity.platform && (p.target.parents ?? []).some((parent) => parent.kind === entity.kind && parent.id === entity.id)

/** "campaign", "smart list": the entity's kind as a noun in a sentence. */
const kindNoun = (entity: EntityRef) => entity.kind.replace(/[-_]+/g, " ").toLowerCase()

/**
 * What the "Related" section holds, said under its heading: the items inside the entity on screen
 * (a campaign's emails), the records this page is linked to (a console's account, the same id
 * under another kind name), or both.
 */
export function relatedSectionNote(entity: EntityRef, related: readonly LocalProposal[]): string {
  const children = related.filter((p) => belongsTo(p, entity)).length
  const inside = `Proposals for items in this ${kindNoun(entity)}`
  if (children === related.length) return inside
  if (children === 0) return "Proposals for records linked to this page"
  return `${inside} and for records linked to this page`
}
