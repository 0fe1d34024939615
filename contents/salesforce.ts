import type { PlasmoCSConfig } from "plasmo"
import { detectSalesforceEntity } from "~src/context/salesforce"
import { mountPanel } from "~src/ui/panel/mount-panel"

// Lightning (incl. sandboxes) and My Domain Classic hosts; Pardot pages embedded in Lightning are read from the URL.
export const config: PlasmoCSConfig = {
  matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"]
}

mountPanel({ detector: detectSalesforceEntity })
