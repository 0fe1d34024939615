import { platformById } from "./index"

/**
 * How a proposal's tenant relates to the page's. Ids are only unique within a tenant (contact 101
 * exists in every HubSpot portal), so a proposal is about the record on screen only when the
 * tenants agree — or when one side cannot say, and then the reviewer is told so.
 */
export type TenantMatch =
  /** Both name the same account. */
  | "same"
  /** The agent did not say which account (proposals from before tenants, or agents that gave no URL). */
  | "not-stated"
  /** The page's URL does not say which account it shows (Marketo Classic pods, pi.pardot.com). */
  | "page-unknown"
  /** Different accounts: never shown on this page, never decided from it. */
  | "other"

export function tenantMatch(targetTenant: string | undefined, pageTenant: string | undefined): TenantMatch {
  if (targetTenant === undefined) return "not-stated"
  if (pageTenant === undefined) return "page-unknown"
  return normalizeTenant(targetTenant) === normalizeTenant(pageTenant) ? "same" : "other"
}

/** Tenants compare case-insensitively (munchkins and hosts are case-insensitive). */
export const normalizeTenant = (tenant: string): string => tenant.trim().toLowerCase()

/** The note a reviewer sees when the tenant is not confirmed: "portal not stated by the agent". */
export function tenantNote(platform: string, match: TenantMatch, targetTenant: string | undefined): string | null {
  const noun = platformById(platform)?.tenantNoun ?? "account"
  switch (match) {
    case "same":
    case "other":
      return null
    case "not-stated":
      return `${noun} not stated by the agent`
    case "page-unknown":
      return `for ${noun} ${targetTenant}; this page does not say which ${noun} it shows`
  }
}
