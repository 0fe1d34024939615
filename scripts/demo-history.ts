/**
 * About 60 days of a plausible team's past decisions, as dated events for the server's seeding
 * path (server/seed/dated-history.ts; never reachable over HTTP). Each workflow has a character,
 * so the loosening advisor has something to say about each one:
 *
 * - Segment builder: ~2.6 proposals a day, almost always approved as proposed → loosen to monitor.
 * - Nurture flow builder (monitor): runs on its own, reverted about once in a hundred → loosen to exception.
 * - Lead router: loosened from monitor to exception 35 days ago; in the last two weeks reviewers
 *   reverted one routing in four (territories moved) → tighten back to monitor.
 * - Email copywriter: enough drafts, but reviewers still edit one in five → hold.
 * - Job-title normalizer: one rule in seven rejected → hold (and approve cannot go stricter).
 * - Contact enrichment (exception): clean, but already the loosest model → hold.
 * - Lead-scoring tuner: one proposal every five days, two approvers each → hold, not enough data.
 *
 * Deterministic (a seeded generator), relative to `now`, every event in the past.
 */
import type { DecisionCreate, OversightModel, ProposalCreate, RejectionReasonCode, WorkflowUpsert } from "~src/domain"
import { decideOnCreation } from "~src/domain/oversight"
import type { DatedEvent, DatedHistory } from "~server/seed/dated-history"
import { DEMO_URLS, DEMO_WORKFLOWS, HUBSPOT_PORTAL } from "./demo-data"

export const HISTORY_DAYS = 60

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

export const HISTORY_PEOPLE = {
  admin: { name: "Dana Admin", role: "admin" },
  ana: { name: "Ana Reviewer", role: "reviewer" },
  sam: { name: "Sam Ops", role: "reviewer" },
  agents: { name: "demo-agents", role: "agent" }
} as const satisfies DatedHistory["people"]
type Person = keyof typeof HISTORY_PEOPLE

/** What became of one proposal. `run`: auto-approved and executed; `revert`: that, then undone by a person. */
type Fate =
  | { kind: "approve"; reviewMs: number }
  | { kind: "edit"; reviewMs: number; edits: Record<string, unknown> }
  | { kind: "reject"; reviewMs: number; reason: RejectionReasonCode; text?: string }
  | { kind: "run" }
  | { kind: "revert"; reviewMs: number; reason: RejectionReasonCode; text?: string }

interface Item {
  confidence: number
  fate: Fate
}

interface Profile {
  workflowId: string
  /** Average proposals per day. */
  perDay: number
  /** The n-th proposal of the workflow, `daysAgo` days back under `model`, with a random number generator of its own. */
  item(n: number, daysAgo: number, random: () => number, model: OversightModel): Item
  proposal(n: number, confidence: number): ProposalCreate
}

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const between = (random: () => number, low: number, high: number) => Math.round(low + random() * (high - low))
const seconds = (random: () => number, low: number, high: number) => between(random, low, high) * 1000

