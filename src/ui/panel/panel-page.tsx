import { useEffect, useMemo, useState, useSyncExternalStore } from "react"
import { BackgroundProvider, createQueryClient, type Ask } from "~src/ui/query-client"
import { TrustPolicyProvider } from "~src/ui/proposal/trusted-events"
import type { FrameLinkStore } from "./frame-link"
import { createKeyboardArming } from "./keyboard-arming"
import { PanelApp } from "./panel-app"
import { TAB_PROPOSALS_KEY } from "./use-tab-proposals"

/** The element focus goes back to when it arrives from outside the panel (see keyboard-arming.ts). */
export const PANEL_HOME_ID = "signoff-panel"

/**
 * The panel page (tabs/panel.html), framed by Signoff's content script inside a host page. It shows
 * nothing and asks nothing until the content script hands it a session the background accepts for
 * this tab (`linkStore`, started with the page's script: frame-link.ts); a page that frames
 * panel.html itself gets this empty document.
 */
export function PanelPage({ linkStore, askBackground, win = window }: { linkStore: FrameLinkStore; askBackground: Ask; win?: Window }) {
  const link = useSyncExternalStore(linkStore.subscribe, linkStore.get)
  const client = useMemo(() => createQueryClient(), [])
  const arming = useMemo(() => createKeyboardArming(win, () => win.document.getElementById(PANEL_HOME_ID)?.focus()), [win])
  const [navigatedTo, setNavigatedTo] = useState<string | null>(null)
  const pageUrl = navigatedTo ?? link?.initialUrl ?? null

  useEffect(() => () => arming.stop(), [arming])
  useEffect(
    () =>
      link?.onMessage((message) => {
        if (message.type === "refresh") void client.invalidateQueries({ queryKey: TAB_PROPOSALS_KEY })
        if (message.type === "navigated") setNavigatedTo(message.url)
        if (message.type === "opened") {
          arming.arm()
          win.document.getElementById(PANEL_HOME_ID)?.focus()
        }
      }),
    [link, client, arming, win]
  )

  if (!link) return null
  return (
    <BackgroundProvider ask={askBackground} client={client}>
      <TrustPolicyProvider policy={arming.policy}>
        <PanelApp pageUrl={pageUrl} win={win} onClose={() => link.send({ type: "close" })} />
      </TrustPolicyProvider>
    </BackgroundProvider>
  )
}
