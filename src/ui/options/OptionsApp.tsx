import { useEffect } from "react"
import { AuditSection } from "./AuditSection"
import { ConnectionSection } from "./ConnectionSection"
import type { CustomDomainBrowser } from "./custom-domain-browser"
import { CustomDomainsSection } from "./CustomDomainsSection"
import { LooseningAdvisorSection } from "./LooseningAdvisorSection"
import { optionsCss } from "./options-styles"
import { PreferencesSection } from "./PreferencesSection"
import { ReviewRulesSection } from "./ReviewRulesSection"
import { RiskQuestionnaireSection } from "./RiskQuestionnaireSection"
import { TeamSection } from "./TeamSection"
import { WorkflowsSection } from "./WorkflowsSection"

/** The admin options page: one section per concern, each fed by react-query through the injected `ask`. */
export function OptionsApp({ customDomainBrowser }: { customDomainBrowser?: CustomDomainBrowser }) {
  // Plasmo's generated options.html has no lang attribute or specific title.
  useEffect(() => {
    document.documentElement.lang = "en"
    document.title = "Signoff settings"
  }, [])
  return (
    <>
      <style>{optionsCss}</style>
      <main>
        <h1>Signoff settings</h1>
        <ConnectionSection />
        <WorkflowsSection />
        <ReviewRulesSection />
        <TeamSection />
        <RiskQuestionnaireSection />
        <LooseningAdvisorSection />
        <AuditSection />
        <CustomDomainsSection browser={customDomainBrowser} />
        <PreferencesSection />
      </main>
    </>
  )
}
