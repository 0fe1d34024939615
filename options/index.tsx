import { ask } from "~src/messaging/client"
import { OptionsApp } from "~src/ui/options/options-app"
import { BackgroundProvider } from "~src/ui/query-client"

export default function Options() {
  return (
    <BackgroundProvider ask={ask}>
      <OptionsApp />
    </BackgroundProvider>
  )
}
