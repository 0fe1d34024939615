import type { Entity } from "./entity"

/**
 * Marketo Engage URL detection. Classic Marketo is a hash-routed SPA on `app-<pod>.marketo.com`
 * whose hash is an asset token: a two-letter type, the numeric asset id, then view suffixes
 * (`#EM1234A1ZN2` = email 1234). Inside Adobe Experience Cloud the same token ends a longer
 * hash route: `experience.adobe.com/#/@<tenant>/so:<munchkin>/marketo-engage/classic/<TOKEN>`.
 * The lead detail page is a real path: `/leadDatabase/loadLeadDetail?leadId=<n>`.
 */
export const isMarketoClassicHost = (hostname: string): boolean => /^app-[a-z0-9]+\.marketo\.com$/.test(hostname)
export const isExperienceCloudHost = (hostname: string): boolean => hostname === "experience.adobe.com"

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
const EXPERIENCE_CLOUD_ROUTE = /^#\/@[^/]+\/so:[^/]+\/marketo-engage\/classic\/([A-Za-z0-9]+)(?:[/?]|$)/
const LEAD_DETAIL = "/leadDatabase/loadLeadDetail"

const entity = (kind: string, id: string): Entity => ({ platform: "marketo", kind, id, label: `Marketo ${KIND_LABELS[kind]} ${id}` })

/** The asset an asset token names (`EM1234A1ZN2` → email 1234), or null for other views. */
export function entityFromMarketoToken(token: string): Entity | null {
  const m = token.match(ASSET_TOKEN)
  const kind = m && TOKEN_KINDS[m[1]]
  return m && kind ? entity(kind, m[2]) : null
}

export function detectMarketoEntity(url: URL): Entity | null {
  if (isMarketoClassicHost(url.hostname)) {
    if (url.pathname === LEAD_DETAIL) {
      const leadId = url.searchParams.get("leadId")
      return leadId && /^\d+$/.test(leadId) ? entity("lead", leadId) : null
    }
    return entityFromMarketoToken(url.hash.replace(/^#/, ""))
  }
  if (isExperienceCloudHost(url.hostname)) {
    const m = url.hash.match(EXPERIENCE_CLOUD_ROUTE)
    return m ? entityFromMarketoToken(m[1]) : null
  }
  return null
}

/*
Test URLs:
https://app-ab12.marketo.com/#EM1234A1ZN2
https://app-sj01.marketo.com/#PG1001A1
https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=88001
https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/SC5001A1ZN2
*/
