/**
 * A thin HTTP client for the Signoff API, for e2e tests and the demo seeder. It
 * returns status and parsed body without throwing on 4xx, so tests can assert on refusals;
 * `ok()` unwraps a 2xx body and fails with the server's error otherwise.
 */
import { randomUUID } from "node:crypto"
import type { Proposal, ProposalCreate, Workflow, WorkflowUpsert } from "~src/domain"

export interface ApiResponse<T = unknown> {
  status: number
  body: T
}

export class SignoffApi {
  constructor(
    readonly baseUrl: string,
    readonly token: string
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Non-JSON (CSV export): keep the text.
    }
    return { status: response.status, body: parsed as T }
  }

  /** The body of a 2xx response; anything else throws with the server's error. */
  async ok<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const response = await this.request<T>(method, path, body, headers)
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`)
    }
    return response.body
  }

  createProposal(proposal: ProposalCreate, idempotencyKey: string = randomUUID()): Promise<Proposal> {
    return this.ok<Proposal>("POST", "/v1/proposals", proposal, { "idempotency-key": idempotencyKey })
  }

  getProposal(id: string): Promise<Proposal> {
    return this.ok<Proposal>("GET", `/v1/proposals/${encodeURIComponent(id)}`)
  }

  decide(
    proposal: Pick<Proposal, "id" | "version">,
    decision: { action: string; reason?: { code: string; text?: string }; reviewMs?: number; edits?: unknown },
    idempotencyKey: string = randomUUID()
  ): Promise<ApiResponse<{ proposal?: Proposal; error?: { code: string; message: string } }>> {
    return this.request(
      "POST",
      `/v1/proposals/${encodeURIComponent(proposal.id)}/decisions`,
      { ...decision, proposalVersion: proposal.version },
      {
        "idempotency-key": idempotencyKey
      }
    )
  }

  reportExecution(proposal: Pick<Proposal, "id" | "contentHash">, outcome: "executed" | "failed" = "executed", detail?: string): Promise<Proposal> {
    if (!proposal.contentHash) throw new Error(`proposal ${proposal.id} has no contentHash: it is not approved`)
    return this.ok<Proposal>("POST", `/v1/proposals/${encodeURIComponent(proposal.id)}/execution`, {
      outcome,
      contentHash: proposal.contentHash,
      ...(detail ? { detail } : {})
    })
  }

  putWorkflow(id: string, workflow: WorkflowUpsert): Promise<Workflow> {
    return this.ok<Workflow>("PUT", `/v1/workflows/${encodeURIComponent(id)}`, workflow)
  }

  async listWorkflows(): Promise<Workflow[]> {
    const body = await this.ok<{ workflows?: Workflow[]; items?: Workflow[] } | Workflow[]>("GET", "/v1/workflows")
    return Array.isArray(body) ? body : (body.workflows ?? body.items ?? [])
  }

  /** The audit log as JSON lines, parsed. */
  async audit(): Promise<Array<Record<string, unknown>>> {
    const response = await this.request<string>("GET", "/v1/audit?format=jsonl")
    if (response.status !== 200) throw new Error(`GET /v1/audit → ${response.status}: ${JSON.stringify(response.body)}`)
    const text = typeof response.body === "string" ? response.body : JSON.stringify(response.body)
    return text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  }
}
