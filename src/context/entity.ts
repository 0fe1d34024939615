// Namespace import: see src/messaging/messages.ts (Parcel drops zod for `import { z }`-only bundles).
import * as z from "zod"
import { Platform } from "~src/domain/platform"

/** Just enough to name an entity: the same triple as a proposal's target. */
export const EntityRef = z.strictObject({
  platform: Platform,
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256)
})
export type EntityRef = z.infer<typeof EntityRef>

/** What the user is looking at, as read off the URL by a platform detector. */
export const Entity = z.strictObject({
  platform: Platform,
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  /** Human label for the launcher ("HubSpot contact 101"). */
  label: z.string().max(200).optional(),
  /**
   * Entities the URL says this page belongs to (e.g. the Account whose Lightning console
   * workspace a Contact tab is open in). Their proposals are listed under the current ones.
   */
  related: z.array(EntityRef).max(20).optional()
})
export type Entity = z.infer<typeof Entity>

/** A platform detector: URL in, entity out (or null on pages Signoff has nothing to say about). */
export type Detector = (url: URL) => Entity | null