const agent = (name: string, version: string) => ({ name, version })
const hubspotContact = (id: number) => ({
  platform: "hubspot" as const,
  kind: "contact",
  id: String(id),
  url: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/${id}`
})

const SUBJECTS = [
  "Your spring line-up",
  "Three ideas for Q3 pipeline",
  "The webinar recording is ready",
  "Last seats for the roadshow",
  "What changed in the product this month"
]
const JOB_TITLES = ["Marketing Manager", "VP Sales", "Head of Demand Generation", "Revenue Operations Lead", "CMO"]
const OWNERS = [
  { id: "rep-ana", name: "Ana Duarte (EMEA)" },
  { id: "rep-ben", name: "Ben Okafor (NA East)" },
  { id: "rep-chen", name: "Chen Wei (APAC)" }
]

const PROFILES: Profile[] = [
  {
    workflowId: "segment-builder",
    perDay: 2.6,
    item: (n, _daysAgo, random) => ({
      confidence: 0.8 + random() * 0.15,
      fate:
        n % 97 === 50
          ? { kind: "reject", reviewMs: seconds(random, 30, 80), reason: "compliance", text: "Includes contacts without marketing consent" }
          : n % 29 === 7
            ? { kind: "edit", reviewMs: seconds(random, 40, 90), edits: { estimatedSize: 4_000 + n } }
            : { kind: "approve", reviewMs: seconds(random, 18, 70) }
    }),
    proposal: (n, confidence) => ({
      workflowId: "segment-builder",
      agent: agent("segment-builder", "1.1.0"),
      target: {
        platform: "hubspot",
        kind: "list",
        id: String(20 + (n % 30)),
        url: `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/objectLists/${20 + (n % 30)}/filters`
      },
      title: `Refresh segment "Engaged accounts ${n % 30}"`,
      summary: "Adds contacts who opened two of the last three emails.",
      evidence: [{ label: "Engagement", value: `${200 + (n % 50)} contacts qualify`, source: "HubSpot email analytics" }],
      confidence,
      change: {
        kind: "segment",
        name: `Engaged accounts ${n % 30}`,
        criteria: "Opened ≥ 2 of the last 3 marketing emails AND lifecycle stage = lead",
        estimatedSize: 3_800 + n,
        overlaps: [],
        complianceNotes: []
      }
    })
  },
  {
    workflowId: "nurture-flow-builder",
    perDay: 2,
    item: (n, _daysAgo, random) => ({
      confidence: 0.85 + random() * 0.1,
      fate:
        n % 70 === 30
          ? { kind: "revert", reviewMs: seconds(random, 40, 100), reason: "off_brand", text: "Wait step too short for this audience" }
          : { kind: "run" }
    }),
    proposal: (n, confidence) => ({
      workflowId: "nurture-flow-builder",
      agent: agent("flow-builder", "0.7.3"),
      target: {
        platform: "hubspot",
        kind: "workflow",
        id: String(3300 + (n % 10)),
        url: `https://app.hubspot.com/workflows/${HUBSPOT_PORTAL}/platform/flow/${3300 + (n % 10)}/edit`
      },
      title: `Tune nurture step ${n % 7}`,
      summary: "Moves the follow-up email one day later for people who did not open the first.",
      evidence: [{ label: "Open rate by delay", value: "+2.4 pp with a 3-day delay" }],
      confidence,
      change: { kind: "flow", steps: [{ op: "change", stepId: `delay-${n % 7}`, description: "Wait before the follow-up", before: "2 days", after: "3 days" }] }
    })
  },
  {
    workflowId: "lead-router",
    perDay: 3,
    item: (n, daysAgo, random, model) => {
      // Under monitor (its first weeks) everything runs; under exception the unsure ones escalate.
      const escalated = model === "exception" && random() < 0.3
      if (escalated)
        return {
          confidence: 0.5 + random() * 0.25,
          fate:
            random() < 0.1
              ? { kind: "reject", reviewMs: seconds(random, 30, 90), reason: "wrong_target" }
              : { kind: "approve", reviewMs: seconds(random, 20, 75) }
        }
      // One routing in four reverted over the last two weeks, one in a hundred before.
      const reverted = daysAgo < 15 ? n % 4 === 1 : n % 100 === 50
      return {
        confidence: 0.82 + random() * 0.15,
        fate: reverted
          ? { kind: "revert", reviewMs: seconds(random, 30, 110), reason: "wrong_target", text: "Territory moved to the new EMEA team" }
          : { kind: "run" }
      }
    },
    proposal: (n, confidence) => ({
      workflowId: "lead-router",
      agent: agent("lead-router", "0.9.4"),
      target: hubspotContact(4000 + n),
      title: `Route new lead ${4000 + n}`,
      summary: "Assigns the inbound lead by territory and product interest.",
      evidence: [{ label: "Country", value: ["Germany", "Canada", "Japan"][n % 3]! }],
      confidence,
      change: { kind: "routing", chosen: OWNERS[n % 3]!, alternatives: [{ ...OWNERS[(n + 1) % 3]!, score: 0.4 }] }
    })
  },
  {
    workflowId: "email-copywriter",
    // Enough drafts for a 30-day window to clear the outcome count, so the hold is about the edits.
    perDay: 2.2,
    item: (n, _daysAgo, random) => {
      const roll = random()
      const reviewMs = seconds(random, 45, 175)
      return {
        confidence: 0.7 + random() * 0.2,
        fate:
          roll < 0.7
            ? { kind: "approve", reviewMs }
            : roll < 0.9
              ? { kind: "edit", reviewMs, edits: { after: `${SUBJECTS[n % SUBJECTS.length]} (shorter)` } }
              : { kind: "reject", reviewMs, reason: roll < 0.96 ? "off_brand" : "inaccurate" }
      }
    },
    proposal: (n, confidence) => ({
      workflowId: "email-copywriter",
      agent: agent("copywriter-gpt", "2.3.0"),
      target: {
        platform: "hubspot",
        kind: "email",
        id: String(3000 + (n % 40)),
        url: `https://app.hubspot.com/email/${HUBSPOT_PORTAL}/edit/${3000 + (n % 40)}/content`
      },
      title: `Subject line for email ${3000 + (n % 40)}`,
      summary: "A shorter subject, tested against the last quarter's opens.",
      evidence: [{ label: "Open rate of short subjects", value: "+3.1 pp over 12 sends" }],
      confidence,
      change: {
        kind: "content",
        field: "subject",
        format: "text",
        before: `${SUBJECTS[n % SUBJECTS.length]}: all the news from our team`,
        after: SUBJECTS[n % SUBJECTS.length]!
      }
    })
  },
  {
    workflowId: "title-normalizer",
    perDay: 1.3,
    item: (n, _daysAgo, random) => {
      const roll = random()
      const reviewMs = seconds(random, 60, 200)
      return {
        confidence: 0.85 + random() * 0.1,
        fate: roll < 0.86 ? { kind: "approve", reviewMs } : { kind: "reject", reviewMs, reason: roll < 0.94 ? "wrong_target" : "inaccurate" }
      }
    },
    proposal: (n, confidence) => ({
      workflowId: "title-normalizer",
      agent: agent("title-normalizer", "1.4.0"),
      target: { platform: "salesforce", kind: "lead-list", id: "AllOpenLeads", url: DEMO_URLS.salesforceLeadList },
      title: `Normalize job titles, batch ${n}`,
      summary: "Maps free-text titles to the standard title list.",
      evidence: [{ label: "Rule coverage", value: "96% of distinct titles map with confidence ≥ 0.9" }],
      confidence,
      change: {
        kind: "bulk",
        objectType: "Lead",
        rule: "Map free-text job titles to the standard list",
        totalRecords: 800 + n * 3,
        sample: [{ recordId: `00Q5g0000${String(n).padStart(6, "0")}AAA`, before: { Title: "mktg mgr" }, after: { Title: "Marketing Manager" } }]
      }
    })
  },
  {
    workflowId: "contact-enrichment",
    perDay: 4,
    item: (n, _daysAgo, random) => {
      if (random() < 0.2)
        return {
          confidence: 0.6 + random() * 0.28,
          fate:
            random() < 0.15
              ? { kind: "reject", reviewMs: seconds(random, 20, 60), reason: "inaccurate" }
              : { kind: "approve", reviewMs: seconds(random, 12, 50) }
        }
      return {
        confidence: 0.91 + random() * 0.08,
        fate: n % 200 === 99 ? { kind: "revert", reviewMs: seconds(random, 20, 60), reason: "inaccurate" } : { kind: "run" }
      }
    },
    proposal: (n, confidence) => ({
      workflowId: "contact-enrichment",
      agent: agent("enrichment-agent", "1.8.2"),
      target: hubspotContact(2000 + n),
      title: `Enrich contact ${2000 + n}: job title`,
      summary: "Fills the empty job title from the public profile.",
      evidence: [{ label: "Public profile", value: `${JOB_TITLES[n % JOB_TITLES.length]} at Globex` }],
      confidence,
      change: { kind: "fields", changes: [{ field: "jobtitle", label: "Job title", before: null, after: JOB_TITLES[n % JOB_TITLES.length]! }] }
    })
  },
  {
    workflowId: "lead-scoring-tuner",
    perDay: 0.2,
    item: (n, _daysAgo, random) => ({
      confidence: 0.7 + random() * 0.1,
      fate:
        n % 6 === 4
          ? { kind: "reject", reviewMs: seconds(random, 200, 400), reason: "too_risky", text: "MQL shift too large before the quarter closes" }
          : { kind: "approve", reviewMs: seconds(random, 180, 420) }
    }),
    proposal: (n, confidence) => ({
      workflowId: "lead-scoring-tuner",
      agent: agent("scoring-tuner", "3.0.1"),
      target: { platform: "marketo", kind: "program", id: "1001", url: DEMO_URLS.marketoProgram },
      title: `Re-weight the lead score, round ${n + 1}`,
      summary: "Raises the weight of pricing-page visits.",
      evidence: [{ label: "Won deals with pricing visits", value: "71% vs 38% baseline" }],
      confidence,
      change: {
        kind: "scoring",
        modelName: "Behavior score",
        weights: [{ attribute: "Pricing page visit", before: 10, after: 15 + (n % 3) }],
        expectedMqlShiftPct: 4 + (n % 3)
      }
    })
  }
]

