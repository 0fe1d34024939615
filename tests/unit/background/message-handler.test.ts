import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { createApiClient } from "~src/api"
import { SignoffDatabase, toCachedProposal } from "~src/db"
import { createMessageHandler } from "~background/handlers"
import { Responses } from "~src/messaging/messages"
import { createPanelSessions, memorySessionStore } from "~src/messaging/panel-sessions"
import { createSyncEngine } from "~src/sync"
import { makeProposal } from "~tests/support/proposals"

const identity = { runtimeId: "signoffid", extensionBaseUrl: "chrome-extension://signoffid/" }
const popup = { id: "signoffid", url: "chrome-extension://signoffid/popup.html" }
const CONTACT_101 = "https://app.hubspot.com/contacts/4410021/record/0-1/101"
/** Signoff's content script in a HubSpot tab (top frame). */
const hubspotTab = { id: "signoffid", url: CONTACT_101, frameId: 0, tab: { id: 7, url: CONTACT_101 } }
/** The panel page framed in that tab. */
const panelIn = (tab: { id: number; url: string }, documentId = "DOC-1") => ({
  id: "signoffid",
  url: "chrome-extension://signoffid/tabs/panel.html",
  frameId: 5,
  documentId,
  tab
})
const panel = panelIn(hubspotTab.tab)
const TOKEN = "rev_secret_token_abcd"

let db: SignoffDatabase
let openedTabs: string[]
let handle: ReturnType<typeof createMessageHandler>
let engine: ReturnType<typeof createSyncEngine>

beforeEach(async () => {
  db = new SignoffDatabase(`handler-${crypto.randomUUID()}`)
  openedTabs = []
  // No server in unit tests: every request fails like a refused connection.
  const createApi = (s: { serverUrl: string; token: string }) =>
    createApiClient({ baseUrl: s.serverUrl, token: s.token, fetch: async () => Promise.reject(new TypeError("fetch failed")) })
  engine = createSyncEngine({ db, createApi })
  handle = createMessageHandler({
    db,
    engine,
    createApi,
    browser: {
      identity,
      contentScriptPatterns: async () => ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"],
      customHosts: async () => [],
      openTab: async (url) => {
        openedTabs.push(url)
        return 42
      }
    },
    panelSessions: createPanelSessions(memorySessionStore())
  })
})

/** Settings saved on the options page: a server and a token (decisions are queued under that account). */
const connect = () => handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: TOKEN }, popup)

/** What the content script and its frame do before the frame may ask anything. */
async function linkPanel(frame: ReturnType<typeof panelIn>) {
  const contentScript = { ...hubspotTab, url: frame.tab.url, tab: frame.tab }
  const minted = await handle({ type: "panel.session" }, contentScript)
  if (!minted.ok) throw new Error(minted.error.message)
  const claimed = await handle({ type: "panel.claim", session: (minted.data as { session: string }).session }, frame)
  if (!claimed.ok) throw new Error(claimed.error.message)
}

afterEach(async () => {
  await engine.whenIdle()
  await db.delete()
})

