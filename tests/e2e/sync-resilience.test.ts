/**
 * Issue 5 in real Chromium with the production build: a clicked decision reaches the server
 * exactly once whatever happens in between (server down, service worker killed), a second
 * reviewer sees a conflict instead of a silent drop, and content scripts never get the token.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Proposal } from "~src/domain"
import { startServer, type RunningServer } from "~server/start"
import { SignoffApi } from "../support/api"
import { launchWithExtension, pollUntil, type ExtensionBrowser } from "../support/browser"
import { sendFromContentScript } from "../support/content-script"
import { startTestServer, type TestServer } from "../support/server"
import { startGateProxy, type GateProxy } from "../support/gate-proxy"
import { createMany, HUBSPOT_CONTACT_101, proposalFor, startE2ESession, syncExtension, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal } from "../support/panel"

interface SyncStatusReply {
  pendingCount: number
  outboxSize: number
  syncing: boolean
  progress: { pulled: number } | null
  lastSyncAt: string | null
  error: string | null
}

const syncStatus = async (browser: ExtensionBrowser) => {
  const reply = await browser.sendMessage<SyncStatusReply>({ type: "sync.status" })
  if (!reply.ok || !reply.data) throw new Error(`sync.status failed: ${JSON.stringify(reply.error)}`)
  return reply.data
}

describe("a decision made while the server is down", () => {
  let session: E2ESession
  let dir: string
  let restarted: RunningServer | undefined
  let proposal: Proposal

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "signoff-e2e-restart-"))
    session = await startE2ESession({ dbPath: join(dir, "signoff.sqlite") })
    proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101))
    await session.syncNow()
  })

  afterAll(async () => {
    await session?.browser.close()
    await restarted?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("is queued in the panel, then arrives exactly once after the server restarts on the same database", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)

    const { port } = new URL(session.server.url)
    await session.server.close()
    await action(card, "Approve").click()
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/queued/i)
    expect((await syncStatus(session.browser)).outboxSize).toBe(1)

    restarted = await startServer({ port: Number(port), host: "127.0.0.1", db: session.server.dbPath })
    const api = new SignoffApi(restarted.url, session.reviewer.token)
    // The engine retries on its own schedule; asking for a sync is the "back online" trigger.
    await pollUntil(
      async () => {
        await syncExtension(session.browser).catch(() => undefined)
        return (await api.getProposal(proposal.id)).status === "approved"
      },
      "the queued approval to reach the restarted server",
      60_000
    )

    // Further syncs must not send it again.
    await syncExtension(session.browser)
    await syncExtension(session.browser)
    const onServer = await api.getProposal(proposal.id)
    expect(onServer.decisions.filter((d) => d.action === "approve")).toHaveLength(1)
    expect((await syncStatus(session.browser)).outboxSize).toBe(0)
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).not.toMatch(/queued/i)
    await page.close()
  })
})

describe("a service worker stopped in the middle of a large sync", () => {
  const TOTAL = 2_500 // five pages of the engine's 500
  let server: TestServer
  let proxy: GateProxy
  let browser: ExtensionBrowser

  beforeAll(async () => {
    server = await startTestServer()
    const agent = new SignoffApi(server.url, await server.token("agent", "bulk-agent"))
    await createMany(agent, TOTAL, (i) =>
      proposalFor({ platform: "hubspot", kind: "contact", id: String(10_000 + i), url: `https://app.hubspot.com/contacts/4410021/record/0-1/${10_000 + i}` })
    )
    proxy = await startGateProxy(server.url)
    browser = await launchWithExtension()
  })

  afterAll(async () => {
    await browser?.close()
    await proxy?.close()
    await server?.close()
  })

  it("resumes from the stored cursor on the next wake and ends with every proposal exactly once", async () => {
    // Two pages written, the third in flight: that is when the worker dies.
    const thirdPageRequested = proxy.holdSyncRequest(3)
    await browser.configure(proxy.url, await server.token("reviewer", "Ana"))
    void browser.sendMessage({ type: "sync.now" }).catch(() => undefined)
    await thirdPageRequested
    await browser.stopServiceWorkers()
    proxy.release()

    await pollUntil(
      async () => {
        await syncExtension(browser).catch(() => undefined)
        return (await syncStatus(browser)).pendingCount === TOTAL
      },
      `the resumed sync to reach ${TOTAL} pending`,
      90_000
    )

    const queue = await browser.sendMessage<{ proposals: Array<{ id: string }> }>({ type: "proposals.queue" })
    const ids = queue.data?.proposals.map((p) => p.id) ?? []
    expect(ids).toHaveLength(TOTAL)
    expect(new Set(ids).size).toBe(TOTAL)
    // Resumed, not restarted: the initial cursor was asked for once, before the stop.
    const initialSince = proxy.syncSinces[0]
    expect(proxy.syncSinces.filter((since) => since === initialSince)).toHaveLength(1)
  })
})

describe("a service worker stopped while its decision is in flight", () => {
  let server: TestServer
  let proxy: GateProxy
  let browser: ExtensionBrowser
  let reviewer: SignoffApi
  let proposal: Proposal

  beforeAll(async () => {
    server = await startTestServer()
    const agent = new SignoffApi(server.url, await server.token("agent", "e2e-agent"))
    reviewer = new SignoffApi(server.url, await server.token("reviewer", "Ana"))
    proposal = await agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Decided during a worker stop" }))
    proxy = await startGateProxy(server.url)
    browser = await launchWithExtension()
    await browser.configure(proxy.url, reviewer.token)
    await syncExtension(browser)
  })

  afterAll(async () => {
    await browser?.close()
    await proxy?.close()
    await server?.close()
  })

  it("retries on the next wake with the same idempotency key, and the server records one decision", async () => {
    const page = await browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)

    const isDecision = (method: string, path: string) => method === "POST" && path.endsWith("/decisions")
    const decisionSent = proxy.holdNext(isDecision)
    await action(card, "Approve").click()
    await decisionSent
    await browser.stopServiceWorkers()
    proxy.release() // the server commits; the worker that asked is gone and never hears back

    await pollUntil(
      async () => {
        await syncExtension(browser).catch(() => undefined)
        return (await syncStatus(browser)).outboxSize === 0
      },
      "the outbox to drain after the wake",
      60_000
    )

    const onServer = await reviewer.getProposal(proposal.id)
    expect(onServer.status).toBe("approved")
    expect(onServer.decisions).toHaveLength(1)
    // It was sent again after the wake, and the server deduplicated it.
    expect(proxy.requests.filter((r) => r.startsWith("POST ") && r.endsWith("/decisions")).length).toBeGreaterThanOrEqual(2)
    await page.close()
  })
})

describe("two reviewers in two browsers decide the same proposal", () => {
  let first: E2ESession
  let second: ExtensionBrowser
  let benProxy: GateProxy
  let proposal: Proposal

  beforeAll(async () => {
    first = await startE2ESession({ reviewerName: "Ana" })
    second = await launchWithExtension()
    // Ben reaches the API through a proxy that passes no WebSocket, as a network that blocks them
    // would: without his live channel, his copy stays stale after Ana decides (with it, his panel
    // would turn "Approved" before he could click; tests/e2e/live-updates.test.ts).
    benProxy = await startGateProxy(first.server.url)
    await second.configure(benProxy.url, await first.server.token("reviewer", "Ben"))
    proposal = await first.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Set lifecycle stage to MQL" }))
    await first.syncNow()
    await syncExtension(second)
  })

  afterAll(async () => {
    await second?.close()
    await benProxy?.close()
    await first?.close()
  })

  it("records the first decision once and shows the second reviewer a conflict in the panel", async () => {
    const anaPage = await first.browser.context.newPage()
    const benPage = await second.context.newPage()
    await gotoWithPanel(anaPage, HUBSPOT_CONTACT_101.url)
    await gotoWithPanel(benPage, HUBSPOT_CONTACT_101.url)
    await openPanel(anaPage)
    await openPanel(benPage)
    const anaCard = await openProposal(anaPage, proposal.id)
    const benCard = await openProposal(benPage, proposal.id)

    await action(anaCard, "Approve").click()
    await pollUntil(async () => (await first.reviewer.getProposal(proposal.id)).status === "approved", "Ana's approval on the server")

    // Ben's copy is stale: he still sees it pending and rejects it.
    await action(benCard, "Reject").click()
    await benCard
      .getByRole("group", { name: "Why reject?" })
      .getByRole("button", { name: /Too risky/ })
      .click()

    const conflict = benCard.getByRole("alert")
    await conflict.waitFor({ state: "visible", timeout: 30_000 })
    expect(await conflict.innerText()).toMatch(/conflict|already|approved/i)

    const onServer = await first.reviewer.getProposal(proposal.id)
    expect(onServer.status).toBe("approved")
    expect(onServer.decisions).toHaveLength(1)
    expect(onServer.decisions[0]).toMatchObject({ action: "approve" })
  })
})

describe("a content script asking the background", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("gets the public settings without the API token", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    const reply = await sendFromContentScript<{ ok: boolean; data?: Record<string, unknown> }>(page, session.browser.extensionId, {
      type: "settings.get"
    })
    expect(JSON.stringify(reply)).not.toContain(session.reviewer.token)
    if (reply.ok) expect(reply.data).not.toHaveProperty("token")
    await page.close()
  })

  it("is refused the extension-pages-only API passthrough", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    const reply = await sendFromContentScript<{ ok: boolean; error?: { code: string } }>(page, session.browser.extensionId, {
      type: "api.call",
      method: "GET",
      path: "/v1/me"
    })
    expect(reply.ok).toBe(false)
    expect(JSON.stringify(reply)).not.toContain(session.reviewer.token)
    await page.close()
  })
})
