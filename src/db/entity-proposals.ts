import { targetKey, type EntityRef } from "~src/domain"
import { tenantMatch } from "~src/platforms/tenant"
import type { SignoffDatabase } from "./database"
import type { CachedProposal } from "./schema"

export interface EntityProposals {
  /** About the entity on screen. */
  proposals: CachedProposal[]
  /** About entities it is linked to: the page's related ones, the same id under another kind name, its children (target.parents). */
  related: CachedProposal[]
}

/**
 * The proposals a page about `entity` shows — and therefore the only ones a panel in that page may
 * decide (the background refuses the rest). Lookups are by record id without the tenant, so the
 * tenant rule applies here, in one place: a proposal stated for another portal / munchkin / org is
 * never about this page, whatever its kind and id (src/platforms/tenant.ts).
 */
export async function readEntityProposals(db: SignoffDatabase, entity: EntityRef & { related?: EntityRef[] }): Promise<EntityProposals> {
  const key = targetKey(entity)
  const relatedKeys = (entity.related ?? []).map(targetKey)
  const [exact, ofRelatedEntities, samePlatformId, children] = await Promise.all([
    db.proposals.where("targetKey").equals(key).toArray(),
    relatedKeys.length ? db.proposals.where("targetKey").anyOf(relatedKeys).toArray() : [],
    db.proposals.where("[target.platform+target.id]").equals([entity.platform, entity.id]).toArray(),
    db.proposals.where("parentKeys").equals(key).toArray()
  ])
  const here = (p: CachedProposal) => tenantMatch(p.target.tenant, entity.tenant) !== "other" && shownInPanel(p)
  const proposals = exact.filter(here)
  // Related: the entities the page belongs to (entity.related), the same record id on the same
  // platform under another kind name (an agent's "0-1" where the page says "contact"), and the
  // items that belong to this entity as their agents named it (target.parents: a campaign's emails).
  const related = new Map([...ofRelatedEntities, ...samePlatformId, ...children].filter((p) => p.targetKey !== key && here(p)).map((p) => [p.id, p]))
  return { proposals: newestFirst(proposals), related: newestFirst([...related.values()]) }
}

/**
 * A proposal its agent withdrew (cancelled) leaves the panel: there is nothing left to review.
 * It stays only while it carries a refused decision of this reviewer, so the conflict is seen.
 */
const shownInPanel = (p: CachedProposal): boolean => p.status !== "cancelled" || Boolean(p.local?.conflict)

const newestFirst = (ps: CachedProposal[]) => ps.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