describe("message validation", () => {
  it("answers a message of unknown type with an error instead of throwing", async () => {
    expect(await handle({ type: "proposals.delete" }, popup)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })

  it("rejects unknown fields on a known message", async () => {
    expect(await handle({ type: "sync.status", extra: 1 }, popup)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })

  it("rejects a decision that the API would refuse (a rejection without a reason)", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" })))
    const reply = await handle({ type: "decision.submit", decision: { proposalId: "P1", action: "reject", proposalVersion: 1 } }, popup)
    expect(reply).toMatchObject({ ok: false, error: { code: "bad_request" } })
    expect(await db.outbox.count()).toBe(0)
  })

  it("answers non-objects with an error", async () => {
    expect((await handle("sync.now", popup)).ok).toBe(false)
    expect((await handle(null, popup)).ok).toBe(false)
  })
})

describe("sender checks", () => {
  it("refuses messages from another extension", async () => {
    expect(await handle({ type: "sync.status" }, { id: "intruder", url: "chrome-extension://intruder/x.html" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" }
    })
  })

  it("refuses a content script running on a page Signoff does not inject into", async () => {
    const evil = "https://evil.example/"
    const reply = await handle({ type: "launcher.status", url: evil }, { id: "signoffid", url: evil, frameId: 0, tab: { id: 3, url: evil } })
    expect(reply).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it("refuses the API proxy, proposals and decisions to a content script on a supported page", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1", target: { platform: "hubspot", kind: "contact", id: "101" } })))
    for (const message of [
      { type: "api.call", method: "GET", path: "/v1/me" },
      { type: "proposals.forEntity" },
      { type: "decision.submit", decision: { proposalId: "P1", action: "approve", proposalVersion: 1 } },
      { type: "settings.get" }
    ])
      expect(await handle(message, hubspotTab)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await db.outbox.count()).toBe(0)
  })
})

describe("the launcher", () => {
  it("gets the count for what its tab's URL shows, read by the background, and no proposal", async () => {
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: TOKEN }, popup)
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "A", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "B", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" }, status: "approved" })),
      toCachedProposal(makeProposal({ id: "OTHER-PORTAL", target: { platform: "hubspot", tenant: "9990001", kind: "contact", id: "101" } }))
    ])
    const reply = await handle({ type: "launcher.status", url: CONTACT_101 }, hubspotTab)
    expect(reply).toEqual({ ok: true, data: { state: { kind: "ready", toReview: 1 }, url: CONTACT_101, openPanel: false } })
  })

  it("says it cannot read a page whose URL names no entity, and not connected before settings", async () => {
    const settingsPage = "https://app.hubspot.com/settings/4410021/users"
    const onSettings = { ...hubspotTab, url: settingsPage, tab: { id: 7, url: settingsPage } }
    expect(await handle({ type: "launcher.status", url: settingsPage }, onSettings)).toMatchObject({ ok: true, data: { state: { kind: "unreadable" } } })
    expect(await handle({ type: "launcher.status", url: CONTACT_101 }, hubspotTab)).toMatchObject({ ok: true, data: { state: { kind: "not-configured" } } })
  })
})

describe("the panel frame", () => {
  it("is refused everything but a claim until it holds a session its tab's content script got", async () => {
    expect(await handle({ type: "proposals.forEntity" }, panel)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await handle({ type: "panel.claim", session: "guessed" }, panel)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    await linkPanel(panel)
    expect(await handle({ type: "proposals.forEntity" }, panel)).toMatchObject({ ok: true })
  })

  it("cannot use a session minted for another tab, nor reuse one", async () => {
    const minted = await handle({ type: "panel.session" }, { ...hubspotTab, tab: { ...hubspotTab.tab, id: 8 } })
    const session = (minted as { data: { session: string } }).data.session
    expect(await handle({ type: "panel.claim", session }, panel)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    await linkPanel(panel)
    const another = panelIn(hubspotTab.tab, "DOC-OTHER")
    expect(await handle({ type: "proposals.forEntity" }, another)).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })

  it("gets the proposals of its tab's URL, whatever entity it names", async () => {
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "HERE", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "ELSEWHERE", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "202" } }))
    ])
    await linkPanel(panel)
    const reply = await handle({ type: "proposals.forEntity", entity: { platform: "hubspot", kind: "contact", id: "202" } }, panel)
    const data = (reply as { data: { entity: { id: string; tenant: string }; proposals: { id: string }[] } }).data
    expect(data.entity).toMatchObject({ id: "101", tenant: "4410021" })
    expect(data.proposals.map((p) => p.id)).toEqual(["HERE"])
  })

  it("cannot decide a proposal its page does not show: refused before the outbox", async () => {
    await connect()
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "HERE", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "ELSEWHERE", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "202" } }))
    ])
    await linkPanel(panel)
    const refused = await handle({ type: "decision.submit", decision: { proposalId: "ELSEWHERE", action: "approve", proposalVersion: 1 } }, panel)
    expect(refused).toMatchObject({ ok: false, error: { code: "not_on_this_page" } })
    expect(await handle({ type: "decision.dismiss", proposalId: "ELSEWHERE" }, panel)).toMatchObject({ ok: false, error: { code: "not_on_this_page" } })
    expect(await db.outbox.count()).toBe(0)
    expect(await handle({ type: "decision.submit", decision: { proposalId: "HERE", action: "approve", proposalVersion: 1 } }, panel)).toMatchObject({
      ok: true
    })
    expect(await db.outbox.count()).toBe(1)
  })

  it("keeps two portals' contact 101 apart: each tab sees and decides only its own", async () => {
    const portalB = "https://app.hubspot.com/contacts/7770002/record/0-1/101"
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "A", target: { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "B", target: { platform: "hubspot", tenant: "7770002", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "UNSTATED", target: { platform: "hubspot", kind: "contact", id: "101" } }))
    ])
    const panelB = panelIn({ id: 9, url: portalB }, "DOC-B")
    await linkPanel(panel)
    await linkPanel(panelB)
    const ids = async (frame: typeof panel) =>
      ((await handle({ type: "proposals.forEntity" }, frame)) as { data: { proposals: { id: string }[] } }).data.proposals.map((p) => p.id).sort()
    expect(await ids(panel)).toEqual(["A", "UNSTATED"])
    expect(await ids(panelB)).toEqual(["B", "UNSTATED"])
    expect(await handle({ type: "decision.submit", decision: { proposalId: "A", action: "approve", proposalVersion: 1 } }, panelB)).toMatchObject({
      ok: false,
      error: { code: "not_on_this_page" }
    })
    expect(await db.outbox.count()).toBe(0)
  })
})

