import { lazy, type ComponentType } from "react"
import { AuditSection } from "./audit-section"
import { ConnectionSection } from "./connection-section"
import type { CustomDomainBrowser } from "./custom-domain-browser"
import type { downloadFile } from "./download-file"
import { CustomDomainsSection } from "./custom-domains-section"
import { DeadlinesSection } from "./deadlines-section"
import { FeedbackSection } from "./feedback-section"
import { PreferencesSection } from "./preferences-section"
import { ReviewRulesSection } from "./review-rules-section"
import { TeamSection } from "./team-section"
import { WorkflowsSection } from "./workflows-section"

/** What the console hands every section: the browser edges, which tests replace with fakes. */
export interface SectionProps {
  customDomainBrowser?: CustomDomainBrowser | undefined
  /** Saves an export (audit log, feedback) as a file. */
  saveFile?: typeof downloadFile | undefined
}

export interface ConsoleSection {
  /** The URL hash that opens it: options.html#workflows. */
  id: string
  /** Its name in the navigation. */
  label: string
  /**
   * Changes here need the admin role: reviewers see the section read-only, with the section's own
   * note saying why (tests/unit/ui/options/console.test.tsx holds every such section to it). The
   * server refuses them anyway; hiding is never the protection.
   */
  needsAdmin: boolean
  Component: ComponentType<SectionProps>
}

/** A section loaded on first visit (keeps heavy ones, like the uPlot charts, out of the first paint). */
function lazySection<M>(load: () => Promise<M>, exportName: keyof M): ComponentType<SectionProps> {
  return lazy(async () => ({ default: (await load())[exportName] as ComponentType<SectionProps> }))
}

const CustomDomains = ({ customDomainBrowser }: SectionProps) => <CustomDomainsSection browser={customDomainBrowser} />

/** The admin console, one row per section, in navigation order. The first is the default. */
export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { id: "connection", label: "Connection", needsAdmin: false, Component: ConnectionSection },
  { id: "workflows", label: "Workflows", needsAdmin: true, Component: WorkflowsSection },
  { id: "daily-summary", label: "Daily summary", needsAdmin: false, Component: lazySection(() => import("./daily-summary-section"), "DailySummarySection") },
  { id: "deadlines", label: "Deadlines", needsAdmin: true, Component: DeadlinesSection },
  { id: "review-rules", label: "Review rules", needsAdmin: true, Component: ReviewRulesSection },
  { id: "advisor", label: "Advisor", needsAdmin: true, Component: lazySection(() => import("./loosening-advisor-section"), "LooseningAdvisorSection") },
  { id: "team", label: "Team & tokens", needsAdmin: true, Component: TeamSection },
  { id: "audit", label: "Audit", needsAdmin: true, Component: AuditSection },
  { id: "feedback", label: "Feedback", needsAdmin: true, Component: FeedbackSection },
  { id: "custom-domains", label: "Custom domains", needsAdmin: false, Component: CustomDomains },
  { id: "preferences", label: "Preferences", needsAdmin: false, Component: PreferencesSection }
]
