/**
 * Demo data for `npm run demo`: the AI workflows of a plausible B2B marketing team and what
 * their agents propose today, across the five platforms. Every target URL is one the
 * look-alike pages (tests/fixtures/pages) serve, so each proposal can be opened in context.
 *
 * Plain data, validated against the domain schemas before anything is posted, so a schema
 * change breaks `npm run demo` at once instead of half-seeding the server.
 */
import { CHANGE_KINDS, ProposalCreate, type ChangeKind, type WorkflowUpsert } from "~src/domain"

export const HUBSPOT_PORTAL = "4410021"

/** The "Spring launch" campaign of the look-alike HubSpot pages; email 1100 is one of its assets. */
export const HUBSPOT_SPRING_CAMPAIGN_ID = "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"

/** The record the demo opens first: it carries several proposals of different kinds. */
export const DEMO_START_URL = `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/101`

export const DEMO_URLS = {
  hubspotContact: DEMO_START_URL,
  hubspotCompany: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-2/5001`,
  hubspotEmail: `https://app.hubspot.com/email/${HUBSPOT_PORTAL}/edit/1100/content`,
  hubspotList: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/objectLists/12/filters`,
  hubspotWorkflow: `https://app.hubspot.com/workflows/${HUBSPOT_PORTAL}/platform/flow/3300/edit`,
  // No proposal of its own: its emails' proposals are listed under "Related" (their target.parents).
  hubspotCampaign: `https://app.hubspot.com/campaigns/${HUBSPOT_PORTAL}/#/details/${HUBSPOT_SPRING_CAMPAIGN_ID}`,
  marketoEmail: "https://app-ab12.marketo.com/#EM1234A1ZN2",
  marketoSmartList: "https://app-ab12.marketo.com/#SL2001A1",
  marketoProgram: "https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/PG1001A1",
  salesforceLead: "https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEAAX/view",
  salesforceLeadList: "https://acme.lightning.force.com/lightning/o/Lead/list?filterName=AllOpenLeads",
  pardotProspect: "https://pi.pardot.com/prospect/read/id/4242",
  dynamicsContact:
    "https://acme.crm.dynamics.com/main.aspx?appid=7d1c5b2a-0000-4000-8000-000000000001&pagetype=entityrecord&etn=contact&id=%7B3F2B1C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D%7D"
} as const

export interface DemoWorkflow extends WorkflowUpsert {
  id: string
}

/** One workflow per AI touchpoint, each on the model its risk calls for. */
export const DEMO_WORKFLOWS: DemoWorkflow[] = [
  { id: "email-copywriter", name: "Email copywriter", model: "approve", quorum: 1, expiryHours: 72 },
  { id: "lead-scoring-tuner", name: "Lead-scoring tuner", model: "approve", quorum: 2 },
  { id: "segment-builder", name: "Segment builder", model: "approve", quorum: 1 },
  { id: "title-normalizer", name: "Job-title normalizer (bulk)", model: "approve", quorum: 1 },
  { id: "contact-enrichment", name: "Contact enrichment", model: "exception", threshold: 0.9 },
  { id: "lead-router", name: "Lead router", model: "exception", threshold: 0.8 },
  { id: "nurture-flow-builder", name: "Nurture flow builder", model: "monitor" }
]

const copywriter = { name: "copywriter-gpt", version: "2.3.0" }
/** The entity the HubSpot email proposals belong to: the agent knows which campaign it writes for. */
const springCampaign = { kind: "campaign", id: HUBSPOT_SPRING_CAMPAIGN_ID }
const enricher = { name: "enrichment-agent", version: "1.8.2" }
const router = { name: "lead-router", version: "0.9.4" }
const segmenter = { name: "segment-builder", version: "1.1.0" }
const scorer = { name: "scoring-tuner", version: "3.0.1" }
const normalizer = { name: "title-normalizer", version: "1.4.0" }
const flowBuilder = { name: "flow-builder", version: "0.7.3" }

/** What the tour and the e2e tests pick out of the seeded data. */
export type DemoRole = "tour-approve" | "tour-reject" | "executed" | "auto"

export interface DemoProposal {
  /** Stable handle, also the idempotency key: re-seeding the same database creates nothing twice. */
  key: string
  proposal: ProposalCreate
  /** The agent reports execution right after creating it (monitor and auto-approved items). */
  execute?: boolean
  role?: DemoRole
}

