import browser from "webextension-polyfill"
import { ask } from "~src/messaging/client"
import { PopupApp } from "~src/ui/popup/popup-app"
import { useRefreshOnCacheChanged } from "~src/ui/popup/use-cache-changed"
import { BackgroundProvider } from "~src/ui/query-client"

function LivePopup() {
  useRefreshOnCacheChanged(browser.runtime)
  return <PopupApp openSettings={() => void browser.runtime.openOptionsPage()} />
}

export default function Popup() {
  return (
    <BackgroundProvider ask={ask}>
      <LivePopup />
    </BackgroundProvider>
  )
}
