import { z } from "zod"

/** How the extension's sync stands, for the popup's status bar and the panel's banner. */
export const SyncStatus = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  outboxSize: z.int().min(0),
  pendingCount: z.int().min(0),
  error: z.string().nullable(),
  syncing: z.boolean(),
  /** Items pulled so far during a large sync. */
  progress: z.object({ pulled: z.int() }).nullable()
})
export type SyncStatus = z.infer<typeof SyncStatus>
