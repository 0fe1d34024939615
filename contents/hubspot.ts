import type { PlasmoCSConfig } from "plasmo"
import { mountLauncher } from "~src/launcher/mount-launcher"
import { hubspot } from "~src/platforms/hubspot"

// Plasmo reads the matches literally; they repeat src/platforms/hubspot.ts (tests/unit/platforms/registry.test.ts checks).
export const config: PlasmoCSConfig = {
  matches: [
    "https://app.hubspot.com/*",
    "https://app-eu1.hubspot.com/*",
    "https://app-na2.hubspot.com/*",
    "https://app-na3.hubspot.com/*",
    "https://app-ap1.hubspot.com/*"
  ]
}

mountLauncher({ platform: hubspot })
