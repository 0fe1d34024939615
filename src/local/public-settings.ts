import { z } from "zod"

/** The extension's settings as its pages see them: never the token itself. */
export const PublicSettings = z.object({
  serverUrl: z.string(),
  hasToken: z.boolean(),
  /** Last four characters, for a masked display ("••••3f2a"). */
  tokenHint: z.string().nullable(),
  notifications: z.boolean(),
  syncIntervalMinutes: z.number()
})
export type PublicSettings = z.infer<typeof PublicSettings>