describe("settings", () => {
  it("never returns the token, only a masked hint, to any sender", async () => {
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: TOKEN }, popup)
    await linkPanel(panel)
    for (const sender of [popup, panel]) {
      const reply = await handle({ type: "settings.get" }, sender)
      expect(reply).toEqual({
        ok: true,
        data: { serverUrl: "http://127.0.0.1:9", hasToken: true, tokenHint: "abcd", notifications: false, reminderNotifications: false, syncIntervalMinutes: 5 }
      })
      expect(JSON.stringify(reply)).not.toContain(TOKEN)
    }
  })

  it("keeps the stored token when a save omits it", async () => {
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: TOKEN }, popup)
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", notifications: true }, popup)
    expect((await db.settings.get("current"))?.token).toBe(TOKEN)
  })

  it("refuses a server URL that is not http(s)", async () => {
    expect(await handle({ type: "settings.save", serverUrl: "ftp://example.com" }, popup)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })

  it("forgets the cache of the previous server when the server changes", async () => {
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: TOKEN }, popup)
    await db.proposals.put(toCachedProposal(makeProposal()))
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:10" }, popup)
    expect(await db.proposals.count()).toBe(0)
  })
})

describe("opening a proposal in its page", () => {
  it("opens the target URL and answers the focus request of that tab exactly once", async () => {
    const url = "https://app.hubspot.com/contacts/1/record/0-1/101"
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P9", target: { platform: "hubspot", kind: "contact", id: "101", url } })))
    expect(await handle({ type: "proposal.open", proposalId: "P9" }, popup)).toEqual({ ok: true, data: { opened: true } })
    expect(openedTabs).toEqual([url])
    const inThatTab = panelIn({ id: 42, url }, "DOC-42")
    await linkPanel(panel)
    await linkPanel(inThatTab)
    expect(await handle({ type: "launcher.status", url }, { ...hubspotTab, url, tab: { id: 42, url } })).toMatchObject({ ok: true, data: { openPanel: true } })
    expect(await handle({ type: "panel.focusRequest" }, panel)).toEqual({ ok: true, data: { proposalId: null } })
    expect(await handle({ type: "panel.focusRequest" }, inThatTab)).toEqual({ ok: true, data: { proposalId: "P9" } })
    expect(await handle({ type: "panel.focusRequest" }, inThatTab)).toEqual({ ok: true, data: { proposalId: null } })
  })

  it("does not open anything for a proposal without a target URL", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P10", target: { platform: "hubspot", kind: "contact", id: "101" } })))
    expect(await handle({ type: "proposal.open", proposalId: "P10" }, popup)).toEqual({ ok: true, data: { opened: false } })
    expect(openedTabs).toEqual([])
  })
})

