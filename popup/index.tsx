import browser from "webextension-polyfill"
import { ask } from "~src/messaging/client"
import { PopupApp } from "~src/ui/popup/popup-app"
import { BackgroundProvider } from "~src/ui/query-client"

export default function Popup() {
  return (
    <BackgroundProvider ask={ask}>
      <PopupApp openSettings={() => void browser.runtime.openOptionsPage()} />
    </BackgroundProvider>
  )
}
