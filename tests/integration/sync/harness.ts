import { createApiClient } from "~src/api"
import { saveSettings, SignoffDatabase } from "~src/db"
import { Proposal, type DecisionCreate, type ProposalCreate } from "~src/domain"
import { createSyncEngine, type SyncEngineDeps } from "~src/sync"
import { proposalBody } from "~tests/support/proposals"
import type { TestServer } from "~tests/support/server"

let counter = 0

/** Each proposal on its own contact, with its own content, so a sync can tell them apart. */
function numberedProposalBody(overrides: Partial<ProposalCreate>): ProposalCreate {
  counter++
  return proposalBody({
    target: { platform: "hubspot", kind: "contact", id: String(1000 + counter) },
    title: `Subject line for campaign ${counter}`,
    change: { kind: "content", field: "subject", format: "text", before: "Hi there", after: `Hello ${counter}` },
    ...overrides
  })
}

/** An agent posts proposals to the real server. */
export async function createProposals(server: TestServer, agentToken: string, count: number, overrides: Partial<ProposalCreate> = {}): Promise<Proposal[]> {
  const created: Proposal[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/v1/proposals`, {
      method: "POST",
      headers: { authorization: `Bearer ${agentToken}`, "content-type": "application/json" },
      body: JSON.stringify(numberedProposalBody(overrides))
    })
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
    created.push(Proposal.parse(await res.json()))
  }
  return created
}

/** A reviewer decides directly against the server (another person, another browser). */
export async function decideOnServer(server: TestServer, token: string, proposalId: string, body: DecisionCreate): Promise<Response> {
  return fetch(`${server.url}/v1/proposals/${proposalId}/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body)
  })
}

export async function serverProposal(server: TestServer, token: string, id: string): Promise<Proposal> {
  return createApiClient({ baseUrl: server.url, token }).proposal(id)
}

/** One "browser profile": its own Dexie database and sync engine, configured for the server. */
export async function openProfile(
  server: Pick<TestServer, "url">,
  token: string,
  options: { fetch?: typeof fetch; dbName?: string } & Partial<Omit<SyncEngineDeps, "db" | "createApi">> = {}
) {
  const { fetch: fetchImpl, dbName, ...engineOptions } = options
  const db = new SignoffDatabase(dbName ?? `profile-${crypto.randomUUID()}`)
  await saveSettings(db, { serverUrl: server.url, token })
  const engine = createSyncEngine({
    db,
    createApi: (s) => createApiClient({ baseUrl: s.serverUrl, token: s.token, fetch: fetchImpl }),
    ...engineOptions
  })
  return { db, engine }
}

/** A fetch that records what it was asked, for asserting on requests (idempotency keys, cursors). */
export function recordingFetch(inner: typeof fetch = fetch) {
  const requests: { method: string; url: string; idempotencyKey: string | null }[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    requests.push({ method: init?.method ?? "GET", url: String(input), idempotencyKey: headers.get("idempotency-key") })
    return inner(input, init)
  }
  return { fetch: wrapped, requests }
}
