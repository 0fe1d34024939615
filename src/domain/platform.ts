import { z } from "zod"

export const Platform = z.enum(["hubspot", "marketo", "salesforce", "pardot", "dynamics", "other"])
export type Platform = z.infer<typeof Platform>

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
  url: z.string().url().max(2048).optional(),
  /**
   * The entities this target belongs to, as the agent knows them (a URL rarely says which campaign
   * an email is in): the panel lists the proposal under those entities' own proposals.
   */
  parents: z.array(TargetParent).max(20).optional()
})
export type Target = z.infer<typeof Target>

/** Stable key for looking up the proposals of one entity (Dexie index, server filter). */
export const targetKey = (t: Pick<Target, "platform" | "kind" | "id">): string =>
  `${t.platform}:${t.kind}:${t.id}`

/** The targetKey() of each entity the target belongs to (same platform), without duplicates. */
export const parentKeys = (t: Pick<Target, "platform" | "parents">): string[] => [
  ...new Set((t.parents ?? []).map((parent) => targetKey({ platform: t.platform, ...parent })))
]
