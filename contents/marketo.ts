import type { PlasmoCSConfig } from "plasmo"
import { mountLauncher } from "~src/launcher/mount-launcher"
import { marketo } from "~src/platforms/marketo"

// Plasmo reads the matches literally; they repeat src/platforms/marketo.ts (tests/unit/platforms/registry.test.ts checks).
export const config: PlasmoCSConfig = {
  matches: ["https://*.marketo.com/*", "https://experience.adobe.com/*"]
}

mountLauncher({ platform: marketo })
