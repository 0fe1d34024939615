import type { PlasmoCSConfig } from "plasmo"
import { mountLauncher } from "~src/launcher/mount-launcher"
import { pardot } from "~src/platforms/pardot"

// Plasmo reads the matches literally; they repeat src/platforms/pardot.ts (tests/unit/platforms/registry.test.ts checks).
export const config: PlasmoCSConfig = {
  matches: ["https://pi.pardot.com/*", "https://pi.demo.pardot.com/*"]
}

mountLauncher({ platform: pardot })
