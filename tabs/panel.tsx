import { ask } from "~src/messaging/client"
import { startFrameLink } from "~src/ui/panel/frame-link"
import { PanelPage } from "~src/ui/panel/panel-page"
import { PANEL_CSS } from "~src/ui/panel/panel-styles"

// The in-page review panel: an extension page the content scripts frame (see src/launcher/panel-frame.ts).
// Plasmo's page template has no lang; screen readers need it (axe html-has-lang).
document.documentElement.lang = "en"

// Listen for the content script now, as the script runs: it posts on the frame's load event, before React renders.
const linkStore = startFrameLink(async (session) => (await ask({ type: "panel.claim", session })).claimed)

export default function Panel() {
  return (
    <>
      <style>{PANEL_CSS}</style>
      <PanelPage linkStore={linkStore} askBackground={ask} />
    </>
  )
}
