import { describe, expect, it } from "vitest"
import { ApiError, createApiClient, NetworkError } from "~src/api"
import { makeProposal } from "~tests/support/proposals"

/** A transport that answers every request with one canned response and records what it was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} })
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } })
  }
  return { fetch, calls }
}

describe("createApiClient", () => {
  it("sends the bearer token and the idempotency key with a decision", async () => {
    const p = makeProposal({ status: "approved" })
    const transport = answering(200, {
      proposal: p,
      decision: { id: "D1", proposalId: p.id, action: "approve", actor: { name: "Ana", role: "reviewer" }, proposalVersion: 1, createdAt: p.createdAt }
    })
    const api = createApiClient({ baseUrl: "http://server.test/", token: "tok", fetch: transport.fetch })

    const result = await api.decide(p.id, { action: "approve", proposalVersion: 1 }, "key-1")

    expect(result.proposal.id).toBe(p.id)
    const { url, init } = transport.calls[0]
    expect(url).toBe(`http://server.test/v1/proposals/${p.id}/decisions`)
    const headers = new Headers(init.headers)
    expect(headers.get("authorization")).toBe("Bearer tok")
    expect(headers.get("idempotency-key")).toBe("key-1")
    expect(JSON.parse(String(init.body))).toEqual({ action: "approve", proposalVersion: 1 })
  })

  it("turns a 409 into an ApiError that carries the server's current proposal", async () => {
    const current = makeProposal({ status: "approved" })
    const api = createApiClient({
      baseUrl: "http://server.test",
      token: "tok",
      fetch: answering(409, { error: { code: "conflict", message: "already decided" }, proposal: current }).fetch
    })

    const error = await api.decide(current.id, { action: "approve", proposalVersion: 1 }, "k").catch((e) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: "conflict", message: "already decided" })
    expect(error.proposal.id).toBe(current.id)
  })

  it("keeps the status of an error whose body is not the API's error shape", async () => {
    const api = createApiClient({ baseUrl: "http://server.test", token: "tok", fetch: answering(502, "<html>Bad gateway</html>").fetch })
    await expect(api.me()).rejects.toMatchObject({ name: "ApiError", status: 502, code: "internal" })
  })

  it("refuses a 200 whose body does not match the contract", async () => {
    const api = createApiClient({ baseUrl: "http://server.test", token: "tok", fetch: answering(200, { items: "nope" }).fetch })
    await expect(api.sync(0)).rejects.toMatchObject({ name: "ApiError", code: "bad_response" })
  })

  it("reports a refused connection as a network failure, not an HTTP error", async () => {
    const api = createApiClient({ baseUrl: "http://127.0.0.1:1", token: "tok" })
    const error = await api.me().catch((e) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.reason).toBe("unreachable")
  })

  it("reports a server that does not answer in time as a timeout", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))
    const api = createApiClient({ baseUrl: "http://server.test", token: "tok", fetch: hanging, timeoutMs: 20 })
    await expect(api.me()).rejects.toMatchObject({ name: "NetworkError", reason: "timeout" })
  })

  it("proxies any call and returns status and parsed body without throwing on HTTP errors", async () => {
    const transport = answering(403, { error: { code: "forbidden", message: "admins only" } })
    const api = createApiClient({ baseUrl: "http://server.test", token: "tok", fetch: transport.fetch })
    expect(await api.call("PUT", "/v1/workflows/w1", { name: "W", model: "approve" })).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "admins only" } }
    })
    expect(transport.calls[0].init.method).toBe("PUT")
  })
})
