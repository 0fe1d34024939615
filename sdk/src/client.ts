import { randomUUID } from "node:crypto"
import { z } from "zod"
import { type CancelRequest, type ExecutionReport, Proposal, type ProposalCreate, type ProposalStatus } from "~src/domain"
import { ProposalPage, type ProposalListQuery } from "~src/domain/api-responses"
import { ProposalHistory } from "~src/domain/history"
import { type DecisionOutcome, outcomeOf } from "./decision"
import { SignoffApiError, SignoffNetworkError } from "./errors"
import { canonicalHash } from "./hash"

export interface SignoffClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:8787. */
  url: string
  /** An agent token (`npm run server -- token create --role agent --name <name>`). */
  token: string
  /** Injected in tests, or to route through a proxy. */
  fetch?: typeof fetch
  /** Retries of a request the network or a restarting server failed (only idempotent ones). Default 3. */
  retries?: number
}

/** What createProposal answers: enough to wait on it and to show a person where to review it. */
export interface CreatedProposal {
  id: string
  status: ProposalStatus
  /** The hash of the change as proposed (an approval without edits binds to this one). */
  contentHash: string
  /** The target's own page: the Signoff extension opens its panel there. Null when the target has no URL. */
  reviewUrl: string | null
  proposal: Proposal
}

export type BatchItemResult = ({ ok: true } & CreatedProposal) | { ok: false; error: Error }

/** Filters of listProposals: status, workflowId, platform, targetKind, targetId, cursor, limit. */
export type ProposalFilter = Partial<ProposalListQuery>

export interface WaitOptions {
  /** Give up after this long with `{status: "timeout"}` (the proposal is still pending). Default: no limit. */
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * The server's long-poll answers within at most 60 s; asking for 55 keeps each request under the
 * 60 s idle timeout of common proxies and load balancers.
 */
export const MAX_WAIT_SECONDS = 55
const REQUEST_TIMEOUT_MS = 30_000
const MAX_BACKOFF_MS = 5_000

type Method = "GET" | "POST"
interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal | undefined
  /** Safe to send again: a GET, or a POST with an Idempotency-Key. */
  idempotent: boolean
  /** Long-polls get the server's own deadline instead of the client's request timeout. */
  timeoutMs?: number
}

/**
 * The Signoff API for agents: propose, wait for the decision, report what ran, cancel, list.
 * Every answer is checked against the server's own zod schemas (src/domain).
 */
export class SignoffClient {
  readonly url: string
  readonly #token: string
  readonly #fetch: typeof fetch
  readonly #retries: number

  constructor(options: SignoffClientOptions) {
    this.url = options.url.replace(/\/+$/, "")
    this.#token = options.token
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
    this.#retries = options.retries ?? 3
  }

  /** From SIGNOFF_URL (default http://127.0.0.1:8787) and SIGNOFF_TOKEN. */
  static fromEnv(env: Record<string, string | undefined> = process.env): SignoffClient {
    const token = env.SIGNOFF_TOKEN
    if (!token) throw new Error("SIGNOFF_TOKEN is not set: create an agent token with `npm run server -- token create --role agent --name <name>`")
    return new SignoffClient({ url: env.SIGNOFF_URL || "http://127.0.0.1:8787", token })
  }

