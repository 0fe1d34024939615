import type { PlasmoCSConfig } from "plasmo"
import { mountLauncher } from "~src/launcher/mount-launcher"
import { salesforce } from "~src/platforms/salesforce"

// Plasmo reads the matches literally; they repeat src/platforms/salesforce.ts (tests/unit/platforms/registry.test.ts checks).
export const config: PlasmoCSConfig = {
  matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"]
}

mountLauncher({ platform: salesforce })
