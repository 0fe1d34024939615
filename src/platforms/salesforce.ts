import { pardotEntityOfPath } from "./pardot"
import { definePlatform, withTenant, type DetectOptions, type EntityRef, type PageEntity } from "./platform"

/**
 * Salesforce Lightning. Record pages: `/lightning/r/<ObjectApiName>/<id>/view` (also `/edit`,
 * `/related/<list>/view`); list views: `/lightning/o/<Object>/list?filterName=<view>`. Kinds are
 * object API names lower-cased (`lead`, `campaign`, `invoice__c`), list views are `<object>-list`
 * with the filter name as id. Lightning keeps old pages hidden in the DOM, which is why we read
 * the URL, never the DOM.
 *
 * Console apps open records as sub-tabs whose `ws` parameter is the workspace tab's path; that
 * parent becomes a related-entity hint. `/lightning/page/pardot/<encoded>` is the Account
 * Engagement Lightning app: the entity is the embedded Pardot one.
 *
 * Tenant: the org's My Domain name, the same on its Lightning (`acme.lightning.force.com`) and
 * Classic (`acme.my.salesforce.com`) hosts: `acme`, or `acme--uat.sandbox` for a sandbox.
 */
const MY_DOMAIN = "([a-z0-9-]+(?:--[a-z0-9]+)?(?:\\.sandbox|\\.develop|\\.scratch)?)"
const LIGHTNING_HOST = new RegExp(`^${MY_DOMAIN}\\.lightning\\.force\\.com$`)
/** My Domain hosts serve Classic pages (`/<recordId>`) and redirect `/lightning/*` to the Lightning host. */
const MY_DOMAIN_HOST = new RegExp(`^${MY_DOMAIN}\\.my\\.salesforce\\.com$`)

const RECORD_ID = "[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?"
const RECORD = new RegExp(`^/lightning/r/([A-Za-z][A-Za-z0-9_]*)/(${RECORD_ID})/(?:view|edit|related/[A-Za-z0-9_]+/view)$`)
const RECORD_WITHOUT_OBJECT = new RegExp(`^/lightning/r/(${RECORD_ID})/view$`)
const LIST_VIEW = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]*)\/list$/
const PARDOT_EMBED = /^\/lightning\/page\/pardot\/(.+)$/
const CLASSIC_RECORD = new RegExp(`^/(${RECORD_ID})$`)

/** Key prefixes (first three id characters) of the standard objects marketing ops review. */
const KEY_PREFIX_OBJECTS: Record<string, string> = {
  "00Q": "lead",
  "003": "contact",
  "001": "account",
  "006": "opportunity",
  "701": "campaign",
  "00v": "campaignmember"
}

const record = (objectApiName: string, id: string): PageEntity => ({
  platform: "salesforce",
  kind: objectApiName.toLowerCase(),
  id,
  label: `Salesforce ${objectApiName} ${id}`
})

function lightningEntity(path: string, search: URLSearchParams): PageEntity | null {
  let m: RegExpMatchArray | null
  if ((m = path.match(RECORD))) return record(m[1], m[2])
  if ((m = path.match(RECORD_WITHOUT_OBJECT))) {
    const objectName = KEY_PREFIX_OBJECTS[m[1].slice(0, 3)]
    return objectName ? record(objectName, m[1]) : null
  }
  if ((m = path.match(LIST_VIEW))) {
    const filter = search.get("filterName") || "Recent"
    return { platform: "salesforce", kind: `${m[1].toLowerCase()}-list`, id: filter, label: `Salesforce ${m[1]} list ${filter}` }
  }
  return null
}

function consoleWorkspaceParent(search: URLSearchParams): EntityRef | null {
  const ws = search.get("ws")
  if (!ws) return null
  const parent = lightningEntity(ws.split("?")[0], new URLSearchParams())
  return parent ? { platform: parent.platform, kind: parent.kind, id: parent.id } : null
}

function classicEntity(url: URL): PageEntity | null {
  const m = url.pathname.match(CLASSIC_RECORD)
  const objectName = m && KEY_PREFIX_OBJECTS[m[1].slice(0, 3)]
  return m && objectName ? record(objectName, m[1]) : null
}

function lightningPage(url: URL): PageEntity | null {
  const embedded = url.pathname.match(PARDOT_EMBED)
  if (embedded) {
    try {
      return pardotEntityOfPath(decodeURIComponent(embedded[1]))
    } catch {
      return null // malformed percent-encoding: not a page we can read
    }
  }
  const current = lightningEntity(url.pathname.replace(/\/$/, ""), url.searchParams)
  if (!current) return null
  const parent = consoleWorkspaceParent(url.searchParams)
  const isSelf = parent && parent.kind === current.kind && parent.id === current.id
  return parent && !isSelf ? { ...current, related: [parent] } : current
}

function tenantOf(url: URL, options?: DetectOptions): string | null {
  const m = url.hostname.match(LIGHTNING_HOST) ?? url.hostname.match(MY_DOMAIN_HOST)
  if (m) return m[1]
  // A custom domain (Experience Cloud site) belongs to one org: its host names it.
  return options?.anyHost ? url.hostname : null
}

function detect(url: URL, options?: DetectOptions): PageEntity | null {
  const tenant = tenantOf(url, options)
  if (MY_DOMAIN_HOST.test(url.hostname)) return withTenant(classicEntity(url), tenant)
  if (LIGHTNING_HOST.test(url.hostname) || options?.anyHost) return withTenant(lightningPage(url) ?? classicEntity(url), tenant)
  return null
}

export const salesforce = definePlatform({
  id: "salesforce",
  label: "Salesforce",
  tenantNoun: "org",
  // Lightning (incl. sandboxes) and My Domain Classic hosts; Pardot pages embedded in Lightning are read from the URL.
  matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"],
  isHost: (hostname) => LIGHTNING_HOST.test(hostname) || MY_DOMAIN_HOST.test(hostname),
  detect,
  tenantOf
})

/*
Test URLs:
https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view
https://acme--uat.sandbox.lightning.force.com/lightning/r/Campaign/7015e000000QrStAAK/view
https://acme.lightning.force.com/lightning/o/Lead/list?filterName=MyUnreadLeads
https://acme.lightning.force.com/lightning/r/Contact/0035e00000XyZaBAAV/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000AbCdEAAZ%2Fview
https://acme.lightning.force.com/lightning/page/pardot/prospect%2Fread%2Fid%2F4242
https://acme.my.salesforce.com/00Q5e00000AbCdE
*/
