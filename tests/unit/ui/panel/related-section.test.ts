import { describe, expect, it } from "vitest"
import { belongsTo, relatedSectionNote } from "~src/ui/panel/related-section"
import { proposal } from "./fake-background"

const campaign = { platform: "hubspot", kind: "campaign", id: "c-1" } as const
const child = () => proposal({ target: { platform: "hubspot", kind: "email", id: "1100", parents: [{ kind: "campaign", id: "c-1" }] } })
const linked = () => proposal({ target: { platform: "hubspot", kind: "0-35", id: "c-1" } })

describe("the Related section's note", () => {
  it("says the items are in the entity on screen when every related proposal belongs to it", () => {
    expect(relatedSectionNote(campaign, [child(), child()])).toBe("Proposals for items in this campaign")
  })

  it("says the records are linked to the page when none belongs to it", () => {
    expect(relatedSectionNote(campaign, [linked()])).toBe("Proposals for records linked to this page")
  })

  it("says both when the section holds both", () => {
    expect(relatedSectionNote(campaign, [child(), linked()])).toBe("Proposals for items in this campaign and for records linked to this page")
  })

  it("names the kind as a noun", () => {
    const smartList = { platform: "marketo", kind: "smart-list", id: "2001" } as const
    const p = proposal({ target: { platform: "marketo", kind: "email", id: "1", parents: [{ kind: "smart-list", id: "2001" }] } })
    expect(relatedSectionNote(smartList, [p])).toBe("Proposals for items in this smart list")
  })
})

describe("belongsTo", () => {
  it("needs the same platform: a parent names an entity on the target's own platform", () => {
    const onMarketo = proposal({ target: { platform: "marketo", kind: "email", id: "1100", parents: [{ kind: "campaign", id: "c-1" }] } })
    expect(belongsTo(onMarketo, campaign)).toBe(false)
    expect(belongsTo(child(), campaign)).toBe(true)
  })
})