describe("proposals for an entity", () => {
  it("answers from the cache with the exact target's proposals and the same record under another kind name", async () => {
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "A", target: { platform: "hubspot", kind: "contact", id: "101" } })),
      toCachedProposal(makeProposal({ id: "B", target: { platform: "hubspot", kind: "0-1", id: "101" } })),
      toCachedProposal(makeProposal({ id: "C", target: { platform: "hubspot", kind: "contact", id: "999" } }))
    ])
    const reply = await handle({ type: "proposals.forEntity", entity: { platform: "hubspot", kind: "contact", id: "101" } }, popup)
    expect(reply.ok).toBe(true)
    const data = (reply as { data: { proposals: { id: string }[]; related: { id: string }[] } }).data
    expect(data.proposals.map((p) => p.id)).toEqual(["A"])
    expect(data.related.map((p) => p.id)).toEqual(["B"])
    expect(JSON.stringify(data)).not.toContain("targetKey")
  })

  it("lists the proposals of the entities the page belongs to as related", async () => {
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "CONTACT", target: { platform: "salesforce", kind: "Contact", id: "003A" } })),
      toCachedProposal(makeProposal({ id: "ACCOUNT", target: { platform: "salesforce", kind: "Account", id: "001B" } }))
    ])
    const entity = { platform: "salesforce", kind: "Contact", id: "003A", related: [{ platform: "salesforce", kind: "Account", id: "001B" }] }
    const reply = await handle({ type: "proposals.forEntity", entity }, popup)
    const data = (reply as { data: { proposals: { id: string }[]; related: { id: string }[] } }).data
    expect(data.proposals.map((p) => p.id)).toEqual(["CONTACT"])
    expect(data.related.map((p) => p.id)).toEqual(["ACCOUNT"])
  })

  it("lists the proposals of items that belong to the entity as related, newest first and each once", async () => {
    const inCampaign = [{ kind: "campaign", id: "c-1" }]
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "OWN", target: { platform: "hubspot", kind: "campaign", id: "c-1" } })),
      toCachedProposal(
        makeProposal({
          id: "EMAIL-OLD",
          createdAt: "2026-11-01T00:00:00.000Z",
          target: { platform: "hubspot", kind: "email", id: "1100", parents: inCampaign }
        })
      ),
      toCachedProposal(
        makeProposal({
          id: "EMAIL-NEW",
          createdAt: "2026-11-03T00:00:00.000Z",
          target: { platform: "hubspot", kind: "email", id: "1101", parents: inCampaign }
        })
      ),
      // Found twice (same id under another kind name, and a child): listed once.
      toCachedProposal(
        makeProposal({ id: "BOTH", createdAt: "2026-11-02T00:00:00.000Z", target: { platform: "hubspot", kind: "0-35", id: "c-1", parents: inCampaign } })
      ),
      toCachedProposal(makeProposal({ id: "OTHER", target: { platform: "hubspot", kind: "email", id: "1102", parents: [{ kind: "campaign", id: "c-2" }] } }))
    ])
    const reply = await handle({ type: "proposals.forEntity", entity: { platform: "hubspot", kind: "campaign", id: "c-1" } }, popup)
    const data = (reply as { data: { proposals: { id: string }[]; related: { id: string }[] } }).data
    expect(data.proposals.map((p) => p.id)).toEqual(["OWN"])
    expect(data.related.map((p) => p.id)).toEqual(["EMAIL-NEW", "BOTH", "EMAIL-OLD"])
    expect(JSON.stringify(data)).not.toContain("parentKeys")
  })

  it("leaves out proposals their agent cancelled, here and among the related", async () => {
    const inCampaign = [{ kind: "campaign", id: "c-9" }]
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "LIVE", target: { platform: "hubspot", kind: "campaign", id: "c-9" } })),
      toCachedProposal(makeProposal({ id: "WITHDRAWN", status: "cancelled", target: { platform: "hubspot", kind: "campaign", id: "c-9" } })),
      toCachedProposal(
        makeProposal({ id: "CHILD-WITHDRAWN", status: "cancelled", target: { platform: "hubspot", kind: "email", id: "7", parents: inCampaign } })
      )
    ])
    const reply = await handle({ type: "proposals.forEntity", entity: { platform: "hubspot", kind: "campaign", id: "c-9" } }, popup)
    const data = (reply as { data: { proposals: { id: string }[]; related: { id: string }[] } }).data
    expect(data.proposals.map((p) => p.id)).toEqual(["LIVE"])
    expect(data.related).toEqual([])
  })

  it("keeps a cancelled proposal on which this reviewer's decision was refused, so the conflict is seen", async () => {
    const conflict = { message: "bot withdrew this 1 min ago", at: "2026-11-02T00:00:00.000Z" }
    await db.proposals.put({
      ...toCachedProposal(makeProposal({ id: "REFUSED", status: "cancelled", target: { platform: "hubspot", kind: "contact", id: "55" } })),
      local: { conflict }
    })
    const reply = await handle({ type: "proposals.forEntity", entity: { platform: "hubspot", kind: "contact", id: "55" } }, popup)
    const data = (reply as { data: { proposals: { id: string; local?: { conflict?: unknown } }[] } }).data
    expect(data.proposals.map((p) => p.id)).toEqual(["REFUSED"])
  })
})

