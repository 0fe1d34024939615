// @vitest-environment jsdom
import "./rtl-cleanup"
import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { CHANGE_KINDS } from "~src/domain"
import { FlowChangeView } from "~src/ui/changes/flow"
import { CHANGE_UI, ChangeView } from "~src/ui/changes/registry"
import { RoutingChangeView } from "~src/ui/changes/routing"
import { ScoringChangeView } from "~src/ui/changes/scoring"
import { SegmentChangeView } from "~src/ui/changes/segment"
import { bulk, contentText, fields, flow, routing, scoring, segment } from "./sample-changes"

describe("SegmentChangeView", () => {
  it("shows criteria, estimated size, overlaps with their share, and compliance notes", () => {
    render(<SegmentChangeView change={segment} />)
    expect(screen.getByText(segment.criteria)).toBeTruthy()
    expect(screen.getByText("4,000 records")).toBeTruthy()
    const overlap = screen.getByRole("row", { name: /Newsletter subscribers/ })
    expect(
      within(overlap)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["1,000", "25%"])
    expect(within(screen.getByRole("region", { name: "Compliance notes" })).getByText("Excludes contacts without GDPR consent")).toBeTruthy()
  })

  it("says so when nothing overlaps", () => {
    render(<SegmentChangeView change={{ ...segment, overlaps: [], complianceNotes: [] }} />)
    expect(screen.getByText("No overlap with existing segments.")).toBeTruthy()
    expect(screen.queryByRole("region", { name: "Compliance notes" })).toBeNull()
  })
})

describe("ScoringChangeView", () => {
  it("shows each weight before → after with a signed delta", () => {
    render(<ScoringChangeView change={scoring} />)
    const cells = (name: RegExp) =>
      within(screen.getByRole("row", { name }))
        .getAllByRole("cell")
        .map((c) => c.textContent)
    expect(cells(/pricing/)).toEqual(["10", "15", "+5"])
    expect(cells(/intern/)).toEqual(["-2", "-5", "−3"])
    expect(cells(/Opened/)).toEqual(["3", "3", "0"])
  })

  it("leads with the expected MQL volume shift", () => {
    render(<ScoringChangeView change={scoring} />)
    expect(screen.getByText("+12.5%")).toBeTruthy()
  })
})

describe("FlowChangeView", () => {
  it("counts and labels steps added, removed and changed", () => {
    render(<FlowChangeView change={flow} />)
    expect(screen.getByText("1 added · 1 removed · 1 changed")).toBeTruthy()
    const items = screen.getAllByRole("listitem").map((li) => li.textContent)
    expect(items[0]).toMatch(/^Added Send reminder email/)
    expect(items[1]).toMatch(/^Removed Delay 1 day/)
    expect(items[2]).toContain("opened within 7 days → opened within 3 days")
  })
})

describe("RoutingChangeView", () => {
  it("shows the chosen owner, why it escalated, and alternatives best first", () => {
    render(<RoutingChangeView change={routing} />)
    expect(screen.getByText("Dana (EMEA enterprise)")).toBeTruthy()
    expect(screen.getByText(routing.escalationReason!)).toBeTruthy()
    expect(screen.getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["Sam (EMEA mid-market)", "SDR queue"])
  })
})

describe("change registry", () => {
  it("has a view for every change kind in the schema", () => {
    expect(Object.keys(CHANGE_UI).sort()).toEqual([...CHANGE_KINDS].sort())
  })

  it.each([contentText, fields, bulk, segment, scoring, flow, routing])("renders a $kind change through ChangeView", (change) => {
    const { container } = render(<ChangeView change={change} />)
    expect(container.querySelector(`.change-${change.kind}`)).not.toBeNull()
  })
})
