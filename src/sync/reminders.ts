import type { CachedProposal, SignoffDatabase } from "~src/db"
import { readMeta, writeMeta } from "~src/db"
import type { Me, Proposal } from "~src/domain"
import { isAwaitingReviewer } from "./awaiting-review"
import { deadlineLabel, isDueForReminderAt } from "~src/local/deadline"
import type { ProposalNotification } from "./notifications"

/**
 * Reminders before a proposal's deadline. The server fixes `remindAt` when a proposal is created
 * (the reminder share of its time to `expiresAt`) and fires the `proposal.expiring` webhook then;
 * the extension reminds this reviewer at the same moment: the badge turns urgent, and with the
 * opt-in a desktop notification, once per proposal.
 */

type Deadlined = Pick<CachedProposal, "id" | "status" | "local" | "decisions" | "approvedBy" | "remindAt" | "expiresAt">

export interface ReminderPlan<P> {
  /** Proposals waiting for this reviewer whose reminder is due now. */
  due: P[]
  /** The next moment a reminder falls due (epoch ms), for a one-shot alarm; null when none is ahead. */
  nextAt: number | null
}

/** What to remind this reviewer of now, and when to look again. Only proposals waiting for them count. */
export function planReminders<P extends Deadlined>(pending: readonly P[], me: Me | null, now: number): ReminderPlan<P> {
  const due: P[] = []
  let nextAt: number | null = null
  for (const p of pending) {
    if (!p.remindAt || !isAwaitingReviewer(p, me)) continue
    if (isDueForReminderAt(p, now)) {
      due.push(p)
      continue
    }
    const at = Date.parse(p.remindAt)
    if (at > now && (p.expiresAt === undefined || Date.parse(p.expiresAt) > at) && (nextAt === null || at < nextAt)) nextAt = at
  }
  return { due, nextAt }
}

/** At most this many separate reminder notifications at once; the rest are summarised in one. */
const MAX_SEPARATE = 3

/**
 * The desktop notifications for reminders that just fell due: "Review soon: <title>", "Expires in
 * 3 h · …". Each id is the proposal's, so a click opens it; many at once (the first run after
 * opting in) are summarised rather than stacked.
 */
export function reminderNotifications(
  fresh: readonly Pick<Proposal, "id" | "title" | "agent" | "target" | "status" | "expiresAt" | "remindAt">[],
  now: number
): ProposalNotification[] {
  const separate = fresh.slice(0, MAX_SEPARATE).map((p) => {
    const deadline = deadlineLabel(p, now)?.text ?? "deadline close"
    return {
      id: p.id,
      title: `Review soon: ${p.title}`.slice(0, 120),
      message: `${deadline[0]!.toUpperCase()}${deadline.slice(1)} · ${p.agent.name} · ${p.target.platform} ${p.target.kind} ${p.target.id}`.slice(0, 300)
    }
  })
  if (fresh.length > MAX_SEPARATE)
    separate.push({
      id: "signoff-more",
      title: "More deadlines are close",
      message: `${fresh.length - MAX_SEPARATE} more proposals are close to their deadline in Signoff`
    })
  return separate
}

/**
 * Records `dueIds` as reminded and returns those that were not already, in one transaction: a
 * sync and the reminder alarm running at once, or a worker restarted after showing one, never
 * notify twice. The record keeps only ids still pending (`pendingIds`), so it stays small.
 */
export async function claimReminders(db: SignoffDatabase, dueIds: readonly string[], pendingIds: ReadonlySet<string>): Promise<string[]> {
  return db.transaction("rw", db.meta, async () => {
    const reminded = new Set((await readMeta(db, "remindedProposals")).filter((id) => pendingIds.has(id)))
    const fresh = dueIds.filter((id) => !reminded.has(id))
    for (const id of fresh) reminded.add(id)
    await writeMeta(db, "remindedProposals", [...reminded])
    return fresh
  })
}
