import type { Proposal } from "~src/domain"
import { isHighRisk } from "./risk"

export interface ProposalNotification {
  /** The proposal id doubles as the notification id, so a click can open it. */
  id: string
  title: string
  message: string
}

/** At most this many separate notifications per sync; the rest are summarised in one. */
const MAX_SEPARATE = 3

/** Desktop notifications for newly arrived high-risk proposals (opt-in on the options page). */
export function highRiskNotifications(arrived: readonly Proposal[]): ProposalNotification[] {
  const risky = arrived.filter((p) => p.status === "pending" && isHighRisk(p))
  const separate = risky.slice(0, MAX_SEPARATE).map((p) => ({
    id: p.id,
    title: `High-risk proposal: ${p.title}`.slice(0, 120),
    message: `${p.agent.name} · ${p.target.platform} ${p.target.kind} ${p.target.id}\n${p.summary}`.slice(0, 300)
  }))
  if (risky.length > MAX_SEPARATE)
    separate.push({ id: "signoff-more", title: "More high-risk proposals", message: `${risky.length - MAX_SEPARATE} more are waiting in Signoff` })
  return separate
}
