import { dynamics } from "./dynamics"
import { hubspot } from "./hubspot"
import { marketo } from "./marketo"
import { pardot } from "./pardot"
import type { EntityRef, PageEntity, PlatformDefinition } from "./platform"
import { salesforce } from "./salesforce"

export type { DetectOptions, EntityRef, PageEntity, PlatformDefinition } from "./platform"

/**
 * Every platform Signoff runs on. Adding one = its file here (label, hosts, matches, tenant,
 * detector) + its content script in contents/; the domain's Platform enum, the labels, the
 * custom-domain choices and the server's URL checks all read this list.
 */
export const PLATFORMS = [hubspot, marketo, salesforce, pardot, dynamics] as const

export type PlatformId = (typeof PLATFORMS)[number]["id"]
export const PLATFORM_IDS = PLATFORMS.map((p) => p.id) as [PlatformId, ...PlatformId[]]

export function platformById(id: string): PlatformDefinition<PlatformId> | undefined {
  return PLATFORMS.find((p) => p.id === id)
}

/** Platform names as marketers say them; `other` is a target an agent named on no supported platform. */
export function platformLabel(id: string): string {
  return platformById(id)?.label ?? "Other"
}

/** A host where a platform runs on the customer's own domain (registered on the options page or the server). */
export interface CustomHost {
  host: string
  platform: string
}

export interface UrlPlatform {
  platform: PlatformDefinition<PlatformId>
  /** The URL is on a custom domain: the detector reads it whatever the host. */
  anyHost: boolean
}

/** The platform serving a URL: one of its own hosts, else a custom domain registered for it. https only. */
export function platformOfUrl(url: URL, customHosts: readonly CustomHost[] = []): UrlPlatform | null {
  if (url.protocol !== "https:") return null
  const own = PLATFORMS.find((p) => p.isHost(url.hostname))
  if (own) return { platform: own, anyHost: false }
  const custom = customHosts.find((c) => c.host === url.hostname)
  const platform = custom && platformById(custom.platform)
  return platform ? { platform, anyHost: true } : null
}

/** An entity as the registry's detectors produce it: its platform is one of the registry's. */
export interface DetectedEntity extends PageEntity {
  platform: PlatformId
  related?: Array<EntityRef & { platform: PlatformId }>
}

/** The entity a page shows, on any supported platform (or registered custom domain); null when none. */
export function detectEntity(url: string | URL, customHosts: readonly CustomHost[] = []): DetectedEntity | null {
  const parsed = parseUrl(url)
  const served = parsed && platformOfUrl(parsed, customHosts)
  if (!parsed || !served) return null
  try {
    // Detectors only ever name registry platforms (Salesforce's may name Pardot); tests/unit/platforms checks each against the Entity schema.
    return served.platform.detect(parsed, { anyHost: served.anyHost }) as DetectedEntity | null
  } catch {
    return null // a throwing detector must not take the page down: "can't read this page"
  }
}

export function parseUrl(url: string | URL): URL | null {
  if (typeof url !== "string") return url
  try {
    return new URL(url)
  } catch {
    return null
  }
}
