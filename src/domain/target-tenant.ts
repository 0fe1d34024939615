import { detectEntity, platformById, platformOfUrl, type CustomHost } from "~src/platforms"
import { normalizeTenant } from "~src/platforms/tenant"
import type { Target } from "./platform"

export type TargetCheck = { ok: true; target: Target } | { ok: false; path: string[]; message: string }

/**
 * What the server accepts as a proposal's target URL and tenant. A URL must be https on one of the
 * platform's own hosts or on a custom domain an admin registered for it (it is the link reviewers
 * open); the tenant is read from it when the agent gave none, and a stated tenant that contradicts
 * it is refused — a proposal must never be filed under another account's record with the same id.
 */
export function resolveTargetTenant(target: Target, customHosts: readonly CustomHost[] = []): TargetCheck {
  if (target.url === undefined) return { ok: true, target }
  const url = new URL(target.url)
  if (url.protocol !== "https:") return refuse(["target", "url"], "target.url must be an https URL")
  if (target.platform === "other") return { ok: true, target }

  const label = platformById(target.platform)?.label ?? target.platform
  const served = platformOfUrl(url, customHosts)
  // Pardot pages are also served inside Salesforce Lightning; the detector says whose entity the URL shows.
  const onPlatform = served && (served.platform.id === target.platform || detectEntity(url, customHosts)?.platform === target.platform)
  if (!served || !onPlatform) return refuse(["target", "url"], `target.url is not on a ${label} host (nor on a custom domain an admin registered for ${label})`)

  const fromUrl = served.platform.tenantOf(url, { anyHost: served.anyHost })
  if (target.tenant !== undefined && fromUrl !== null && normalizeTenant(target.tenant) !== normalizeTenant(fromUrl)) {
    const noun = platformById(target.platform)?.tenantNoun ?? "tenant"
    return refuse(["target", "tenant"], `target.tenant "${target.tenant}" contradicts target.url, which is in ${noun} "${fromUrl}"`)
  }
  const tenant = target.tenant ?? fromUrl ?? undefined
  return { ok: true, target: tenant === undefined ? target : { ...target, tenant } }
}

const refuse = (path: string[], message: string): TargetCheck => ({ ok: false, path, message })
