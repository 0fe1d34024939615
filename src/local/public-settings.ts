import { z } from "zod"

/** The extension's settings as its pages see them: never the token itself. */
export const PublicSettings = z.object({
  serverUrl: z.string(),
  hasToken: z.boolean(),
  /** Last four characters, for a masked display ("••••3f2a"). */
  tokenHint: z.string().nullable(),
  notifications: z.boolean(),
  /**
   * Desktop notification at each proposal's reminder (`remindAt`), once per proposal; opt-in.
   * The background always sends it; optional so pages that predate it still type-check.
   */
  reminderNotifications: z.boolean().optional(),
  syncIntervalMinutes: z.number()
})
export type PublicSettings = z.infer<typeof PublicSettings>
