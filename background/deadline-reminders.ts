import { readMeta, readSettings, type SignoffDatabase } from "~src/db"
import { claimReminders, planReminders, reminderNotifications } from "~src/sync"
import { showNotification } from "./desktop-notifications"
import { scheduleReminder } from "./sync-alarms"

/**
 * Reminders before deadlines (the pure plan is src/sync/reminders.ts): after every sync, at the
 * reminder alarm and on each wake. With the opt-in, a desktop notification for each proposal whose
 * reminder fell due, once per proposal (recorded in Dexie, so a restarted worker does not repeat
 * it); then the alarm is set for the next reminder. The badge's colour comes from the same
 * `remindAt` (src/sync/badge.ts).
 */
export async function remindOfDeadlines(db: SignoffDatabase): Promise<void> {
  const now = Date.now()
  const [pending, me, settings] = await Promise.all([db.proposals.where("status").equals("pending").toArray(), readMeta(db, "me"), readSettings(db)])
  const plan = planReminders(pending, me, now)
  if (settings.reminderNotifications && plan.due.length > 0) {
    const fresh = new Set(
      await claimReminders(
        db,
        plan.due.map((p) => p.id),
        new Set(pending.map((p) => p.id))
      )
    )
    for (const n of reminderNotifications(
      plan.due.filter((p) => fresh.has(p.id)),
      now
    ))
      await showNotification(n)
  }
  await scheduleReminder(plan.nextAt)
}
