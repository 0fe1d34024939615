import type { PlasmoCSConfig } from "plasmo"
import { detectPardotEntity } from "~src/context/pardot"
import { mountPanel } from "~src/ui/panel/mount-panel"

export const config: PlasmoCSConfig = {
  matches: ["https://pi.pardot.com/*", "https://pi.demo.pardot.com/*"]
}

mountPanel({ detector: detectPardotEntity })
