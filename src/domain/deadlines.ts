import { z } from "zod"
import { OVERSIGHT_MODELS } from "./labels"

/**
 * Deadlines of pending proposals: when one lapses (never to be executed) and when a reminder goes
 * out before that. Both are fixed when the proposal is created, so a later change of a workflow or
 * of these settings never silently expires (or revives) proposals already in the queue.
 */

/** Hours from creation until a pending proposal expires (a workflow's own, or a tier's default). */
export const ExpiryHours = z
  .int()
  .min(1)
  .max(24 * 365)

/** Share of the time between creation and expiry after which a reminder is due. */
export const ReminderShare = z.number().min(0.01).max(0.99)

/** The reminder share when an admin set none: the `proposal.expiring` webhook has always fired at 80 %. */
export const DEFAULT_REMINDER_SHARE = 0.8

type Tier = (typeof OVERSIGHT_MODELS)[number]
const perTier = <S extends z.ZodType>(schema: S) => z.object(Object.fromEntries(OVERSIGHT_MODELS.map((tier) => [tier, schema])) as Record<Tier, S>)

/** GET /v1/settings/deadlines: the server-wide defaults (admins change them with PUT). */
export const DeadlineSettings = z.object({
  /**
   * Per oversight model (tier): hours until a pending proposal expires, for workflows without
   * an `expiryHours` of their own (a workflow's own overrides it); null: no default deadline.
   */
  defaultExpiryHours: perTier(ExpiryHours.nullable()),
  /** When the reminder is due: this share of the time from creation to expiry (the `proposal.expiring` webhook, the extension's reminders). */
  reminderShare: ReminderShare
})
export type DeadlineSettings = z.infer<typeof DeadlineSettings>

/** No default deadline (as before deadlines had defaults), reminders at 80 %. */
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  defaultExpiryHours: { approve: null, monitor: null, exception: null },
  reminderShare: DEFAULT_REMINDER_SHARE
}

/** PUT /v1/settings/deadlines body (admin): what is given changes, the rest is kept. */
export const DeadlineSettingsUpdate = z
  .strictObject({
    defaultExpiryHours: z
      .strictObject(
        Object.fromEntries(OVERSIGHT_MODELS.map((tier) => [tier, ExpiryHours.nullable().optional()])) as Record<
          Tier,
          z.ZodOptional<z.ZodNullable<typeof ExpiryHours>>
        >
      )
      .optional(),
    reminderShare: ReminderShare.optional()
  })
  .refine((update) => update.defaultExpiryHours !== undefined || update.reminderShare !== undefined, "nothing to change")
export type DeadlineSettingsUpdate = z.infer<typeof DeadlineSettingsUpdate>

/** The settings after `update`: given fields replace, omitted ones stay. */
export function applyDeadlineUpdate(current: DeadlineSettings, update: DeadlineSettingsUpdate): DeadlineSettings {
  const hours = { ...current.defaultExpiryHours }
  for (const tier of OVERSIGHT_MODELS) {
    const given = update.defaultExpiryHours?.[tier]
    if (given !== undefined) hours[tier] = given
  }
  return { defaultExpiryHours: hours, reminderShare: update.reminderShare ?? current.reminderShare }
}

/** The hours a new proposal of this workflow gets: the workflow's own, else its tier's default (null: none). */
export function expiryHoursFor(workflow: { model: Tier; expiryHours: number | null }, settings: DeadlineSettings): number | null {
  return workflow.expiryHours ?? settings.defaultExpiryHours[workflow.model]
}

/**
 * When a pending proposal lapses: the earlier of the agent's `expiresAt` and `expiryHours` (the
 * workflow's, or its tier's default) counted from creation.
 */
export function effectiveExpiry(createdAt: Date, expiresAt: string | undefined, expiryHours: number | null): Date | null {
  const candidates: number[] = []
  if (expiresAt !== undefined) candidates.push(Date.parse(expiresAt))
  if (expiryHours !== null) candidates.push(createdAt.getTime() + expiryHours * 3_600_000)
  return candidates.length === 0 ? null : new Date(Math.min(...candidates))
}

/** The moment a proposal created at `createdAt` and expiring at `expiresAt` is due for its reminder. */
export function reminderAt(createdAt: Date, expiresAt: Date, share: number = DEFAULT_REMINDER_SHARE): Date {
  const span = Math.max(0, expiresAt.getTime() - createdAt.getTime())
  return new Date(createdAt.getTime() + Math.round(span * share))
}

export interface Deadline {
  expiresAt: Date | null
  remindAt: Date | null
}

/** A new proposal's deadline and reminder, from the agent's wish, the workflow (or its tier) and the reminder share. */
export function deadlineFor(
  createdAt: Date,
  agentExpiresAt: string | undefined,
  workflow: { model: Tier; expiryHours: number | null },
  settings: DeadlineSettings
): Deadline {
  const expiresAt = effectiveExpiry(createdAt, agentExpiresAt, expiryHoursFor(workflow, settings))
  return { expiresAt, remindAt: expiresAt && reminderAt(createdAt, expiresAt, settings.reminderShare) }
}

/** Due for its reminder: past `remindAt` but not yet expired (an expired proposal gets its own event). */
export function isDueForReminder(remindAt: Date, expiresAt: Date, now: Date): boolean {
  return now.getTime() >= remindAt.getTime() && now.getTime() < expiresAt.getTime()
}
