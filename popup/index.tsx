import { ask } from "~src/messaging/client"
import { PopupApp } from "~src/ui/popup/PopupApp"
import { useRefreshOnCacheChanged } from "~src/ui/popup/use-cache-changed"
import { BackgroundProvider } from "~src/ui/query-client"

function LivePopup() {
  useRefreshOnCacheChanged(chrome.runtime)
  return <PopupApp openSettings={() => void chrome.runtime.openOptionsPage()} />
}

export default function Popup() {
  return (
    <BackgroundProvider ask={ask}>
      <LivePopup />
    </BackgroundProvider>
  )
}