  /**
   * Proposes a change. Always sent with an Idempotency-Key (yours, or a new one), so a retry after
   * a lost answer returns the same proposal instead of creating a second one; pass your own key
   * (e.g. derived from a tool call id) to make re-running the agent after a crash safe too.
   */
  async createProposal(body: ProposalCreate, options: { idempotencyKey?: string; signal?: AbortSignal } = {}): Promise<CreatedProposal> {
    const proposal = await this.#request(Proposal, "POST", "/v1/proposals", {
      body,
      headers: { "idempotency-key": options.idempotencyKey ?? randomUUID() },
      signal: options.signal,
      idempotent: true
    })
    return created(proposal)
  }

  /**
   * Proposes several changes, each decided on its own. Results come back in order, one per item,
   * failures included; item i is keyed `${batchKey}:${i}`, so the same batchKey re-run creates nothing twice.
   */
  async createProposals(bodies: readonly ProposalCreate[], options: { batchKey?: string; concurrency?: number } = {}): Promise<BatchItemResult[]> {
    const batchKey = options.batchKey ?? randomUUID()
    const results: BatchItemResult[] = new Array(bodies.length)
    let next = 0
    const worker = async () => {
      while (next < bodies.length) {
        const index = next++
        try {
          results[index] = { ok: true, ...(await this.createProposal(bodies[index]!, { idempotencyKey: `${batchKey}:${index}` })) }
        } catch (error) {
          results[index] = { ok: false, error: error instanceof Error ? error : new Error(String(error)) }
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, bodies.length) }, worker))
    return results
  }

  getProposal(id: string, options: { signal?: AbortSignal } = {}): Promise<Proposal> {
    return this.#request(Proposal, "GET", `/v1/proposals/${encodeURIComponent(id)}`, { signal: options.signal, idempotent: true })
  }

  /**
   * Waits until the proposal is decided (or expires, or is cancelled), looping on the server's
   * long-poll; a server that restarts meanwhile is waited for too. Returns `{status: "timeout"}`
   * if it is still pending after `timeoutMs`: a timeout is never an approval.
   */
  async waitForDecision(id: string, options: WaitOptions = {}): Promise<DecisionOutcome> {
    const proposal = await this.#longPoll(id, undefined, (p) => outcomeOf(p) !== undefined, options)
    return outcomeOf(proposal) ?? { status: "timeout", proposal }
  }

  /**
   * Waits until the proposal moves past `version` — under the monitor and exception models, how an
   * agent hears that a person reverted (or paused the workflow on) what it ran. Resolves with the
   * proposal as it stands: `proposal.version > version` when it changed (e.g. `status: "reverted"`:
   * undo the change), the same version when `timeoutMs` ran out first.
   */
  waitForChange(id: string, version: number, options: WaitOptions = {}): Promise<Proposal> {
    return this.#longPoll(id, version, (p) => p.version > version, options)
  }

  /** The proposal's decision history: who decided what and why, edits, execution reports, reverts (oldest first). */
  getHistory(id: string, options: { signal?: AbortSignal } = {}): Promise<ProposalHistory> {
    return this.#request(ProposalHistory, "GET", `/v1/proposals/${encodeURIComponent(id)}/history`, { signal: options.signal, idempotent: true })
  }

  /** Loops on GET /wait (with `version` when given) until `done` holds or the deadline passes; rides out restarts. */
  async #longPoll(id: string, version: number | undefined, done: (proposal: Proposal) => boolean, options: WaitOptions): Promise<Proposal> {
    const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY)
    const since = version === undefined ? "" : `&version=${version}`
    let failures = 0
    for (;;) {
      const remainingMs = deadline - Date.now()
      const seconds = Math.max(0, Math.min(MAX_WAIT_SECONDS, Math.ceil(remainingMs / 1_000)))
      let proposal: Proposal
      try {
        proposal = await this.#request(Proposal, "GET", `/v1/proposals/${encodeURIComponent(id)}/wait?timeout=${seconds}${since}`, {
          signal: options.signal,
          idempotent: false,
          timeoutMs: (seconds + 15) * 1_000
        })
        failures = 0
      } catch (error) {
        if (!isTransient(error) || Date.now() >= deadline) throw error
        await sleep(backoffMs(failures++), options.signal)
        continue
      }
      if (done(proposal) || Date.now() >= deadline) return proposal
    }
  }

  /**
   * Reports what the agent did with an approved proposal. `contentHash` must be the approved one
   * (else 409 `stale_approval`); a `snapshotHash` other than the proposal's base means the target
   * moved (409 `target_changed`, and the proposal goes back to review).
   */
  reportExecution(id: string, report: ExecutionReport): Promise<Proposal> {
    return this.#request(Proposal, "POST", `/v1/proposals/${encodeURIComponent(id)}/execution`, { body: report, idempotent: false })
  }

  /** Withdraws a proposal that has not run (pending or approved); the reason is recorded. */
  cancelProposal(id: string, reason: string, options: { idempotencyKey?: string } = {}): Promise<Proposal> {
    const body: CancelRequest = { reason }
    return this.#request(Proposal, "POST", `/v1/proposals/${encodeURIComponent(id)}/cancel`, {
      body,
      headers: { "idempotency-key": options.idempotencyKey ?? randomUUID() },
      idempotent: true
    })
  }

  /** One page of this agent's own proposals, newest first (e.g. `{status: "pending"}` after a restart). */
  listProposals(filter: ProposalFilter = {}): Promise<ProposalPage> {
    const query = new URLSearchParams(
      Object.entries(filter)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)])
    )
    const suffix = query.size > 0 ? `?${query}` : ""
    return this.#request(ProposalPage, "GET", `/v1/proposals${suffix}`, { idempotent: true })
  }

  /** Every proposal matching `filter`, page after page. */
  async *allProposals(filter: Omit<ProposalFilter, "cursor"> = {}): AsyncGenerator<Proposal> {
    let cursor: string | undefined
    do {
      const page = await this.listProposals(cursor ? { ...filter, cursor } : filter)
      yield* page.items
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  }

  async #request<S extends z.ZodType>(schema: S, method: Method, path: string, options: RequestOptions): Promise<z.infer<S>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#send(schema, method, path, options)
      } catch (error) {
        if (!options.idempotent || attempt >= this.#retries || !isTransient(error)) throw error
        await sleep(backoffMs(attempt), options.signal)
      }
    }
  }

  async #send<S extends z.ZodType>(schema: S, method: Method, path: string, options: RequestOptions): Promise<z.infer<S>> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS)
    let response: Response
    let text: string
    try {
      response = await this.#fetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.#token}`,
          accept: "application/json",
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
      })
      text = await response.text()
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason
      throw new SignoffNetworkError(`${method} ${this.url}${path} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    const body = parseJson(text)
    if (response.status < 200 || response.status >= 300) throw apiError(response.status, body, `${method} ${path}`)
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new SignoffApiError(response.status, "bad_response", `unexpected answer to ${method} ${path}: ${z.prettifyError(parsed.error)}`)
    return parsed.data
  }
}

function created(proposal: Proposal): CreatedProposal {
  return { id: proposal.id, status: proposal.status, contentHash: canonicalHash(proposal.change), reviewUrl: proposal.target.url ?? null, proposal }
}

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional()
  }),
  proposal: z.unknown().optional()
})

function apiError(status: number, body: unknown, what: string): SignoffApiError {
  const parsed = ErrorBody.safeParse(body)
  if (!parsed.success) return new SignoffApiError(status, status >= 500 ? "internal" : "bad_response", `${what} answered ${status}`)
  const { error, proposal } = parsed.data
  const current = Proposal.safeParse(proposal)
  return new SignoffApiError(status, error.code as SignoffApiError["code"], error.message, error.issues ?? [], current.success ? current.data : undefined)
}

/** Worth trying again: the network, or a server that is restarting or overloaded. */
function isTransient(error: unknown): boolean {
  return error instanceof SignoffNetworkError || (error instanceof SignoffApiError && [502, 503, 504].includes(error.status))
}

const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt)

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener("abort", onAbort, { once: true })
  })
}
