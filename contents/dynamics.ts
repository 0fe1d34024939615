import type { PlasmoCSConfig } from "plasmo"
import { detectDynamicsEntity } from "~src/context/dynamics"
import { mountPanel } from "~src/ui/panel/mount-panel"

// Org hosts are <org>.crm<N>.dynamics.com; mountPanel skips other *.dynamics.com hosts.
export const config: PlasmoCSConfig = {
  matches: ["https://*.dynamics.com/*"]
}

mountPanel({ detector: detectDynamicsEntity })
