import { useEffect } from "react"
import { AuditSection } from "./audit-section"
import { ConnectionSection } from "./connection-section"
import type { CustomDomainBrowser } from "./custom-domain-browser"
import { CustomDomainsSection } from "./custom-domains-section"
import { LooseningAdvisorSection } from "./loosening-advisor-section"
import { optionsCss } from "./options-styles"
import { PreferencesSection } from "./preferences-section"
import { ReviewRulesSection } from "./review-rules-section"
import { RiskQuestionnaireSection } from "./risk-questionnaire-section"
import { TeamSection } from "./team-section"
import { WorkflowsSection } from "./workflows-section"

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
