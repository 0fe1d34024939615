import { definePlatform, type DetectOptions, type PageEntity } from "./platform"

/**
 * Account Engagement (Pardot). Classic pages are server-rendered on pi.pardot.com
 * (pi.demo.pardot.com for demo orgs) as `/<object>/read/id/<n>` (older links: `/<object>/read?id=<n>`).
 * The Lightning app shows the same pages embedded; its URL carries the Pardot path encoded
 * (`/lightning/page/pardot/prospect%2Fread%2Fid%2F4242`), which the Salesforce detector hands to
 * `pardotEntityOfPath` — there the tenant is the Salesforce org. pi.pardot.com serves every
 * business unit and its URLs never name one, so on it the tenant is unknown.
 */
const isHost = (hostname: string): boolean => hostname === "pi.pardot.com" || hostname === "pi.demo.pardot.com"

const OBJECT_KINDS: Record<string, string> = {
  prospect: "prospect",
  list: "list",
  email: "email",
  campaign: "campaign",
  form: "form",
  landingPage: "landing-page"
}

const READ_BY_PATH = /^\/?([A-Za-z]+)\/read\/id\/(\d+)(?:[/?#]|$)/
const READ_BY_QUERY = /^\/?([A-Za-z]+)\/read\/?\?(?:.*&)?id=(\d+)(?:&|#|$)/

/** The entity a Pardot path names; accepts `path?query` so embedded routes can pass theirs whole. */
export function pardotEntityOfPath(pathAndQuery: string): PageEntity | null {
  const m = pathAndQuery.match(READ_BY_PATH) ?? pathAndQuery.match(READ_BY_QUERY)
  const kind = m && OBJECT_KINDS[m[1]]
  if (!m || !kind) return null
  return { platform: "pardot", kind, id: m[2], label: `Account Engagement ${kind.replace("-", " ")} ${m[2]}` }
}

export const pardot = definePlatform({
  id: "pardot",
  label: "Account Engagement",
  tenantNoun: "business unit",
  matches: ["https://pi.pardot.com/*", "https://pi.demo.pardot.com/*"],
  isHost,
  detect: (url: URL, options?: DetectOptions) => (isHost(url.hostname) || options?.anyHost ? pardotEntityOfPath(url.pathname + url.search) : null),
  tenantOf: () => null
})

/*
Test URLs:
https://pi.pardot.com/prospect/read/id/4242
https://pi.demo.pardot.com/landingPage/read/id/77
https://pi.pardot.com/email/read?id=900
*/
