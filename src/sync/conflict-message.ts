import type { Decision, Proposal } from "~src/domain"
import { timeAgo } from "~src/local/time-ago"

const PAST_TENSE: Record<Decision["action"], string> = {
  approve: "approved",
  reject: "rejected",
  edit: "edited",
  pause: "paused the workflow of",
  revert: "reverted",
  auto_approve: "auto-approved",
  expire: "expired",
  cancel: "withdrew"
}

/**
 * What the reviewer sees when the server refused their decision with a 409: who got there first and
 * when ("Ana approved this 2 min ago"), or, without a decision to point at, what changed.
 */
export function describeConflict(proposal: Proposal, now: number): string {
  const latest = latestDecision(proposal.decisions)
  if (latest) {
    const when = timeAgo(latest.createdAt, now)
    if (latest.action === "auto_approve") return `A workflow policy auto-approved this ${when}`
    if (latest.action === "expire") return `This proposal expired ${when}`
    return `${latest.actor.name} ${PAST_TENSE[latest.action]} this ${when}`
  }
  if (proposal.status !== "pending") return `This proposal is already ${proposal.status.replace("_", "-")}`
  return `This proposal changed since you reviewed it (now version ${proposal.version}); review it again`
}

function latestDecision(decisions: readonly Decision[]): Decision | undefined {
  let latest: Decision | undefined
  for (const d of decisions) if (!latest || d.createdAt >= latest.createdAt) latest = d
  return latest
}

/**
 * The stored notice says "2 min ago" relative to when the conflict was found; re-tell it relative to
 * now when the cached proposal still holds the decision it points at.
 */
export function withCurrentConflictMessage<P extends Proposal & { local?: { conflict?: { message: string; at: string } } }>(p: P, now: number): P {
  if (!p.local?.conflict || p.decisions.length === 0) return p
  return { ...p, local: { ...p.local, conflict: { ...p.local.conflict, message: describeConflict(p, now) } } }
}