/** What the plan needs to know of a workflow to predict the server's decision on creation. */
interface WorkflowState {
  model: OversightModel
  threshold: number
  quorum: number
}

/** Model changes along the way (audited, by the admin): the lead router earned exception-based review. */
const MODEL_CHANGES: { workflowId: string; daysAgo: number; body: WorkflowUpsert }[] = [
  { workflowId: "lead-router", daysAgo: 35, body: { model: "exception", threshold: 0.8 } }
]

/** The workflows as first created, before MODEL_CHANGES. */
function initialWorkflows(): { id: string; body: WorkflowUpsert }[] {
  return DEMO_WORKFLOWS.map(({ id, ...body }) => ({ id, body: id === "lead-router" ? { ...body, model: "monitor" } : body }))
}

/** The dated history, ending before `now`. */
export function demoHistory(now: Date, days = HISTORY_DAYS): DatedHistory {
  const dayStart = (daysAgo: number) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS
  const events: DatedEvent[] = []
  const workflows = new Map<string, WorkflowState>()
  for (const [i, { id, body }] of initialWorkflows().entries()) {
    events.push({ at: new Date(dayStart(days) + 7 * 3_600_000 + i * MINUTE_MS), type: "workflow", by: "admin", workflowId: id, body })
    workflows.set(id, { model: body.model ?? "approve", threshold: body.threshold ?? 0.9, quorum: body.quorum ?? 1 })
  }

  for (const profile of PROFILES) {
    const random = generator(hash(profile.workflowId))
    let n = 0
    for (let daysAgo = days - 1; daysAgo >= 1; daysAgo--) {
      for (const change of MODEL_CHANGES.filter((c) => c.workflowId === profile.workflowId && c.daysAgo === daysAgo)) {
        events.push({ at: new Date(dayStart(daysAgo) + 7 * 3_600_000), type: "workflow", by: "admin", workflowId: change.workflowId, body: change.body })
        const before = workflows.get(change.workflowId)!
        workflows.set(change.workflowId, {
          model: change.body.model ?? before.model,
          threshold: change.body.threshold ?? before.threshold,
          quorum: change.body.quorum ?? before.quorum
        })
      }
      // A whole number of proposals per day whose running total follows `perDay`.
      const index = days - 1 - daysAgo
      const today = Math.floor((index + 1) * profile.perDay) - Math.floor(index * profile.perDay)
      for (let k = 0; k < today; k++, n++) {
        const proposedAt = dayStart(daysAgo) + between(random, 8 * 60, 17 * 60) * MINUTE_MS
        const { confidence, fate } = profile.item(n, daysAgo, random, workflows.get(profile.workflowId)!.model)
        const proposal = profile.proposal(n, Math.round(confidence * 100) / 100)
        events.push(...itemEvents(`${profile.workflowId}-${n}`, proposal, fate, proposedAt, workflows.get(profile.workflowId)!, random))
      }
    }
  }
  // Stable: one item's events keep their order (their times strictly increase anyway).
  return { people: HISTORY_PEOPLE, events: events.sort((a, b) => a.at.getTime() - b.at.getTime()) }
}