describe("the popup's queue", () => {
  it("lists pending proposals and locally decided ones as slim entries the contract accepts, oldest first", async () => {
    const url = "https://app.hubspot.com/contacts/1/record/0-1/101"
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "P-NEW", createdAt: "2026-11-02T00:00:00.000Z", target: { platform: "hubspot", kind: "contact", id: "101", url } })),
      toCachedProposal(makeProposal({ id: "P-OLD", createdAt: "2026-11-01T00:00:00.000Z", risk: { bulk: true } })),
      toCachedProposal(makeProposal({ id: "P-DONE", status: "approved" })),
      toCachedProposal(makeProposal({ id: "P-CANCELLED", status: "cancelled" }))
    ])
    const reply = await handle({ type: "proposals.queue" }, popup)
    if (!reply.ok) throw new Error(reply.error.message)
    const queue = Responses["proposals.queue"].parse(reply.data)
    expect(queue.proposals.map((p) => p.id)).toEqual(["P-OLD", "P-NEW"])
    const [old, recent] = queue.proposals
    expect(Object.keys(old).sort()).toEqual(
      ["approvals", "change", "confidence", "createdAt", "id", "quorum", "risk", "riskAssessment", "status", "target", "title", "version", "workflowId"].sort()
    )
    expect(old.change).toEqual({ kind: makeProposal().change.kind })
    expect(old.risk).toEqual({ bulk: true })
    expect(recent.target).toEqual({ platform: "hubspot", url })
    // Nothing the list does not show crosses the message boundary.
    expect(JSON.stringify(reply.data)).not.toMatch(/"(summary|evidence|decisions|agent|before|after)"/)
  })

  it("keeps a proposal with a decision in the outbox in the queue with its local state", async () => {
    await connect()
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" })))
    await handle({ type: "decision.submit", decision: { proposalId: "P1", action: "approve", proposalVersion: 1 } }, popup)
    const reply = await handle({ type: "proposals.queue" }, popup)
    expect(reply).toMatchObject({ ok: true, data: { proposals: [{ id: "P1", local: { pendingAction: "approve" } }] } })
  })

  it("answers from a memo until this worker writes the cache, then reads it again", async () => {
    await connect()
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" })))
    const ids = async () => {
      const reply = await handle({ type: "proposals.queue" }, popup)
      if (!reply.ok) throw new Error(reply.error.message)
      return (reply.data as { proposals: { id: string; local?: unknown }[] }).proposals
    }
    expect((await ids()).map((p) => p.id)).toEqual(["P1"])
    // A decision is a write by this worker: the next answer shows it.
    await handle({ type: "decision.submit", decision: { proposalId: "P1", action: "approve", proposalVersion: 1 } }, popup)
    expect(await ids()).toMatchObject([{ id: "P1", local: { pendingAction: "approve" } }])
    // So is a sync (the engine notes its writes).
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P2", createdAt: "2026-12-01T00:00:00.000Z" })))
    engine.noteLocalChange()
    expect((await ids()).map((p) => p.id)).toEqual(["P1", "P2"])
  })

  it("answers the whole proposal behind an entry, or null once it left the cache", async () => {
    const proposal = makeProposal({ id: "P1" })
    await db.proposals.put(toCachedProposal(proposal))
    const reply = await handle({ type: "proposal.get", proposalId: "P1" }, popup)
    if (!reply.ok) throw new Error(reply.error.message)
    expect(Responses["proposal.get"].parse(reply.data).proposal).toEqual(Responses["proposal.get"].parse({ proposal }).proposal)
    expect(await handle({ type: "proposal.get", proposalId: "GONE" }, popup)).toEqual({ ok: true, data: { proposal: null } })
  })

  it("does not give a content script or a panel frame the whole queue or a proposal by id", async () => {
    await linkPanel(panel)
    for (const message of [{ type: "proposals.queue" }, { type: "proposal.get", proposalId: "P1" }])
      for (const sender of [hubspotTab, panel]) expect(await handle(message, sender)).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })
})

