import { describe, expect, it } from "vitest"
import { CHANGE_KINDS, ProposalCreate, type Change } from "~src/domain"

const base = {
  workflowId: "email-copy",
  agent: { name: "copywriter", version: "2.1.0" },
  target: { platform: "hubspot", kind: "email", id: "5511", url: "https://app.hubspot.com/email/4410021/edit/5511" },
  title: "Sharper subject line",
  summary: "Shorter subject with the offer up front",
  evidence: [{ label: "Open rate last 30 days", value: "18.2%", source: "HubSpot email analytics" }],
  confidence: 0.82
}

const oneOfEachKind: Record<Change["kind"], Change> = {
  content: { kind: "content", field: "subject", format: "text", before: "Our spring newsletter", after: "20% off ends Friday" },
  fields: { kind: "fields", changes: [{ field: "jobtitle", label: "Job title", before: "vp mktg", after: "VP Marketing" }] },
  bulk: {
    kind: "bulk",
    objectType: "contact",
    rule: "Normalize job titles to the standard list",
    totalRecords: 100_000,
    sample: [{ recordId: "101", before: { jobtitle: "vp mktg" }, after: { jobtitle: "VP Marketing" } }]
  },
  segment: {
    kind: "segment",
    name: "Engaged EMEA trialists",
    criteria: "region = EMEA AND trial_started < 14d AND sessions >= 3",
    estimatedSize: 4200,
    overlaps: [{ segmentId: "77", name: "EMEA newsletter", sharedCount: 1800 }],
    complianceNotes: ["GDPR: consent required for marketing email"]
  },
  scoring: {
    kind: "scoring",
    modelName: "Default MQL model",
    weights: [{ attribute: "webinar_attended", before: 10, after: 15 }],
    expectedMqlShiftPct: 12.5
  },
  flow: { kind: "flow", steps: [{ op: "add", stepId: "s4", description: "Wait 2 days before the follow-up" }] },
  routing: {
    kind: "routing",
    chosen: { id: "u42", name: "Ana Ruiz" },
    alternatives: [{ id: "q-emea", name: "EMEA queue", score: 0.41 }],
    escalationReason: "Territory rule conflict"
  }
}

describe("ProposalCreate", () => {
  it.each(CHANGE_KINDS)("accepts a well-formed %s proposal", (kind) => {
    expect(ProposalCreate.safeParse({ ...base, change: oneOfEachKind[kind] }).success).toBe(true)
  })

  it("covers every change kind in this test", () => {
    expect(Object.keys(oneOfEachKind).sort()).toEqual([...CHANGE_KINDS].sort())
  })

  it("rejects unknown top-level fields", () => {
    const r = ProposalCreate.safeParse({ ...base, change: oneOfEachKind.content, status: "approved" })
    expect(r.success).toBe(false)
  })

  it("rejects unknown fields inside a change", () => {
    const r = ProposalCreate.safeParse({ ...base, change: { ...oneOfEachKind.content, script: "x" } })
    expect(r.success).toBe(false)
  })

  it.each([-0.01, 1.01, Number.NaN])("rejects confidence %s outside 0..1", (confidence) => {
    expect(ProposalCreate.safeParse({ ...base, confidence, change: oneOfEachKind.fields }).success).toBe(false)
  })

  it("rejects a bulk sample larger than its total", () => {
    const sample = [1, 2, 3].map((n) => ({ recordId: String(n), before: {}, after: {} }))
    const r = ProposalCreate.safeParse({ ...base, change: { ...oneOfEachKind.bulk, totalRecords: 2, sample } })
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues[0].path).toEqual(["change", "sample"])
  })

  it("rejects an unknown change kind", () => {
    expect(ProposalCreate.safeParse({ ...base, change: { kind: "teleport" } }).success).toBe(false)
  })

  it("rejects an unknown platform and a non-URL target url", () => {
    expect(ProposalCreate.safeParse({ ...base, target: { ...base.target, platform: "myspace" }, change: oneOfEachKind.fields }).success).toBe(false)
    expect(ProposalCreate.safeParse({ ...base, target: { ...base.target, url: "not a url" }, change: oneOfEachKind.fields }).success).toBe(false)
  })

  it("rejects titles over 200 characters", () => {
    expect(ProposalCreate.safeParse({ ...base, title: "x".repeat(201), change: oneOfEachKind.fields }).success).toBe(false)
  })

  it("rejects workflow ids with spaces or slashes", () => {
    for (const workflowId of ["email copy", "a/b", ""]) {
      expect(ProposalCreate.safeParse({ ...base, workflowId, change: oneOfEachKind.fields }).success).toBe(false)
    }
  })
})
