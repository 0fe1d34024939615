import { expect } from "vitest"
import type { ProposalCreate } from "~src/domain"
import { proposalBody } from "~tests/support/proposals"
import { startTestServer, type TestServer } from "~tests/support/server"

export interface Call {
  status: number
  body: any
  headers: Headers
}

/** A thin fetch wrapper: JSON in, parsed JSON (or text) out, nothing hidden. */
export function client(server: TestServer) {
  async function call(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}
  ): Promise<Call> {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    let body: string | undefined
    if (opts.raw !== undefined) body = opts.raw
    else if (opts.body !== undefined) body = JSON.stringify(opts.body)
    if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json"
    const response = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // non-JSON bodies (CSV, JSONL) stay text
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }
  return {
    call,
    get: (path: string, token?: string) => call("GET", path, token ? { token } : {}),
    post: (path: string, token: string, body: unknown, headers?: Record<string, string>) =>
      call("POST", path, { token, body, ...(headers ? { headers } : {}) }),
    put: (path: string, token: string, body: unknown) => call("PUT", path, { token, body }),
    createProposal: (token: string, overrides: Partial<ProposalCreate> = {}, headers?: Record<string, string>) =>
      call("POST", "/v1/proposals", { token, body: proposalBody(overrides), ...(headers ? { headers } : {}) }),
    decide: (token: string, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
      call("POST", `/v1/proposals/${id}/decisions`, { token, body, ...(headers ? { headers } : {}) })
  }
}

/**
 * Row counts of every table plus the highest seq and the sum of versions, and the contents of the
 * rows that are updated in place (settings, workflows): "nothing written" is this unchanged.
 */
export async function snapshotDatabase(server: TestServer): Promise<Record<string, number | string>> {
  const counts: Record<string, number | string> = {}
  for (const table of [
    "principals",
    "tokens",
    "workflows",
    "proposals",
    "decisions",
    "idempotency_keys",
    "audit_log",
    "settings",
    "custom_domains",
    "webhooks",
    "webhook_messages",
    "webhook_deliveries",
    "proposal_notices"
  ]) {
    const [row] = await server.sql(`SELECT COUNT(*) AS n FROM ${table}`)
    counts[table] = Number(row!.n)
  }
  const [seq] = await server.sql("SELECT MAX(seq) AS s, SUM(version) AS v FROM proposals")
  counts.maxProposalSeq = Number(seq!.s ?? 0)
  counts.sumOfVersions = Number(seq!.v ?? 0)
  const [revoked] = await server.sql("SELECT COUNT(*) AS n FROM tokens WHERE revoked_at IS NOT NULL")
  counts.revokedTokens = Number(revoked!.n)
  counts.settingsValues = JSON.stringify(await server.sql("SELECT name, value FROM settings ORDER BY name"))
  counts.workflowVersions = JSON.stringify(await server.sql("SELECT id, updated_at FROM workflows ORDER BY id"))
  return counts
}

/** Sends a request that must be refused with `status` (in our error shape, with `code` when given) and must leave the database as it was. */
export async function expectRefusedWithoutWrites(server: TestServer, send: () => Promise<Call>, status: number, code?: string): Promise<Call> {
  const before = await snapshotDatabase(server)
  const res = await send()
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(typeof res.body.error?.message).toBe("string")
  if (code !== undefined) expect(res.body.error.code).toBe(code)
  expect(await snapshotDatabase(server)).toEqual(before)
  return res
}

/** A real server on a temporary SQLite file, its client, and the usual cast of tokens. */
export interface ServerWithCast {
  server: TestServer
  api: ReturnType<typeof client>
  /** agent "bot" */
  agent: string
  /** reviewer "Ana" */
  ana: string
  /** reviewer "Ben" */
  ben: string
  /** admin "Olu" */
  admin: string
}

export async function startServerWithCast(options?: Parameters<typeof startTestServer>[0]): Promise<ServerWithCast> {
  const server = await startTestServer(options)
  return {
    server,
    api: client(server),
    agent: await server.token("agent", "bot"),
    ana: await server.token("reviewer", "Ana"),
    ben: await server.token("reviewer", "Ben"),
    admin: await server.token("admin", "Olu")
  }
}