describe("the head of the popup's queue", () => {
  it("answers the first rows in queue order and the counts of the whole queue", async () => {
    await db.workflows.bulkPut([
      {
        id: "wf-a",
        name: "Email copy",
        model: "approve",
        threshold: 0.8,
        quorum: 1,
        expiryHours: null,
        paused: false,
        createdAt: "2026-10-01T00:00:00Z",
        updatedAt: "2026-10-01T00:00:00Z"
      },
      {
        id: "wf-m",
        name: "Enrichment",
        model: "monitor",
        threshold: 0.8,
        quorum: 2,
        expiryHours: null,
        paused: false,
        createdAt: "2026-10-01T00:00:00Z",
        updatedAt: "2026-10-01T00:00:00Z"
      }
    ])
    await db.proposals.bulkPut([
      toCachedProposal(makeProposal({ id: "P-OLD", workflowId: "wf-a", createdAt: "2026-11-01T00:00:00.000Z" })),
      toCachedProposal(makeProposal({ id: "P-RISKY", workflowId: "wf-a", createdAt: "2026-11-03T00:00:00.000Z", risk: { writesProduction: true } })),
      toCachedProposal(makeProposal({ id: "P-QUORUM", workflowId: "wf-m", createdAt: "2026-11-02T00:00:00.000Z" }))
    ])
    const reply = await handle({ type: "proposals.queueHead", size: 2 }, popup)
    if (!reply.ok) throw new Error(reply.error.message)
    const head = Responses["proposals.queueHead"].parse(reply.data)
    expect(head.items.map((i) => i.proposal.id)).toEqual(["P-RISKY", "P-OLD"])
    expect(head.summary).toMatchObject({ total: 3, byTier: { approve: 2, monitor: 1, exception: 0 }, needingQuorum: 1 })
    expect(head.summary.oldest?.proposal.id).toBe("P-OLD")
    expect(head.summary.byWorkflow).toEqual([
      { workflowId: "wf-a", name: "Email copy", count: 2 },
      { workflowId: "wf-m", name: "Enrichment", count: 1 }
    ])
  })

  it("is for extension pages only", async () => {
    expect(await handle({ type: "proposals.queueHead", size: 50 }, panel)).toMatchObject({ ok: false, error: { code: "forbidden" } })
  })
})
