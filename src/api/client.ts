import * as z from "zod"
import { DailySummary, DeadlineSettings, DecisionCreate, Me, Proposal, ProposalHistory, SyncPage, Workflow, WorkflowUpsert } from "~src/domain"
import { DecisionResult } from "~src/domain/api-responses"
import { ApiError, NetworkError } from "./errors"

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE"

export interface ApiClientOptions {
  /** e.g. "http://127.0.0.1:8787"; a trailing slash is tolerated. */
  baseUrl: string
  token: string
  /** Injected for tests (a fetch that loses responses, counts calls...). */
  fetch?: typeof fetch
  /** Per-request deadline; a hung server must not hold the service worker forever. */
  timeoutMs?: number
}

// GET /v1/workflows → Workflow[]; PUT /v1/workflows/:id → Workflow (200 updated, 201 created).
const WorkflowList = z.array(Workflow)

export type ApiClient = ReturnType<typeof createApiClient>

/** Typed client for the Signoff API v1 (the routes in server/routes). Every 2xx body is validated with the domain schema. */
export function createApiClient({ baseUrl, token, fetch: fetchImpl = globalThis.fetch, timeoutMs = 30_000 }: ApiClientOptions) {
  const root = baseUrl.replace(/\/+$/, "")

  async function send(method: HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}) {
    let response: Response
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs)
      })
    } catch (cause) {
      throw toNetworkError(cause, root)
    }
    const text = await response.text().catch((cause) => {
      throw toNetworkError(cause, root)
    })
    return { status: response.status, body: parseJson(text) }
  }

  async function request<S extends z.ZodType>(
    schema: S,
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<z.infer<S>> {
    const reply = await send(method, path, body, headers)
    if (reply.status < 200 || reply.status >= 300) throw ApiError.fromResponse(reply.status, reply.body)
    const parsed = schema.safeParse(reply.body)
    if (!parsed.success) throw new ApiError(reply.status, "bad_response", `Unexpected answer from ${method} ${path}: ${z.prettifyError(parsed.error)}`)
    return parsed.data
  }

  return {
    baseUrl: root,
    me: () => request(Me, "GET", "/v1/me"),
    sync: (since: number, limit?: number) => request(SyncPage, "GET", `/v1/sync?since=${since}${limit ? `&limit=${limit}` : ""}`),
    proposal: (id: string) => request(Proposal, "GET", `/v1/proposals/${encodeURIComponent(id)}`),
    /** The idempotency key is generated once when the decision is queued and reused on every retry. */
    decide: (proposalId: string, decision: DecisionCreate, idempotencyKey: string) =>
      request(DecisionResult, "POST", `/v1/proposals/${encodeURIComponent(proposalId)}/decisions`, decision, {
        "idempotency-key": idempotencyKey
      }),
    /** The proposal's decision history, read from the audit log (served on request, not synced). */
    history: (id: string) => request(ProposalHistory, "GET", `/v1/proposals/${encodeURIComponent(id)}/history`),
    /** What ran on one UTC day (`YYYY-MM-DD`), per workflow: the monitor model's daily summary. */
    summary: (date: string) => request(DailySummary, "GET", `/v1/summary?date=${encodeURIComponent(date)}`),
    deadlines: () => request(DeadlineSettings, "GET", "/v1/settings/deadlines"),
    workflows: () => request(WorkflowList, "GET", "/v1/workflows"),
    putWorkflow: (id: string, workflow: WorkflowUpsert) => request(Workflow, "PUT", `/v1/workflows/${encodeURIComponent(id)}`, workflow),
    /** Raw proxy for extension pages (`api.call`): any status is an answer; only network failures throw. */
    call: (method: HttpMethod, path: string, body?: unknown) => send(method, path, body)
  }
}

function parseJson(text: string): unknown {
  if (text === "") return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function toNetworkError(cause: unknown, root: string): NetworkError {
  if (cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError"))
    return new NetworkError("timeout", `No answer from ${root} in time`, { cause })
  // navigator.onLine is false only when the browser is sure there is no network.
  if (typeof navigator !== "undefined" && navigator.onLine === false) return new NetworkError("offline", "This browser is offline", { cause })
  return new NetworkError("unreachable", `Cannot reach the Signoff server at ${root}`, { cause })
}