/** The spring launch email's body as the look-alike HubSpot page shows it (the example agent rewrites it too). */
export const SPRING_EMAIL_BEFORE = `<h1>Meet the spring line-up</h1>
<p>Hi {{ contact.firstname }},</p>
<p>Our spring collection is here. Take a look at what is new this season.</p>
<p><a href="https://acme.example/spring">See the collection</a></p>`

const SPRING_EMAIL_AFTER = `<h1>Your spring line-up, picked for {{ company.name }}</h1>
<p>Hi {{ contact.firstname }},</p>
<p>Teams like yours cut reporting time by <strong>31%</strong> with the new Insights dashboard.
Three things are new this season:</p>
<ul>
  <li>Insights dashboard with <em>live</em> pipeline forecasts</li>
  <li>One-click CRM sync for HubSpot and Salesforce</li>
  <li>SOC 2 Type II report, now available on request</li>
</ul>
<p><a href="https://acme.example/spring?utm_source=hubspot&amp;utm_campaign=spring">Book a 15-minute tour</a></p>
<p style="font-size:11px;color:#666">You are receiving this because you subscribed to product news.
<a href="{{ unsubscribe_link }}">Unsubscribe</a></p>`

export const DEMO_PROPOSALS: DemoProposal[] = [
  // --- HubSpot contact 101: the record the demo opens on -----------------------------------
  {
    key: "demo-hs-101-enrich",
    role: "tour-approve",
    proposal: {
      workflowId: "contact-enrichment",
      agent: enricher,
      target: { platform: "hubspot", kind: "contact", id: "101", url: DEMO_URLS.hubspotContact },
      title: "Enrich Dennis Ritchie: job title, seniority, company size",
      summary: "Fills 3 empty fields and corrects the phone format from two matching sources.",
      rationale:
        "LinkedIn and the company website agree on the title; seniority follows from it. Company size comes from the firmographics provider and matches the associated company record.",
      evidence: [
        { label: "LinkedIn profile", value: "VP Marketing at Globex since 2023", source: "linkedin.com/in/dennis-ritchie-globex" },
        { label: "Firmographics", value: "Globex: 1,200 employees, Software", source: "firmographics-api" },
        { label: "Email domain", value: "globex.example matches company domain" }
      ],
      confidence: 0.82,
      risk: { customerData: true, writesProduction: true },
      impact: [{ metric: "filled fields overwritten", value: 1, note: "phone: reformatted only" }],
      change: {
        kind: "fields",
        changes: [
          { field: "jobtitle", label: "Job title", before: null, after: "VP Marketing" },
          { field: "seniority", label: "Seniority", before: null, after: "Executive" },
          { field: "numemployees", label: "Company size", before: null, after: "1001-5000" },
          { field: "phone", label: "Phone", before: "5551234567", after: "+1 555-123-4567" }
        ]
      }
    }
  },
  {
    key: "demo-hs-101-route",
    role: "tour-reject",
    proposal: {
      workflowId: "lead-router",
      agent: router,
      target: { platform: "hubspot", kind: "contact", id: "101", url: DEMO_URLS.hubspotContact },
      title: "Route Dennis Ritchie to the Enterprise West queue",
      summary: "Company size says Enterprise, but the territory is ambiguous: HQ in Berlin, contact in San Francisco.",
      rationale: "Enterprise tier by headcount. Territory rules conflict (HQ country vs. contact state), so it is escalated.",
      evidence: [
        { label: "Company HQ", value: "Berlin, DE", source: "company record" },
        { label: "Contact location", value: "San Francisco, CA", source: "form submission 2026-11-20" },
        { label: "Headcount", value: "1,200" }
      ],
      confidence: 0.61,
      risk: { customerData: true, edgeCase: true },
      change: {
        kind: "routing",
        chosen: { id: "queue-ent-west", name: "Enterprise West (Maya Chen)" },
        alternatives: [
          { id: "queue-ent-emea", name: "Enterprise EMEA (Jonas Weber)", score: 0.57 },
          { id: "queue-mm-west", name: "Mid-market West (Sam Ortiz)", score: 0.22 }
        ],
        escalationReason: "Territory rules disagree: HQ is in EMEA, the contact works from the US West region."
      }
    }
  },
  {
    key: "demo-hs-101-followup",
    proposal: {
      workflowId: "email-copywriter",
      agent: copywriter,
      target: { platform: "hubspot", kind: "contact", id: "101", url: DEMO_URLS.hubspotContact },
      title: "Personal follow-up after the pricing-page visit",
      summary: "A one-to-one sales email from Maya referencing the webinar he attended.",
      evidence: [
        { label: "Activity", value: "Visited pricing page twice this week" },
        { label: "Webinar", value: "Attended 'Forecasting in 2027' on 2026-11-12" }
      ],
      confidence: 0.74,
      risk: { customerFacing: true, customerData: true },
      change: {
        kind: "content",
        field: "sales_email_body",
        format: "text",
        before: "",
        after:
          "Hi Dennis,\n\nThanks for joining our forecasting webinar last week. I saw your team is looking at pricing; happy to walk you through the Insights dashboard in 15 minutes. Would Thursday work?\n\nBest,\nMaya"
      }
    }
  },

  // --- HubSpot marketing email ------------------------------------------------------------
  {
    key: "demo-hs-email-body",
    proposal: {
      workflowId: "email-copywriter",
      agent: copywriter,
      target: { platform: "hubspot", kind: "email", id: "1100", url: DEMO_URLS.hubspotEmail, parents: [springCampaign] },
      title: "Rewrite the spring launch email body for B2B buyers",
      summary: "Leads with a customer outcome, lists three new features, adds a tracked CTA and the unsubscribe footer.",
      rationale: "Last three B2B sends with an outcome-led opening had 22% higher click-through than feature-led ones.",
      evidence: [
        { label: "Past performance", value: "Outcome-led openings: 4.1% CTR vs 3.4% (last 3 sends)" },
        { label: "Claim source", value: "31% reporting-time reduction: 2026 customer survey, n=212" },
        { label: "Brand guide", value: "Voice: plain, confident, no exclamation marks", source: "brand-guide-v5.pdf" }
      ],
      confidence: 0.78,
      risk: { customerFacing: true, writesProduction: true },
      impact: [{ metric: "recipients", value: 18450, note: "Spring launch list" }],
      change: { kind: "content", field: "body", format: "html", before: SPRING_EMAIL_BEFORE, after: SPRING_EMAIL_AFTER }
    }
  },
  {
    key: "demo-hs-email-subject",
    proposal: {
      workflowId: "email-copywriter",
      agent: copywriter,
      target: { platform: "hubspot", kind: "email", id: "1100", url: DEMO_URLS.hubspotEmail, parents: [springCampaign] },
      title: "Shorter subject line for the spring launch email",
      summary: "From 30 to 27 characters, personalised with the company name.",
      evidence: [{ label: "Subject-line test", value: "Personalised subjects: +9% opens on this list" }],
      confidence: 0.88,
      risk: { customerFacing: true },
      change: { kind: "content", field: "subject", format: "text", before: "Meet the spring line-up", after: "{{ company.name }}: what is new this spring" }
    }
  },

  // --- HubSpot active list: a segment definition --------------------------------------------
  {
    key: "demo-hs-list-segment",
    proposal: {
      workflowId: "segment-builder",
      agent: segmenter,
      target: { platform: "hubspot", kind: "list", id: "12", url: DEMO_URLS.hubspotList },
      title: "Narrow 'Webinar attendees' to engaged decision makers",
      summary: "Adds seniority and engagement criteria; the list shrinks from 1,284 to about 412 contacts.",
      rationale: "Sales accepted only 9% of leads from the broad list; decision makers who opened 2+ emails converted at 27%.",
      evidence: [
        { label: "SQL acceptance", value: "9% of current list members, 27% of the proposed subset" },
        { label: "Window", value: "Last 90 days of webinar registrations" }
      ],
      confidence: 0.83,
      risk: { customerData: true },
      impact: [
        { metric: "contacts leaving the list", value: 872 },
        { metric: "contacts in the new list", value: 412 }
      ],
      change: {
        kind: "segment",
        name: "Webinar attendees: engaged decision makers",
        criteria: "Attended a webinar in the last 30 days AND seniority IN (Director, VP, C-level) AND marketing emails opened (90 days) >= 2",
        estimatedSize: 412,
        overlaps: [
          { segmentId: "list-31", name: "Enterprise nurture", sharedCount: 188 },
          { segmentId: "list-44", name: "Do not contact: sales in progress", sharedCount: 23 }
        ],
        complianceNotes: [
          "23 contacts are in an active sales sequence: exclude them or sales gets double-touched",
          "EU contacts: consent basis is 'legitimate interest' for 61 of them"
        ]
      }
    }
  },

  // --- HubSpot workflow: monitor model, already executed (revert / pause apply) ---------------
  {
    key: "demo-hs-workflow-flow",
    execute: true,
    role: "executed",
    proposal: {
      workflowId: "nurture-flow-builder",
      agent: flowBuilder,
      target: { platform: "hubspot", kind: "workflow", id: "3300", url: DEMO_URLS.hubspotWorkflow },
      title: "Add a 3-day wait and a reply check before the second nurture email",
      summary: "Stops the second email for contacts who already replied; shortens the first delay.",
      evidence: [{ label: "Replies", value: "14% of contacts reply to email 1; 30% of them unsubscribe after email 2" }],
      confidence: 0.9,
      risk: { writesProduction: true },
      change: {
        kind: "flow",
        steps: [
          { op: "change", stepId: "delay-1", description: "First delay", before: "Delay 1 day", after: "Delay 4 hours" },
          { op: "add", stepId: "delay-2", description: "Wait 3 days after the welcome email", after: "Delay 3 days" },
          { op: "add", stepId: "branch-replied", description: "If the contact replied, leave the workflow", after: "Branch: has replied = true → exit" },
          { op: "remove", stepId: "task-sdr", description: "Remove the SDR task for every contact", before: "Create task for SDR" }
        ]
      }
    }
  },

  // --- HubSpot company: auto-approved by policy, logged --------------------------------------
  {
    key: "demo-hs-company-enrich-auto",
    role: "auto",
    proposal: {
      workflowId: "contact-enrichment",
      agent: enricher,
      target: { platform: "hubspot", kind: "company", id: "5001", url: DEMO_URLS.hubspotCompany },
      title: "Fill industry and annual revenue for Hooli",
      summary: "Two empty firmographic fields, from the registry filing.",
      evidence: [{ label: "Registry filing", value: "Hooli Inc., SIC 7372, revenue $410M (FY2025)" }],
      confidence: 0.97,
      change: {
        kind: "fields",
        changes: [
          { field: "industry", label: "Industry", before: null, after: "Computer Software" },
          { field: "annualrevenue", label: "Annual revenue", before: null, after: 410000000 }
        ]
      }
    }
  },

  // --- Marketo ---------------------------------------------------------------------------------
  {
    key: "demo-mkto-email",
    proposal: {
      workflowId: "email-copywriter",
      agent: copywriter,
      target: { platform: "marketo", kind: "email", id: "1234", url: DEMO_URLS.marketoEmail },
      title: "Event invitation: tighten the hero copy and add the agenda",
      summary: "Replaces a generic hero paragraph with the three sessions and a calendar link.",
      evidence: [{ label: "Agenda", value: "Confirmed speakers from the event brief (2026-11-18)" }],
      confidence: 0.8,
      risk: { customerFacing: true },
      impact: [{ metric: "recipients", value: 6200 }],
      change: {
        kind: "content",
        field: "hero",
        format: "html",
        before: "<p>Join us for an exciting event full of insights!</p>",
        after:
          '<p>Three sessions, one afternoon:</p><ol><li>Forecasting with live CRM data</li><li>Lead scoring that sales trusts</li><li>Q&amp;A with our product team</li></ol><p><a href="https://acme.example/events/dec.ics">Add to calendar</a></p>'
      }
    }
  },
  {
    key: "demo-mkto-smartlist",
    proposal: {
      workflowId: "segment-builder",
      agent: segmenter,
      target: { platform: "marketo", kind: "smart-list", id: "2001", url: DEMO_URLS.marketoSmartList },
      title: "Re-engagement smart list: dormant trial users",
      summary: "Trial users with no login in 21 days and no open opportunity.",
      evidence: [{ label: "Product usage", value: "Login events synced nightly from the product database" }],
      confidence: 0.86,
      risk: { customerData: true },
      change: {
        kind: "segment",
        name: "Dormant trial users (21 days)",
        criteria: "Trial Status = Active AND Last Login < 21 days ago AND NOT Has Opportunity (Open)",
        estimatedSize: 2310,
        overlaps: [{ segmentId: "SL1880", name: "Trial nurture: week 3", sharedCount: 540 }],
        complianceNotes: ["Includes 118 leads from Canada: CASL implied consent expires for 40 of them this month"]
      }
    }
  },
  {
    key: "demo-mkto-scoring",
    proposal: {
      workflowId: "lead-scoring-tuner",
      agent: scorer,
      target: { platform: "marketo", kind: "program", id: "1001", url: DEMO_URLS.marketoProgram },
      title: "Re-weight behaviour scoring toward pricing and demo intent",
      summary: "More weight on pricing-page visits and demo requests, less on generic email opens.",
      rationale: "Over the last two quarters, pricing visits and demo requests predicted SQLs 3x better than email opens (AUC 0.71 → 0.78 on a holdout).",
      evidence: [
        { label: "Backtest", value: "AUC 0.71 → 0.78 on Q3 holdout (n=9,412 leads)" },
        { label: "Sales feedback", value: "42% of MQLs from email-open scoring were rejected by SDRs" }
      ],
      confidence: 0.76,
      risk: { writesProduction: true, bulk: true },
      impact: [
        { metric: "contacts crossing the MQL threshold", value: 1243, note: "newly MQL after the change" },
        { metric: "contacts dropping below the MQL threshold", value: 377 }
      ],
      change: {
        kind: "scoring",
        modelName: "Behaviour score (global)",
        weights: [
          { attribute: "Visited pricing page", before: 5, after: 15 },
          { attribute: "Requested a demo", before: 30, after: 40 },
          { attribute: "Opened marketing email", before: 3, after: 1 },
          { attribute: "Attended webinar", before: 10, after: 10 },
          { attribute: "Unsubscribed", before: -10, after: -25 }
        ],
        expectedMqlShiftPct: 18.5
      }
    }
  },

  // --- Salesforce --------------------------------------------------------------------------------
  {
    key: "demo-sf-lead-route",
    proposal: {
      workflowId: "lead-router",
      agent: router,
      target: { platform: "salesforce", kind: "lead", id: "00Q5g00000AbCdEAAX", url: DEMO_URLS.salesforceLead },
      title: "Assign Priya Raman (Initech) to the strategic accounts team",
      summary: "Named account: routed to its account owner rather than round robin.",
      evidence: [
        { label: "Account match", value: "Initech is a named strategic account (owner: Lee Park)" },
        { label: "Round robin would pick", value: "Sam Ortiz (Mid-market West)" }
      ],
      confidence: 0.72,
      risk: { customerData: true },
      change: {
        kind: "routing",
        chosen: { id: "005-lee-park", name: "Lee Park (Strategic accounts)" },
        alternatives: [{ id: "005-sam-ortiz", name: "Sam Ortiz (Mid-market West)", score: 0.41 }],
        escalationReason: "Confidence 0.72 is under the workflow threshold 0.80: the domain match is fuzzy (initech.io vs initech.example)."
      }
    }
  },
  {
    key: "demo-sf-leads-bulk",
    proposal: {
      workflowId: "title-normalizer",
      agent: normalizer,
      target: { platform: "salesforce", kind: "lead-list", id: "AllOpenLeads", url: DEMO_URLS.salesforceLeadList },
      title: "Normalise job titles on 104,220 open leads",
      summary: "Maps free-text titles to the standard title and seniority picklists; 8 sample rows below.",
      rationale: "Routing and scoring both key on seniority; 38% of open leads have a free-text title that maps to none.",
      evidence: [
        { label: "Rule coverage", value: "97.2% of distinct titles map with confidence ≥ 0.9" },
        { label: "Unmapped", value: "2,918 leads keep their title and get seniority = Unknown" }
      ],
      confidence: 0.91,
      risk: { writesProduction: true, bulk: true, customerData: true },
      impact: [
        { metric: "records changed", value: 104220 },
        { metric: "filled fields overwritten", value: 39650, note: "existing free-text titles replaced" }
      ],
      change: {
        kind: "bulk",
        objectType: "Lead",
        rule: "Title := canonical title from the title dictionary v12 (case-folded, abbreviations expanded); Seniority__c := seniority of the canonical title",
        totalRecords: 104220,
        sample: [
          { recordId: "00Q5g00000AbC001", before: { Title: "vp mktg", Seniority__c: null }, after: { Title: "VP Marketing", Seniority__c: "VP" } },
          {
            recordId: "00Q5g00000AbC002",
            before: { Title: "Sr. Dir, Demand Gen", Seniority__c: null },
            after: { Title: "Senior Director, Demand Generation", Seniority__c: "Director" }
          },
          {
            recordId: "00Q5g00000AbC003",
            before: { Title: "CMO", Seniority__c: "C-level" },
            after: { Title: "Chief Marketing Officer", Seniority__c: "C-level" }
          },
          {
            recordId: "00Q5g00000AbC004",
            before: { Title: "mktg ops mgr", Seniority__c: null },
            after: { Title: "Marketing Operations Manager", Seniority__c: "Manager" }
          },
          {
            recordId: "00Q5g00000AbC005",
            before: { Title: "Head of Growth", Seniority__c: null },
            after: { Title: "Head of Growth", Seniority__c: "Director" }
          },
          {
            recordId: "00Q5g00000AbC006",
            before: { Title: "Founder/CEO", Seniority__c: null },
            after: { Title: "Chief Executive Officer", Seniority__c: "C-level" }
          },
          { recordId: "00Q5g00000AbC007", before: { Title: "marketing", Seniority__c: null }, after: { Title: "marketing", Seniority__c: "Unknown" } },
          {
            recordId: "00Q5g00000AbC008",
            before: { Title: "SDR", Seniority__c: "Individual" },
            after: { Title: "Sales Development Representative", Seniority__c: "Individual contributor" }
          }
        ]
      }
    }
  },

  // --- Account Engagement (Pardot) -------------------------------------------------------------
  {
    key: "demo-pardot-prospect",
    proposal: {
      workflowId: "contact-enrichment",
      agent: enricher,
      target: { platform: "pardot", kind: "prospect", id: "4242", url: DEMO_URLS.pardotProspect },
      title: "Correct the country and grade of prospect 4242",
      summary: "The form captured 'UK' as free text; normalises it and updates the profile grade.",
      evidence: [{ label: "Form submission", value: "Country: 'UK' (free text) on the whitepaper form" }],
      confidence: 0.64,
      risk: { customerData: true, edgeCase: true },
      change: {
        kind: "fields",
        changes: [
          { field: "country", label: "Country", before: "UK", after: "United Kingdom" },
          { field: "grade", label: "Grade", before: "C", after: "B+" }
        ]
      }
    }
  },

  // --- Dynamics 365 ----------------------------------------------------------------------------
  {
    key: "demo-dyn-contact",
    proposal: {
      workflowId: "lead-router",
      agent: router,
      target: {
        platform: "dynamics",
        kind: "contact",
        id: "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        url: DEMO_URLS.dynamicsContact
      },
      title: "Hand Tomás Ruiz over to the partner channel",
      summary: "The contact's company is a reseller: route to the partner manager, not direct sales.",
      evidence: [{ label: "Account type", value: "Reseller (partner programme since 2024)" }],
      confidence: 0.69,
      change: {
        kind: "routing",
        chosen: { id: "team-partners", name: "Partner channel (Ines Duarte)" },
        alternatives: [{ id: "team-direct-emea", name: "Direct sales EMEA", score: 0.48 }],
        escalationReason: "Partner and direct rules both match; the workflow sends ties to a human."
      }
    }
  }
]

/** Fails loudly if the data no longer matches the API contract, or a change kind is missing. */
export function validateDemoData(): void {
  const kinds = new Set<ChangeKind>()
  for (const { key, proposal } of DEMO_PROPOSALS) {
    const parsed = ProposalCreate.safeParse(proposal)
    if (!parsed.success) throw new Error(`demo proposal ${key} does not match the API schema: ${parsed.error.message}`)
    if (!DEMO_WORKFLOWS.some((w) => w.id === proposal.workflowId)) throw new Error(`demo proposal ${key} names an unknown workflow`)
    kinds.add(proposal.change.kind)
  }
  const missing = CHANGE_KINDS.filter((k) => !kinds.has(k))
  if (missing.length > 0) throw new Error(`demo data lacks change kinds: ${missing.join(", ")}`)
}
