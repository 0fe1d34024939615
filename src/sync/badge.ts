import type { AwaitingReview } from "./awaiting-review"

export interface Badge {
  text: string
  /** CSS colour for chrome.action.setBadgeBackgroundColor. */
  color: string
  /** Toolbar tooltip. */
  title: string
}

export const BADGE_COLORS = { urgent: "#d93025", waiting: "#f29900", fresh: "#1a73e8", inactive: "#80868b" } as const

const HOUR = 3_600_000
export const URGENT_AFTER_MS = 24 * HOUR
export const WAITING_AFTER_MS = 4 * HOUR

/**
 * The toolbar badge: how many proposals wait for this reviewer, red when the oldest waited over a day,
 * any is high risk or any reached its reminder (its deadline is close), amber over four hours; "!"
 * in grey when Signoff is not set up, grey when the last sync failed (the count may be stale).
 */
export function computeBadge({
  configured,
  error,
  awaiting,
  now
}: {
  configured: boolean
  error: string | null
  awaiting: AwaitingReview
  now: number
}): Badge {
  if (!configured) return { text: "!", color: BADGE_COLORS.inactive, title: "Signoff: set the server URL and API token in the options" }
  const waiting = awaiting.count === 0 ? "" : awaiting.count > 999 ? "999+" : String(awaiting.count)
  const summary = `Signoff: ${awaiting.count} proposal${awaiting.count === 1 ? "" : "s"} awaiting your review`
  if (error) return { text: waiting || "!", color: BADGE_COLORS.inactive, title: `${summary}\nSync problem: ${error}` }
  const age = awaiting.oldestCreatedAt ? now - new Date(awaiting.oldestCreatedAt).getTime() : 0
  const reminded = awaiting.earliestRemindAt !== null && Date.parse(awaiting.earliestRemindAt) <= now
  const color =
    awaiting.anyHighRisk || reminded || age > URGENT_AFTER_MS ? BADGE_COLORS.urgent : age > WAITING_AFTER_MS ? BADGE_COLORS.waiting : BADGE_COLORS.fresh
  return { text: waiting, color, title: reminded ? `${summary}\nA deadline is close: see Escalations in the popup` : summary }
}
