import type { Platform } from "~src/domain/platform"

/** Platform names as marketers say them. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  hubspot: "HubSpot",
  marketo: "Marketo",
  salesforce: "Salesforce",
  pardot: "Account Engagement",
  dynamics: "Dynamics",
  other: "Other"
}
