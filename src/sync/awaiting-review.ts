import type { CachedProposal, SignoffDatabase } from "~src/db"
import type { Decision, Me, Proposal } from "~src/domain"
import { isHighRisk } from "./risk"

export interface AwaitingReview {
  count: number
  /** createdAt of the oldest item waiting, for the badge colour and the popup's "oldest waiting". */
  oldestCreatedAt: string | null
  anyHighRisk: boolean
}

/** The person behind a decision is this reviewer: by principal id, or by name for decisions from before principals. */
const isMe = (actor: Decision["actor"], me: Me): boolean =>
  actor.principalId !== undefined && me.principalId !== undefined ? actor.principalId === me.principalId : actor.name === me.name

/**
 * This reviewer already approved the content as it stands: an approval (or an edit, which approves
 * the edited version) of theirs since the last edit. An edit restarts the count, so after someone
 * else's edit they are asked again. (A decision's proposalVersion is the version its author saw,
 * one before the version it produced, so versions cannot tell this.)
 */
export function hasApprovedCurrentContent(p: Pick<Proposal, "decisions" | "approvedBy">, me: Me | null): boolean {
  if (!me) return false
  // The server's own list of whose approvals count now, when it sends one.
  if (p.approvedBy && me.principalId !== undefined) return p.approvedBy.includes(me.principalId)
  const lastEdit = p.decisions.findLastIndex((d) => d.action === "edit")
  return p.decisions.some((d, i) => i >= lastEdit && (d.action === "approve" || d.action === "edit") && isMe(d.actor, me))
}

/**
 * Pending proposals that wait for this reviewer: no decision of ours queued locally, and not already
 * approved by us (quorum workflows stay pending until enough distinct reviewers approve).
 */
export function isAwaitingReviewer(p: CachedProposal, me: Me | null): boolean {
  if (p.status !== "pending" || p.local?.pendingAction) return false
  return !hasApprovedCurrentContent(p, me)
}

export async function readAwaitingReview(db: SignoffDatabase, me: Me | null): Promise<AwaitingReview> {
  const summary: AwaitingReview = { count: 0, oldestCreatedAt: null, anyHighRisk: false }
  // toArray (one getAll) rather than each (a cursor step per row): tens of times faster on large queues.
  for (const p of await db.proposals.where("status").equals("pending").toArray()) {
    if (!isAwaitingReviewer(p, me)) continue
    summary.count++
    if (!summary.oldestCreatedAt || p.createdAt < summary.oldestCreatedAt) summary.oldestCreatedAt = p.createdAt
    if (isHighRisk(p)) summary.anyHighRisk = true
  }
  return summary
}
