import browser from "webextension-polyfill"
import { ask } from "~src/messaging/popup-client"
import { PopupApp } from "~src/ui/popup/popup-app"
import { useRefreshOnCacheChanged } from "~src/ui/popup/use-cache-changed"
import { prefetchFirstPaint } from "~src/ui/popup/use-queue"
import { BackgroundProvider, createQueryClient } from "~src/ui/query-client"

// Created with the module, not on mount: what the first paint waits for is asked for right away.
const queryClient = createQueryClient()
prefetchFirstPaint(queryClient, ask)

function LivePopup() {
  useRefreshOnCacheChanged(browser.runtime)
  return <PopupApp openSettings={() => void browser.runtime.openOptionsPage()} />
}

export default function Popup() {
  return (
    <BackgroundProvider ask={ask} client={queryClient}>
      <LivePopup />
    </BackgroundProvider>
  )
}
