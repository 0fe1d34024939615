import type { PlasmoCSConfig } from "plasmo"
import { detectMarketoEntity } from "~src/context/marketo"
import { mountPanel } from "~src/ui/panel/mount-panel"

// `app-<pod>.marketo.com` cannot be a match pattern; mountPanel skips other *.marketo.com hosts.
export const config: PlasmoCSConfig = {
  matches: ["https://*.marketo.com/*", "https://experience.adobe.com/*"]
}

mountPanel({ detector: detectMarketoEntity })
