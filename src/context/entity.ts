import { z } from "zod"
import { Platform } from "~src/domain/platform"

/** What the user is looking at, as read off the URL by a platform detector. */
export const Entity = z.strictObject({
  platform: Platform,
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  /** Human label for the launcher ("HubSpot contact 101"). */
  label: z.string().max(200).optional()
})
export type Entity = z.infer<typeof Entity>

/** A platform detector: URL in, entity out (or null on pages Signoff has nothing to say about). */
export type Detector = (url: URL) => Entity | null
