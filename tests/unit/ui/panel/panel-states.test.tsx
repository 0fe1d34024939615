// @vitest-environment jsdom
import "../changes/rtl-cleanup"
import { screen, waitFor, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import type { Entity } from "~src/domain"
import type { Ask } from "~src/ui/query-client"
import { contentText } from "../changes/sample-changes"
import { fakeBackground, onlineStatus, proposal, workflow } from "./fake-background"
import { openPanel, renderPanel } from "./render-panel"

describe("panel states", () => {
  it("says when it cannot read the page", async () => {
    renderPanel(fakeBackground({ proposals: [] }), { entity: null })
    const panel = await openPanel()
    expect(panel.textContent).toContain("Signoff can't read this page")
    expect(panel.textContent).toContain("No record on this page")
  })

  it("tells how to connect when the extension is not connected", async () => {
    renderPanel(fakeBackground({ proposals: [], status: { ...onlineStatus, configured: false } }))
    const panel = await openPanel()
    expect(panel.textContent).toContain("Open Signoff options to connect")
  })

  it("says so when the extension worker does not answer", async () => {
    const ask = (async () => {
      // What ask throws when the worker is gone (BackgroundError "no_reply"); the real one needs chrome.runtime.
      throw new Error("The Signoff background worker did not answer")
    }) as Ask
    renderPanel({ ...fakeBackground({ proposals: [] }), ask })
    const panel = await openPanel()
    expect(within(panel).getByRole("alert").textContent).toContain("did not answer")
  })

  it("names the entity and its tenant in the header", async () => {
    renderPanel(fakeBackground({ proposals: [] }))
    const panel = await openPanel()
    expect(panel.textContent).toContain("HubSpot contact 101 · portal 4410021")
  })

  it("shows an empty state naming the kind of thing on screen", async () => {
    const { user } = renderPanel(fakeBackground({ proposals: [] }))
    const panel = await openPanel(user)
    expect(panel.textContent).toContain("No AI proposals for this contact.")
  })

  it("shows offline sync status and queued decisions as queued (offline)", async () => {
    const { user } = renderPanel(
      fakeBackground({
        proposals: [proposal({ local: { pendingAction: "approve" } }), proposal()],
        status: { ...onlineStatus, online: false, outboxSize: 1 }
      })
    )
    const panel = await openPanel(user)
    expect(panel.textContent).toContain("Offline")
    expect(panel.textContent).toContain("Decisions are queued (1 waiting)")
    expect(within(panel).getByText("Approval queued (offline)")).toBeTruthy()
  })

  it("leads each proposal with its impact, then title and summary, and shows who/why/how sure", async () => {
    const p = proposal({
      impact: [{ metric: "contacts crossing the MQL threshold", value: 1243 }],
      risk: { customerData: true, bulk: true },
      workflowId: "scoring",
      change: contentText
    })
    const { user } = renderPanel(fakeBackground({ proposals: [p], workflows: [workflow("scoring", "approve", { name: "Lead scoring" })] }))
    const panel = await openPanel(user)
    const card = within(panel).getByRole("article", { name: p.title })
    // The first item opens in an effect after the list renders: read the card once it is open.
    await within(card).findByRole("button", { name: p.title, expanded: true })
    const text = card.textContent!
    expect(text.indexOf("1,243")).toBeLessThan(text.indexOf(p.title))
    expect(text.indexOf(p.title)).toBeLessThan(text.indexOf(p.summary))
    expect(text).toContain("copywriter")
    expect(text).toContain("Lead scoring · Approve before execute")
    expect(text).toContain("82%")
    expect(text).toContain("Open rate last 90 days")
    expect(text).toContain(p.rationale!)
    expect(within(card).getByRole("list", { name: "Risk flags" }).textContent).toBe("Customer dataBulk change")
  })

  it("lists related proposals under the current ones", async () => {
    const current = proposal({ title: "Subject line for this email" })
    const related = proposal({ title: "Campaign budget shift" })
    const { user } = renderPanel(fakeBackground({ proposals: [current], related: [related] }))
    const panel = await openPanel(user)
    const section = within(panel).getByRole("region", { name: "Related" })
    expect(within(section).getByText("Campaign budget shift")).toBeTruthy()
    const text = panel.textContent!
    expect(text.indexOf("Subject line for this email")).toBeLessThan(text.indexOf("Campaign budget shift"))
  })

  it("says under the Related heading that a campaign's section holds the proposals for its items", async () => {
    const campaign: Entity = { platform: "hubspot", kind: "campaign", id: "c-1", label: "HubSpot campaign" }
    const own = proposal({ title: "Campaign budget shift", target: { platform: "hubspot", kind: "campaign", id: "c-1" } })
    const email = proposal({
      title: "Subject line for the launch email",
      target: { platform: "hubspot", kind: "email", id: "1100", parents: [{ kind: "campaign", id: "c-1" }] }
    })
    const { user } = renderPanel(fakeBackground({ proposals: [own], related: [email] }), { entity: campaign })
    const panel = await openPanel(user)
    const section = within(panel).getByRole("region", { name: "Related" })
    expect(section.getAttribute("aria-describedby")).toBe("signoff-related-note")
    expect(within(section).getByText("Proposals for items in this campaign")).toBeTruthy()
    expect(within(section).getByText("Subject line for the launch email")).toBeTruthy()
  })

  it("opens on the proposal the popup asked to focus", async () => {
    const [a, b] = [proposal(), proposal()]
    renderPanel(fakeBackground({ proposals: [a, b], focusProposalId: b.id }))
    await screen.findByRole("complementary", { name: "Signoff review panel" })
    await waitFor(() => expect(screen.getByRole("button", { name: b.title }).getAttribute("aria-expanded")).toBe("true"))
  })

  it("re-reads the tab's proposals when the content script says the page moved", async () => {
    const first = proposal({ title: "For the contact" })
    const bg = fakeBackground({ proposals: [first] })
    const { navigate } = renderPanel(bg)
    await screen.findByRole("button", { name: "For the contact" })
    const company: Entity = { platform: "hubspot", tenant: "4410021", kind: "company", id: "5001", label: "HubSpot company 5001" }
    bg.state.proposals = []
    navigate(company)
    await screen.findByText("No AI proposals for this company.")
    expect(screen.queryByRole("button", { name: "For the contact" })).toBeNull()
    expect(bg.forEntityCalls()).toBe(2)
    // The panel asks for "this tab", never for an entity it names itself: the background decides from the tab's URL.
    expect(bg.messages.filter((m) => m.type === "proposals.forEntity").every((m) => !("entity" in m))).toBe(true)
  })

  it("asks again while the background still reads the previous URL of the tab (right after a pushState)", async () => {
    const page = "https://app.hubspot.com/contacts/4410021/record/0-1/101"
    const bg = fakeBackground({
      proposals: [proposal({ title: "For the contact" })],
      tabUrls: ["https://app.hubspot.com/contacts/4410021/record/0-1/99", page]
    })
    renderPanel(bg, { pageUrl: page })
    await screen.findByRole("button", { name: "For the contact" })
    expect(bg.forEntityCalls()).toBe(2)
  })

  it("says when the agent did not state the record's portal", async () => {
    const unstated = proposal({ title: "Tenantless", target: { platform: "hubspot", kind: "contact", id: "101" } })
    const stated = proposal({ title: "Stated", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" } })
    renderPanel(fakeBackground({ proposals: [unstated, stated] }))
    const panel = await openPanel()
    expect(within(panel).getByRole("article", { name: "Tenantless" }).textContent).toContain("portal not stated by the agent")
    expect(within(panel).getByRole("article", { name: "Stated" }).textContent).not.toContain("not stated")
  })
})
