import type { PlasmoCSConfig } from "plasmo"
import { mountLauncher } from "~src/launcher/mount-launcher"
import { dynamics } from "~src/platforms/dynamics"

// Plasmo reads the matches literally; they repeat src/platforms/dynamics.ts (tests/unit/platforms/registry.test.ts checks).
export const config: PlasmoCSConfig = {
  matches: ["https://*.dynamics.com/*"]
}

mountLauncher({ platform: dynamics })
