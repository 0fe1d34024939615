import type { PlasmoCSConfig } from "plasmo"
import { detectHubSpotEntity } from "~src/context/hubspot"
import { mountPanel } from "~src/ui/panel/mount-panel"

// Match patterns cannot wildcard part of a label, so each HubSpot region host is listed.
export const config: PlasmoCSConfig = {
  matches: [
    "https://app.hubspot.com/*",
    "https://app-eu1.hubspot.com/*",
    "https://app-na2.hubspot.com/*",
    "https://app-na3.hubspot.com/*",
    "https://app-ap1.hubspot.com/*"
  ]
}

mountPanel({ detector: detectHubSpotEntity })
