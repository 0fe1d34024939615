import { parseRetryAfter } from "./retry-schedule"

export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; gone: boolean; retryAfterMs?: number }

/** Standard Webhooks recommends 15–30 s for the receiver to answer. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 15_000

/**
 * One POST of a signed body. Success is a 2xx; a redirect is a failure (the URL should be
 * updated instead of followed); 410 Gone means "stop sending". `stop` aborts it when the server
 * shuts down (the attempt then does not count).
 */
export async function attemptDelivery(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  now: () => Date,
  stop: AbortSignal
): Promise<AttemptResult> {
  let response: Response
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Signoff-Webhooks/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)])
    })
  } catch (error) {
    if (stop.aborted) throw error
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
    return { ok: false, status: null, error: timedOut ? `no answer within ${timeoutMs} ms` : describe(error), gone: false }
  }
  // The receiver's body is not used; release the connection without reading it all.
  await response.body?.cancel().catch(() => {})
  if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now())
  return {
    ok: false,
    status: response.status,
    error: `HTTP ${response.status}`,
    gone: response.status === 410,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as Error & { cause?: unknown }).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
