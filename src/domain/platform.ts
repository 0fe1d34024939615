import { z } from "zod"
import { PLATFORM_IDS } from "~src/platforms"

/** The platforms of src/platforms, plus `other` for targets an agent names on no supported platform. */
export const Platform = z.enum([...PLATFORM_IDS, "other"])
export type Platform = z.infer<typeof Platform>

/** HubSpot portal id, Marketo munchkin, Salesforce org (My Domain), Dynamics org host: ids are unique only within one. */
export const Tenant = z.string().trim().min(1).max(200)

/** An entity a target belongs to, on the target's own platform (the campaign of an email, the list of a segment). */
export const TargetParent = z.strictObject({
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256)
})
export type TargetParent = z.infer<typeof TargetParent>

/** What a proposal is about, as an agent names it and as a detector reads it off a URL. */
export const Target = z.strictObject({
  platform: Platform,
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  /**
   * The account the target lives in. The server derives it from `url` when the agent omits it and
   * refuses one that contradicts the URL; absent when neither says (then the panel says so).
   */
  tenant: Tenant.optional(),
  url: z.string().url().max(2048).optional(),
  /**
   * The entities this target belongs to, as the agent knows them (a URL rarely says which campaign
   * an email is in): the panel lists the proposal under those entities' own proposals.
   */
  parents: z.array(TargetParent).max(20).optional()
})
export type Target = z.infer<typeof Target>

/**
 * Key for looking up the proposals of one record id (Dexie index). It leaves the tenant out on
 * purpose, so a lookup also finds proposals whose agent stated no tenant: every reader then
 * applies the tenant rule (src/platforms/tenant.ts), which never lets two stated tenants meet.
 */
export const targetKey = (t: Pick<Target, "platform" | "kind" | "id">): string => `${t.platform}:${t.kind}:${t.id}`

/** The targetKey() of each entity the target belongs to (same platform), without duplicates. */
export const parentKeys = (t: Pick<Target, "platform" | "parents">): string[] => [
  ...new Set((t.parents ?? []).map((parent) => targetKey({ platform: t.platform, ...parent })))
]
