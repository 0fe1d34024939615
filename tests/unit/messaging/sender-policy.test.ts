import { describe, expect, it } from "vitest"
import type { MessageType } from "~src/messaging/messages"
import { Responses } from "~src/messaging/messages"
import { authorize, classifySender, CONTENT_SCRIPT_MESSAGES, PANEL_FRAME_MESSAGES } from "~src/messaging/sender-policy"

const self = { runtimeId: "signoffid", extensionBaseUrl: "chrome-extension://signoffid/" }
const ALL_TYPES = Object.keys(Responses) as MessageType[]
const HUBSPOT_TAB = { id: 7, url: "https://app.hubspot.com/contacts/1/record/0-1/2" }

describe("classifySender", () => {
  it("recognises the popup and options page as extension pages", () => {
    expect(classifySender({ id: "signoffid", url: "chrome-extension://signoffid/popup.html" }, self)).toBe("extension-page")
  })

  it("recognises an extension page opened in a tab as an extension page, not a content script", () => {
    expect(classifySender({ id: "signoffid", url: "chrome-extension://signoffid/options.html", tab: { id: 4 }, frameId: 0 }, self)).toBe("extension-page")
  })

  it("recognises the panel page as a panel frame wherever it runs, even loaded on its own", () => {
    expect(classifySender({ id: "signoffid", url: "chrome-extension://signoffid/tabs/panel.html", tab: HUBSPOT_TAB, frameId: 5 }, self)).toBe("panel-frame")
    expect(classifySender({ id: "signoffid", url: "chrome-extension://signoffid/tabs/panel.html?x=1", tab: HUBSPOT_TAB, frameId: 0 }, self)).toBe("panel-frame")
  })

  it("recognises a content script by its tab and page URL, in the top frame only", () => {
    expect(classifySender({ id: "signoffid", url: HUBSPOT_TAB.url, tab: HUBSPOT_TAB, frameId: 0 }, self)).toBe("content-script")
    expect(classifySender({ id: "signoffid", url: "https://ads.example/frame", tab: HUBSPOT_TAB, frameId: 9 }, self)).toBe("foreign")
  })

  it("treats another extension as foreign even when it claims our URL", () => {
    expect(classifySender({ id: "otherid", url: "chrome-extension://signoffid/popup.html" }, self)).toBe("foreign")
  })

  it("treats a sender without a tab or extension URL as foreign", () => {
    expect(classifySender({ id: "signoffid", url: "https://evil.example/" }, self)).toBe("foreign")
    expect(classifySender({}, self)).toBe("foreign")
  })
})

describe("authorize", () => {
  it("lets extension pages send every message type", () => {
    for (const type of ALL_TYPES) expect(authorize("extension-page", type, false)).toEqual({ allowed: true })
  })

  it("lets a content script ask only for the launcher's state and a panel session: it never sees a proposal", () => {
    const allowed = ALL_TYPES.filter((type) => authorize("content-script", type, true).allowed)
    expect(allowed.sort()).toEqual(["launcher.status", "panel.session"])
  })

  it("lets a panel frame send exactly the panel's messages", () => {
    const allowed = ALL_TYPES.filter((type) => authorize("panel-frame", type, true).allowed)
    expect(allowed.sort()).toEqual(
      // proposal.history (issue 13): the decision history of a proposal the page shows (the handler checks which).
      [
        "decision.dismiss",
        "decision.submit",
        "panel.claim",
        "panel.focusRequest",
        "proposal.history",
        "proposals.forEntity",
        "settings.get",
        "sync.now",
        "sync.status"
      ].sort()
    )
  })

  it.each([
    "api.call",
    "settings.save",
    "workflows.update",
    "workflows.list",
    "me.get",
    "proposal.open",
    "proposal.get",
    "proposals.queue",
    "proposals.queueHead",
    "summary.get",
    "deadlines.get"
  ] as MessageType[])("refuses %s from a content script and from a panel frame", (type) => {
    expect(authorize("content-script", type, true).allowed).toBe(false)
    expect(authorize("panel-frame", type, true).allowed).toBe(false)
  })

  it("refuses even allowed types from a tab on a host Signoff does not run on", () => {
    for (const type of CONTENT_SCRIPT_MESSAGES) expect(authorize("content-script", type, false).allowed).toBe(false)
    for (const type of PANEL_FRAME_MESSAGES) expect(authorize("panel-frame", type, false).allowed).toBe(false)
  })

  it("refuses everything from a foreign sender", () => {
    for (const type of ALL_TYPES) expect(authorize("foreign", type, true).allowed).toBe(false)
  })
})
