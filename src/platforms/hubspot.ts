import { definePlatform, withTenant, type DetectOptions, type PageEntity } from "./platform"

/**
 * HubSpot. All tools live on one SPA host per data-centre region: app.hubspot.com (NA1), app-eu1,
 * app-na2, app-ap1, ... The portal (hub) id is the second path segment of every tool
 * (`/contacts/<portal>/…`, `/email/<portal>/…`): it is the tenant, because record ids are only
 * unique within a portal.
 *
 * Custom objects (type ids `2-<n>`) get kind `custom-object` and id `<typeId>:<recordId>`
 * so two custom objects' records with the same number stay distinct.
 */
const isHost = (hostname: string): boolean => /^app(-[a-z]{2,3}\d+)?\.hubspot\.com$/.test(hostname)

/** Standard object type ids (https://developers.hubspot.com/docs/api/crm/understanding-the-crm#object-type-id). */
const OBJECT_TYPE_KINDS: Record<string, string> = { "0-1": "contact", "0-2": "company", "0-3": "deal", "0-5": "ticket" }

const PORTAL = /^\/[a-z-]+\/(\d+)(?:\/|$)/
const RECORD = /^\/contacts\/\d+\/record\/(0-\d+|2-\d+)\/(\d+)(?:\/|$)/
/** Pre-2021 record URLs, still produced by old emails and bookmarks: /contacts/<portal>/contact/<id>. */
const LEGACY_RECORD = /^\/contacts\/\d+\/(contact|company|deal|ticket)\/(\d+)(?:\/|$)/
const LIST = /^\/contacts\/\d+\/(?:objectLists|lists)\/(\d+)(?:\/|$)/
const EMAIL = /^\/email\/\d+\/(?:edit|details)\/(\d+)(?:\/|$)/
const WORKFLOW = /^\/workflows\/\d+\/(?:platform\/)?flow\/(\d+)(?:\/|$)/
const LANDING_PAGE = /^\/pages\/\d+\/editor\/(\d+)(?:\/|$)/
const CAMPAIGN_APP = /^\/campaigns\/\d+\/?$/
const CAMPAIGN_HASH = /^#\/details\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i
const CAMPAIGN_PATH = /^\/campaigns\/\d+\/details\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i

const entity = (kind: string, id: string, label = `HubSpot ${kind} ${id}`): PageEntity => ({ platform: "hubspot", kind, id, label })

function entityOfPath(url: URL): PageEntity | null {
  const path = url.pathname
  let m: RegExpMatchArray | null
  if ((m = path.match(RECORD))) {
    const [, typeId, recordId] = m
    const kind = OBJECT_TYPE_KINDS[typeId]
    if (kind) return entity(kind, recordId)
    if (typeId.startsWith("2-")) return entity("custom-object", `${typeId}:${recordId}`, `HubSpot custom object ${recordId}`)
    return null // other 0-N objects (calls, meetings...) are not review targets
  }
  if ((m = path.match(LEGACY_RECORD))) return entity(m[1], m[2])
  if ((m = path.match(LIST))) return entity("list", m[1])
  if ((m = path.match(EMAIL))) return entity("email", m[1])
  if ((m = path.match(WORKFLOW))) return entity("workflow", m[1])
  if ((m = path.match(LANDING_PAGE))) return entity("landing-page", m[1])
  if ((m = path.match(CAMPAIGN_PATH))) return entity("campaign", m[1].toLowerCase(), "HubSpot campaign")
  if (CAMPAIGN_APP.test(path) && (m = url.hash.match(CAMPAIGN_HASH))) return entity("campaign", m[1].toLowerCase(), "HubSpot campaign")
  return null
}

const onOurHost = (url: URL, options?: DetectOptions) => options?.anyHost === true || isHost(url.hostname)

function tenantOf(url: URL, options?: DetectOptions): string | null {
  if (!onOurHost(url, options)) return null
  return url.pathname.match(PORTAL)?.[1] ?? null
}

export const hubspot = definePlatform({
  id: "hubspot",
  label: "HubSpot",
  tenantNoun: "portal",
  // Match patterns cannot wildcard part of a label, so each region host is listed.
  matches: [
    "https://app.hubspot.com/*",
    "https://app-eu1.hubspot.com/*",
    "https://app-na2.hubspot.com/*",
    "https://app-na3.hubspot.com/*",
    "https://app-ap1.hubspot.com/*"
  ],
  isHost,
  detect: (url, options) => (onOurHost(url, options) ? withTenant(entityOfPath(url), tenantOf(url, options)) : null),
  tenantOf
})

/*
Test URLs:
https://app.hubspot.com/contacts/4455667/record/0-1/101
https://app-eu1.hubspot.com/contacts/4455667/record/0-2/5001/
https://app.hubspot.com/contacts/4455667/record/2-3344556/77
https://app.hubspot.com/contacts/4455667/objectLists/12/filters
https://app.hubspot.com/email/4455667/edit/1100/content
https://app.hubspot.com/workflows/4455667/platform/flow/3300/edit
https://app.hubspot.com/campaigns/4455667/#/details/3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b
*/
