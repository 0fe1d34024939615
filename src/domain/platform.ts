import { z } from "zod"

export const Platform = z.enum(["hubspot", "marketo", "salesforce", "pardot", "dynamics", "other"])
export type Platform = z.infer<typeof Platform>

/** What a proposal is about, as an agent names it and as a detector reads it off a URL. */
export const Target = z.strictObject({
  platform: Platform,
  kind: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  url: z.string().url().max(2048).optional()
})
export type Target = z.infer<typeof Target>

/** Stable key for looking up the proposals of one entity (Dexie index, server filter). */
export const targetKey = (t: Pick<Target, "platform" | "kind" | "id">): string =>
  `${t.platform}:${t.kind}:${t.id}`