function itemEvents(ref: string, proposal: ProposalCreate, fate: Fate, proposedAt: number, workflow: WorkflowState, random: () => number): DatedEvent[] {
  const events: DatedEvent[] = [{ at: new Date(proposedAt), type: "propose", by: "agents", ref, proposal }]
  // What the server will decide on creation, so the plan follows it (a mismatch would fail the seed loudly).
  const created = decideOnCreation({ ...workflow, paused: false }, proposal)
  const autoRuns = fate.kind === "run" || fate.kind === "revert"
  if (autoRuns !== (created.status === "auto_approved"))
    throw new Error(`demo history: ${ref} (confidence ${proposal.confidence}) would be ${created.status} under ${workflow.model}, not ${fate.kind}`)
  // People look at the queue a while after a proposal arrives; the decision lands after they looked at it.
  let at = proposedAt + between(random, 5, 90) * MINUTE_MS
  const decide = (by: Person, decision: Omit<DecisionCreate, "proposalVersion">) => {
    at += (decision.reviewMs ?? 0) + MINUTE_MS
    events.push({ at: new Date(at), type: "decide", by, ref, decision })
  }
  const reviewer = (): Person => (random() < 0.6 ? "ana" : "sam")
  switch (fate.kind) {
    case "approve": {
      const first = reviewer()
      decide(first, { action: "approve", reviewMs: fate.reviewMs })
      // A quorum of two: the other reviewer approves too.
      if (workflow.quorum >= 2) decide(first === "ana" ? "sam" : "ana", { action: "approve", reviewMs: Math.round(fate.reviewMs * 0.8) })
      break
    }
    case "edit":
      decide(reviewer(), { action: "edit", edits: fate.edits, reviewMs: fate.reviewMs })
      break
    case "reject":
      decide(reviewer(), { action: "reject", reason: { code: fate.reason, ...(fate.text ? { text: fate.text } : {}) }, reviewMs: fate.reviewMs })
      break
    case "run":
    case "revert":
      events.push({ at: new Date(proposedAt + 2 * MINUTE_MS), type: "execute", by: "agents", ref })
      if (fate.kind === "revert") {
        // Found in the daily summary's spot-check, hours later.
        at = proposedAt + between(random, 3, 6) * 60 * MINUTE_MS
        decide(reviewer(), { action: "revert", reason: { code: fate.reason, ...(fate.text ? { text: fate.text } : {}) }, reviewMs: fate.reviewMs })
      }
      break
  }
  return events
}

function hash(text: string): number {
  let h = 2_166_136_261
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16_777_619)
  return h >>> 0
}
