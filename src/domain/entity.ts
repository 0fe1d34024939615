import { z } from "zod"
import { Platform, Tenant } from "./platform"

/** Just enough to name an entity: the same fields as a proposal's target. */
export const EntityRef = z.strictObject({
  platform: Platform,
  tenant: Tenant.optional(),
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256)
})
export type EntityRef = z.infer<typeof EntityRef>

/** What the user is looking at, as a platform detector (src/platforms) reads it off the URL. */
export const Entity = EntityRef.extend({
  /** Human label for the launcher ("HubSpot contact 101"). */
  label: z.string().max(200).optional(),
  /** Entities the URL says this page belongs to (a Lightning console's workspace record). */
  related: z.array(EntityRef).max(20).optional()
})
export type Entity = z.infer<typeof Entity>
