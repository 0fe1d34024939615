/**
 * The usual e2e set-up in one call: the real server on a temporary SQLite file, tokens for an
 * agent and a reviewer, and Chromium with the production build connected through the options
 * page. Each e2e file makes its own session, so files stay independent.
 */
import type { Proposal, ProposalCreate } from "~src/domain"
import { SignoffApi } from "./api"
import { launchWithExtension, pollUntil, type ExtensionBrowser, type LaunchOptions } from "./browser"
import { startTestServer, type TestServer } from "./server"

export interface E2ESession {
  server: TestServer
  /** Posts proposals. */
  agent: SignoffApi
  /** The person in the browser (role reviewer unless `role` says otherwise). */
  reviewer: SignoffApi
  browser: ExtensionBrowser
  /** Force a sync from the extension and wait for it to finish. */
  syncNow(): Promise<void>
  close(): Promise<void>
}

export async function startE2ESession(
  options: {
    role?: "reviewer" | "admin"
    reviewerName?: string
    launch?: LaunchOptions
    /** Keep the SQLite file at this path (not deleted on close), e.g. to restart the server on it. */
    dbPath?: string
    /** Writes to the empty database before the server opens it (e.g. a dated history): see startTestServer. */
    prepare?: (location: string, keyDir: string) => Promise<void>
    /** The server's clock (e.g. to make yesterday's daily summary); the real one by default. */
    serverNow?: () => Date
  } = {}
): Promise<E2ESession> {
  const server = await startTestServer({
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
    ...(options.prepare ? { prepare: options.prepare } : {}),
    ...(options.serverNow ? { now: options.serverNow } : {})
  })
  let browser: ExtensionBrowser | undefined
  try {
    const agent = new SignoffApi(server.url, await server.token("agent", "e2e-agent"))
    const reviewer = new SignoffApi(server.url, await server.token(options.role ?? "reviewer", options.reviewerName ?? "Ana Reviewer"))
    browser = await launchWithExtension(options.launch)
    await browser.configure(server.url, reviewer.token)
    const b = browser
    return {
      server,
      agent,
      reviewer,
      browser: b,
      syncNow: () => syncExtension(b),
      close: async () => {
        await b.close()
        await server.close()
      }
    }
  } catch (error) {
    await browser?.close().catch(() => undefined)
    await server.close().catch(() => undefined)
    throw error
  }
}

/** `sync.now` from an extension page; fails with the background's error if the sync did. */
export async function syncExtension(browser: ExtensionBrowser): Promise<void> {
  const reply = await browser.sendMessage<{ error: string | null }>({ type: "sync.now" })
  if (!reply.ok) throw new Error(`sync.now failed: ${reply.error?.code}: ${reply.error?.message}`)
}

/** Polls the toolbar badge until it reads `expected`. */
export async function waitForBadge(browser: ExtensionBrowser, expected: string): Promise<void> {
  let last = ""
  await pollUntil(async () => (last = await browser.badgeText()) === expected, `the badge to read "${expected}" (last: "${last}")`)
}

/** Creates `count` proposals with a few requests in flight at once (the server serialises writes anyway). */
export async function createMany(agent: SignoffApi, count: number, make: (index: number) => ProposalCreate, inFlight = 8): Promise<Proposal[]> {
  const created: Proposal[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      created[index] = await agent.createProposal(make(index))
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker))
  return created
}

let proposalCounter = 0

/** A minimal valid proposal for a target; `overrides` replace top-level fields. */
export function proposalFor(target: ProposalCreate["target"], overrides: Partial<ProposalCreate> = {}): ProposalCreate {
  const n = ++proposalCounter
  return {
    workflowId: "e2e-enrichment",
    agent: { name: "e2e-agent", version: "1.0.0" },
    target,
    title: `Update job title (#${n})`,
    summary: "Fills the empty job title from the public profile.",
    evidence: [{ label: "Profile", value: "VP Marketing at Globex" }],
    confidence: 0.7,
    change: { kind: "fields", changes: [{ field: "jobtitle", label: "Job title", before: null, after: "VP Marketing" }] },
    ...overrides
  }
}

export const HUBSPOT_CONTACT_101 = {
  platform: "hubspot",
  kind: "contact",
  id: "101",
  url: "https://app.hubspot.com/contacts/4410021/record/0-1/101"
} as const satisfies ProposalCreate["target"]
