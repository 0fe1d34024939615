import type { Proposal } from "~src/domain/proposal"

// How the extension tells a proposal's deadline: the popup, the panel card and the reminders read it.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Past its reminder and not yet expired: the deadline is close. An expired one no longer needs anyone. */
export function isDueForReminderAt(p: Pick<Proposal, "remindAt" | "expiresAt">, now: number): boolean {
  if (!p.remindAt || Date.parse(p.remindAt) > now) return false
  return !p.expiresAt || Date.parse(p.expiresAt) > now
}

export interface DeadlineLabel {
  /** "expires in 3 h", "expires in 12 min", "expired". */
  text: string
  /** Past the reminder (or expired): shown as urgent. */
  urgent: boolean
  expired: boolean
}

/**
 * How long a proposal has until its deadline, for the panel card, the popup rows and reminders;
 * null when it has no deadline or it is decided (a decision is never undone by a deadline).
 * Time left is rounded down: "expires in 2 h" at 2 h 59 min, never a promise of more time than
 * there is.
 */
export function deadlineLabel(p: Pick<Proposal, "status" | "expiresAt" | "remindAt">, now: number): DeadlineLabel | null {
  if (p.status === "expired") return { text: "expired", urgent: true, expired: true }
  if (p.status !== "pending" || !p.expiresAt) return null
  const left = Date.parse(p.expiresAt) - now
  if (Number.isNaN(left)) return null
  if (left <= 0) return { text: "expired", urgent: true, expired: true }
  const urgent = p.remindAt !== undefined && Date.parse(p.remindAt) <= now
  return { text: `expires in ${timeLeft(left)}`, urgent, expired: false }
}

function timeLeft(ms: number): string {
  if (ms < MINUTE) return "under a minute"
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} h`
  return `${Math.floor(ms / DAY)} days`
}
