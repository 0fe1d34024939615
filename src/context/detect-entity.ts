import { detectDynamicsEntity, isDynamicsHost } from "./dynamics"
import type { Detector, Entity } from "./entity"
import { detectHubSpotEntity, isHubSpotHost } from "./hubspot"
import { detectMarketoEntity, isExperienceCloudHost, isMarketoClassicHost } from "./marketo"
import { detectPardotEntity, isPardotHost } from "./pardot"
import { detectSalesforceEntity, isLightningHost, isMyDomainHost } from "./salesforce"

/** Which detector reads which hosts. Adding a platform = one detector file + one row here. */
const DETECTORS_BY_HOST: Array<[(hostname: string) => boolean, Detector]> = [
  [isHubSpotHost, detectHubSpotEntity],
  [(h) => isMarketoClassicHost(h) || isExperienceCloudHost(h), detectMarketoEntity],
  [(h) => isLightningHost(h) || isMyDomainHost(h), detectSalesforceEntity],
  [isPardotHost, detectPardotEntity],
  [isDynamicsHost, detectDynamicsEntity]
]

/** The detector for a host, or null when Signoff does not know the platform. */
export function detectorForHost(hostname: string): Detector | null {
  return DETECTORS_BY_HOST.find(([matches]) => matches(hostname))?.[1] ?? null
}

/** Any supported platform's entity for a URL (used where the platform is not known up front, e.g. the popup). */
export function detectEntity(url: string | URL): Entity | null {
  let parsed: URL
  try {
    parsed = typeof url === "string" ? new URL(url) : url
  } catch {
    return null
  }
  if (parsed.protocol !== "https:") return null
  return detectorForHost(parsed.hostname)?.(parsed) ?? null
}
