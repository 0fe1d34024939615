import { definePlatform, withTenant, type DetectOptions, type PageEntity } from "./platform"

/**
 * Marketo Engage. Classic Marketo is a hash-routed SPA on `app-<pod>.marketo.com` whose hash is an
 * asset token: a two-letter type, the numeric asset id, then view suffixes (`#EM1234A1ZN2` =
 * email 1234). Inside Adobe Experience Cloud the same token ends a longer hash route:
 * `experience.adobe.com/#/@<adobe org>/so:<munchkin>/marketo-engage/classic/<TOKEN>`.
 * The lead detail page is a real path: `/leadDatabase/loadLeadDetail?leadId=<n>`.
 *
 * Tenant: the munchkin (subscription id), which only Experience Cloud URLs carry. A Classic pod
 * host serves many subscriptions and its URLs never name one, so there the tenant is unknown.
 */
const isClassicHost = (hostname: string): boolean => /^app-[a-z0-9]+\.marketo\.com$/.test(hostname)
const isExperienceCloudHost = (hostname: string): boolean => hostname === "experience.adobe.com"

const TOKEN_KINDS: Record<string, string> = {
  EM: "email",
  LP: "landing-page",
  SL: "smart-list",
  ST: "static-list",
  PG: "program",
  SC: "smart-campaign"
}
const KIND_LABELS: Record<string, string> = {
  email: "email",
  "landing-page": "landing page",
  "smart-list": "smart list",
  "static-list": "static list",
  program: "program",
  "smart-campaign": "smart campaign",
  lead: "lead"
}

const ASSET_TOKEN = /^([A-Z]{2})(\d+)(?:[A-Z][A-Z0-9]*)?$/
const EXPERIENCE_CLOUD_ROUTE = /^#\/@[^/]+\/so:([^/]+)\/marketo-engage\/classic\/([A-Za-z0-9]+)(?:[/?]|$)/
const MUNCHKIN = /^\d{3}-[A-Z]{3}-\d{3}$/i
const LEAD_DETAIL = "/leadDatabase/loadLeadDetail"

const entity = (kind: string, id: string): PageEntity => ({ platform: "marketo", kind, id, label: `Marketo ${KIND_LABELS[kind]} ${id}` })

/** The asset an asset token names (`EM1234A1ZN2` → email 1234), or null for other views. */
function entityOfToken(token: string): PageEntity | null {
  const m = token.match(ASSET_TOKEN)
  const kind = m && TOKEN_KINDS[m[1]]
  return m && kind ? entity(kind, m[2]) : null
}

function classicEntity(url: URL): PageEntity | null {
  if (url.pathname === LEAD_DETAIL) {
    const leadId = url.searchParams.get("leadId")
    return leadId && /^\d+$/.test(leadId) ? entity("lead", leadId) : null
  }
  return entityOfToken(url.hash.replace(/^#/, ""))
}

function tenantOf(url: URL): string | null {
  if (!isExperienceCloudHost(url.hostname)) return null
  const munchkin = url.hash.match(EXPERIENCE_CLOUD_ROUTE)?.[1]
  return munchkin && MUNCHKIN.test(munchkin) ? munchkin.toUpperCase() : null
}

function detect(url: URL, options?: DetectOptions): PageEntity | null {
  if (isExperienceCloudHost(url.hostname)) {
    const m = url.hash.match(EXPERIENCE_CLOUD_ROUTE)
    return m ? withTenant(entityOfToken(m[2]), tenantOf(url)) : null
  }
  // A custom domain serves Classic-style routes.
  return isClassicHost(url.hostname) || options?.anyHost ? classicEntity(url) : null
}

export const marketo = definePlatform({
  id: "marketo",
  label: "Marketo",
  tenantNoun: "munchkin",
  // `app-<pod>.marketo.com` cannot be a match pattern; isHost narrows the wider pattern.
  matches: ["https://*.marketo.com/*", "https://experience.adobe.com/*"],
  isHost: (hostname) => isClassicHost(hostname) || isExperienceCloudHost(hostname),
  detect,
  tenantOf
})

/*
Test URLs:
https://app-ab12.marketo.com/#EM1234A1ZN2
https://app-sj01.marketo.com/#PG1001A1
https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=88001
https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/SC5001A1ZN2
*/
