import { ConnectionSection } from "./ConnectionSection"
import { optionsCss } from "./options-styles"

/** The admin options page: one section per concern, each fed by react-query through the injected `ask`. */
export function OptionsApp() {
  return (
    <>
      <style>{optionsCss}</style>
      <main>
        <h1>Signoff settings</h1>
        <ConnectionSection />
      </main>
    </>
  )
}
