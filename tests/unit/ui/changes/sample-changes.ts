import type { BulkChange, ContentChange, FieldsChange, FlowChange, RoutingChange, ScoringChange, SegmentChange } from "~src/domain"

/** One realistic change per kind, shared by the change-view and panel tests. */
export const contentText: ContentChange = {
  kind: "content",
  field: "subject",
  format: "text",
  before: "Meet the spring line-up",
  after: "Meet our brand-new spring line-up"
}

export const contentHostileHtml: ContentChange = {
  kind: "content",
  field: "body",
  format: "html",
  before: "<p>Hello</p>",
  after:
    '<p>Hello <b>friend</b></p><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">' +
    '<a href="javascript:window.__pwned=3">click</a><div style="position:fixed;inset:0;z-index:2147483647">overlay</div>' +
    '<meta http-equiv="Content-Security-Policy" content="default-src *"><form action="https://evil.example"><input name="q"></form>'
}

export const fields: FieldsChange = {
  kind: "fields",
  changes: [
    { field: "jobtitle", label: "Job title", before: "vp mktg", after: "VP Marketing" },
    { field: "employees", label: "Employees", before: null, after: 250 },
    { field: "gdpr_consent", label: "GDPR consent", before: false, after: true }
  ]
}

export const bulk: BulkChange = {
  kind: "bulk",
  objectType: "contact",
  rule: "Normalize job titles to the standard title list",
  totalRecords: 100_000,
  sample: Array.from({ length: 25 }, (_, i) => ({
    recordId: `c-${i + 1}`,
    before: { jobtitle: `vp mktg ${i + 1}` },
    after: { jobtitle: `VP Marketing ${i + 1}` }
  }))
}

export const segment: SegmentChange = {
  kind: "segment",
  name: "Engaged EMEA buyers",
  criteria: "region = EMEA AND opened_email_30d >= 2",
  estimatedSize: 4_000,
  overlaps: [{ segmentId: "s-1", name: "Newsletter subscribers", sharedCount: 1_000 }],
  complianceNotes: ["Excludes contacts without GDPR consent"]
}

export const scoring: ScoringChange = {
  kind: "scoring",
  modelName: "Lead score v3",
  weights: [
    { attribute: "Visited pricing page", before: 10, after: 15 },
    { attribute: "Job title contains intern", before: -2, after: -5 },
    { attribute: "Opened email", before: 3, after: 3 }
  ],
  expectedMqlShiftPct: 12.5
}

export const flow: FlowChange = {
  kind: "flow",
  steps: [
    { op: "add", stepId: "s4", description: "Send reminder email", after: "Wait 2 days, then send 'Reminder'" },
    { op: "remove", stepId: "s2", description: "Delay 1 day" },
    { op: "change", stepId: "s3", description: "Branch on email open", before: "opened within 7 days", after: "opened within 3 days" }
  ]
}

export const routing: RoutingChange = {
  kind: "routing",
  chosen: { id: "u-7", name: "Dana (EMEA enterprise)" },
  alternatives: [
    { id: "q-1", name: "SDR queue", score: 0.41 },
    { id: "u-3", name: "Sam (EMEA mid-market)", score: 0.72 }
  ],
  escalationReason: "Account owner is on leave; tie between two territories"
}
