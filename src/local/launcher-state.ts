import { z } from "zod"

/** What the in-page launcher shows; the background works it out from the tab's URL and its cache. */
export const LauncherState = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("unreadable") }),
  z.object({ kind: z.literal("loading") }),
  z.object({ kind: z.literal("unreachable") }),
  z.object({ kind: z.literal("not-configured") }),
  z.object({ kind: z.literal("ready"), toReview: z.int().min(0) })
])
export type LauncherState = z.infer<typeof LauncherState>
