import { describe, expect, it } from "vitest"
import type { DeadlineSettings } from "~src/domain/deadlines"
import { deadlineDraftOf, deadlineUpdateOf } from "~src/ui/options/deadline-form"
import { feedbackFileName, feedbackQuery, jsonlRecords } from "~src/ui/options/feedback-export"

const settings: DeadlineSettings = { defaultExpiryHours: { approve: 72, monitor: null, exception: 24 }, reminderShare: 0.8 }

describe("the Deadlines form", () => {
  it("shows hours per tier (empty for none) and the reminder share in percent", () => {
    expect(deadlineDraftOf(settings)).toEqual({ hours: { approve: "72", monitor: "", exception: "24" }, reminderPercent: "80" })
  })

  it("sends only what changed; an emptied tier removes its default", () => {
    const draft = deadlineDraftOf(settings)
    expect(deadlineUpdateOf(settings, draft)).toEqual({ ok: true, update: null })
    expect(deadlineUpdateOf(settings, { ...draft, hours: { ...draft.hours, approve: "", monitor: "12" } })).toEqual({
      ok: true,
      update: { defaultExpiryHours: { approve: null, monitor: 12 } }
    })
    expect(deadlineUpdateOf(settings, { ...draft, reminderPercent: "50" })).toEqual({ ok: true, update: { reminderShare: 0.5 } })
  })

  it("refuses hours that are not whole, positive and under a year, and shares outside 1–99%", () => {
    const draft = deadlineDraftOf(settings)
    expect(deadlineUpdateOf(settings, { ...draft, hours: { ...draft.hours, exception: "1.5" } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Exception based: /)
    })
    expect(deadlineUpdateOf(settings, { ...draft, hours: { ...draft.hours, exception: "0" } })).toMatchObject({ ok: false })
    expect(deadlineUpdateOf(settings, { ...draft, hours: { ...draft.hours, exception: "9000" } })).toMatchObject({ ok: false })
    for (const reminderPercent of ["0", "100", "", "80.5"])
      expect(deadlineUpdateOf(settings, { ...draft, reminderPercent })).toMatchObject({ ok: false, message: expect.stringMatching(/^Reminder/) })
  })
})

describe("the feedback export", () => {
  it("asks for one workflow since local midnight of the chosen day, or everything", () => {
    const query = new URL(feedbackQuery("lead-router", "2026-11-01"), "http://x")
    expect(query.pathname).toBe("/v1/feedback")
    expect(query.searchParams.get("workflowId")).toBe("lead-router")
    expect(query.searchParams.get("since")).toBe(new Date("2026-11-01T00:00:00").toISOString())
    expect(feedbackQuery("", "")).toBe("/v1/feedback")
  })

  it("names the file after what it holds", () => {
    expect(feedbackFileName("lead-router", "2026-11-01")).toBe("signoff-feedback-lead-router-since-2026-11-01.jsonl")
    expect(feedbackFileName("", "")).toBe("signoff-feedback.jsonl")
  })

  it("counts the records of a JSONL text", () => {
    expect(jsonlRecords('{"a":1}\n{"a":2}\n')).toBe(2)
    expect(jsonlRecords("")).toBe(0)
  })
})
