import { definePlatform, withTenant, type DetectOptions, type PageEntity } from "./platform"

/**
 * Dynamics 365 / Power Apps model-driven apps. The Unified Interface stays on `/main.aspx` and
 * encodes the view in the query: `pagetype=entityrecord&etn=<logical name>&id=<guid>` (older links
 * wrap the guid in braces, `%7B…%7D`). Kind = the entity logical name (`contact`, `lead`,
 * `msdynmkt_journey`); list views are `<etn>-list` keyed by `viewid`. Hosts are
 * `<org>.crm<N>.dynamics.com` per region (crm = NA, crm4 = EMEA, crm11 = UK, ...); the org host is the tenant.
 */
const isHost = (hostname: string): boolean => /^[a-z0-9-]+\.crm\d*\.dynamics\.com$/.test(hostname)

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,63}$/

function entityOfQuery(url: URL): PageEntity | null {
  if (url.pathname.toLowerCase() !== "/main.aspx") return null
  const q = url.searchParams
  const etn = q.get("etn")?.toLowerCase()
  if (!etn || !LOGICAL_NAME.test(etn)) return null
  const pageType = q.get("pagetype") ?? "entityrecord"
  if (pageType === "entityrecord") {
    const id = q.get("id")?.match(GUID)?.[1]?.toLowerCase()
    return id ? { platform: "dynamics", kind: etn, id, label: `Dynamics ${etn} ${id.slice(0, 8)}` } : null
  }
  if (pageType === "entitylist") {
    const viewId = q.get("viewid")?.match(GUID)?.[1]?.toLowerCase()
    return viewId ? { platform: "dynamics", kind: `${etn}-list`, id: viewId, label: `Dynamics ${etn} list` } : null
  }
  return null
}

const onOurHost = (url: URL, options?: DetectOptions) => options?.anyHost === true || isHost(url.hostname)

export const dynamics = definePlatform({
  id: "dynamics",
  label: "Dynamics",
  tenantNoun: "org",
  // Org hosts are <org>.crm<N>.dynamics.com; isHost narrows the wider pattern.
  matches: ["https://*.dynamics.com/*"],
  isHost,
  detect: (url, options) => (onOurHost(url, options) ? withTenant(entityOfQuery(url), url.hostname) : null),
  tenantOf: (url, options) => (onOurHost(url, options) ? url.hostname : null)
})

/*
Test URLs:
https://acme.crm4.dynamics.com/main.aspx?appid=4b2f1d0e-9c8a-4e6f-b3a2-112233445566&pagetype=entityrecord&etn=contact&id=5e8b2c1a-0f3d-4a6b-9c7e-123456789abc
https://acme.crm.dynamics.com/main.aspx?etn=lead&id=%7B5E8B2C1A-0F3D-4A6B-9C7E-123456789ABC%7D&pagetype=entityrecord
*/
