import { DeadlineSettingsUpdate, type DeadlineSettings } from "~src/domain/deadlines"
import { OVERSIGHT_MODEL_LABELS, OVERSIGHT_MODELS } from "~src/domain/labels"

type Tier = (typeof OVERSIGHT_MODELS)[number]

/** The Deadlines form as typed: hours per tier (empty: no default deadline) and the reminder share in percent. */
export interface DeadlineDraft {
  hours: Record<Tier, string>
  reminderPercent: string
}

export function deadlineDraftOf(settings: DeadlineSettings): DeadlineDraft {
  const hours = Object.fromEntries(OVERSIGHT_MODELS.map((tier) => [tier, settings.defaultExpiryHours[tier]?.toString() ?? ""])) as Record<Tier, string>
  return { hours, reminderPercent: String(Math.round(settings.reminderShare * 100)) }
}

export type DeadlineChanges = { ok: true; update: DeadlineSettingsUpdate | null } | { ok: false; message: string }

/** What the admin changed, as the PUT body (checked with the domain schema); null when nothing did. */
export function deadlineUpdateOf(settings: DeadlineSettings, draft: DeadlineDraft): DeadlineChanges {
  const hours: Partial<Record<Tier, number | null>> = {}
  for (const tier of OVERSIGHT_MODELS) {
    const text = draft.hours[tier].trim()
    const value = text === "" ? null : Number(text)
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 24 * 365))
      return { ok: false, message: `${OVERSIGHT_MODEL_LABELS[tier]}: a whole number of hours from 1 to ${24 * 365}, or empty for no deadline` }
    if (value !== settings.defaultExpiryHours[tier]) hours[tier] = value
  }
  const percent = Number(draft.reminderPercent.trim() === "" ? Number.NaN : draft.reminderPercent)
  if (!(Number.isInteger(percent) && percent >= 1 && percent <= 99)) return { ok: false, message: "Reminder: a whole percentage from 1 to 99" }
  const share = percent / 100
  const update = {
    ...(Object.keys(hours).length > 0 ? { defaultExpiryHours: hours } : {}),
    ...(Math.round(settings.reminderShare * 100) !== percent ? { reminderShare: share } : {})
  }
  if (Object.keys(update).length === 0) return { ok: true, update: null }
  const parsed = DeadlineSettingsUpdate.safeParse(update)
  return parsed.success ? { ok: true, update: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message }
}
