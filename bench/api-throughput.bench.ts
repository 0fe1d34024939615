/**
 * Decision endpoint throughput, from one run:
 * 1. against the server as it was before issue 16's group commit: the same benchmark on both, the
 *    baseline built from git (`--baseline`, default the commit issue 16 started from; issue 10
 *    compared against 208175f the same way);
 * 2. as a ratio of an empty Hono route on the same server — issue 16's goal ≥ 0.3.
 * Prints the figures and the ratios, never asserts.
 *
 *   npx tsx bench/api-throughput.bench.ts [--seconds 5] [--decisions 12000] [--connections 10] [--baseline <git ref>|none]
 *
 * The baseline is the old code checked out with `git archive` into a temporary directory (with
 * this checkout's node_modules linked in) and served by its own copy of this file's `--serve`
 * mode, so both servers run the same way; they are measured one after the other, twice, in the
 * order old, new, new, old, so a drift of the shared machine's load falls on both evenly. The
 * current server runs with its per-token rate limiter raised out of the way (one bench token
 * sends thousands of decisions a second) — but still doing its bookkeeping on every request.
 *
 * The real server (auth, zod validation, one SQLite transaction with the decision, version + seq
 * bump and audit link per request) on a temporary SQLite file, 127.0.0.1 only, in a child
 * process of its own; autocannon drives it from this one.
 *
 * Both routes are measured the same way: the same server and connection count, a warm-up that
 * is not counted, then at most `--seconds`, and the rate is completed 2xx responses divided by
 * the time from the first request to the last response. (autocannon's `requests.average` is the
 * mean of whole-second samples; a run bounded by a request count ends in a partial second plus
 * the wait for the next sample tick, which understated the decision figure — by half once a
 * 4000-request run took under a second.) Every decision needs a fresh pending proposal, so
 * `--decisions` proposals are created up front; the decision run ends at `--seconds` or when
 * the pool is used up, whichever comes first, and says which.
 *
 * The server's CPU time per request (user + system, read from the child before and after each
 * run) is printed too: the machine is often shared, and CPU per request is what decides the
 * throughput ratio on an otherwise idle server.
 *
 * Where a decision's time goes (issue 16, measured Dec 2026 on the shared 2-core VM, group commit
 * on, ~5-7 transactions per SQLite commit at 10 connections): the empty route costs ~35-45 µs of
 * server CPU, a decision ~550-600 µs. HTTP is not the gap: the same route answering a decision's
 * response body (the `decision-sized` line) costs about what the empty one does. The `inside
 * SQLite statements` line times every statement the server runs: ~200 µs per decision, which
 * alone caps the ratio at ~0.15-0.18 even if nothing else cost anything. Per decision, by statement
 * (hrtime around each, one run): the shared COMMIT ~35-45 µs, the audit insert ~37, the two counter
 * bumps (proposal_seq, audit_seq) ~32, the token lookup ~24, the proposal update ~24, the decision
 * insert ~20, the proposal read ~15, its decisions ~6, the previous audit hash ~3, savepoints ~3,
 * the webhook dispatcher's check after each commit ~12 (with no webhook enabled it skips the log
 * in one statement). The rest is JavaScript spread thin — Kysely's executor, Hono and the
 * node-server adapter, zod, row mapping, the audit link's canonical JSON and HMAC, GC — with no
 * single piece worth more than a few percent. The goal of 0.3 needs ~120-150 µs per decision, i.e.
 * fewer and lighter writes (one counter instead of two, fewer indexes on proposals, decisions and
 * the audit log, a token cache whose revocation holds across servers), not tuning — and the last
 * lines show that even that would not be enough.
 *
 * They measure the floor directly. A `decision-shaped` route reads and validates a decision's
 * request with the decision route's schemas and answers a decision's response, with no auth and no
 * database: ~72-85 µs against the empty route's ~31-37 (the POST body ~17 µs of it, JSON and
 * zod-openapi validation ~34). bench/decision-floor.ts runs a decision's statements raw in this
 * process, in commits of the size the HTTP run formed: today's statements and indexes ~120-160 µs
 * per decision (the server's own figure, ~170-200 µs, agrees), which caps the ratio at ~0.2 even if
 * no JavaScript ran; the fewest statements a decision needs, with only the indexes they read,
 * ~40-60 µs. The decision-shaped route plus the fewest statements caps it at 0.27-0.34 on quiet
 * runs: 0.3 would leave next to nothing for authenticating the reviewer, the decision's rules,
 * building the response and the transaction machinery, which cost ~250 µs today spread over Hono,
 * zod, Kysely, node:crypto and our own code (Dec 2026, 2-core VM).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { createRoute } from "@hono/zod-openapi"
import { DecisionCreate } from "~src/domain"
import { MAX_BODY_BYTES } from "~server/app"
import { groupCommitterOf } from "~server/db/transaction"
import { readBodyWithin } from "~server/http/body"
import { newRouter } from "~server/http/router"
import { ProposalIdParams } from "~server/routes/params"
import { measureDecisionFloor } from "./decision-floor"
import { startServer } from "~server/start"

/** The slice of autocannon's API used here (it ships no type declarations). */
interface AutocannonRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest
}
interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  duration: number
}
/** The run: a promise of the result that also emits each response and can be stopped early. */
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: "response", listener: (client: unknown, statusCode: number) => void): void
  stop(): void
}
type Autocannon = (options: {
  url: string
  connections: number
  duration?: number
  amount?: number
  headers?: Record<string, string>
  requests?: AutocannonRequest[]
}) => AutocannonRun

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

/** The commit issue 16's work started from (before group commit): "before" for the comparison. */
const BASELINE_REF = "bfc8927"

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    decisions: { type: "string", default: "12000" },
    connections: { type: "string", default: "10" },
    baseline: { type: "string", default: BASELINE_REF },
    serve: { type: "boolean", default: false }
  }
})
const SECONDS = Number(args.seconds)
const DECISIONS = Number(args.decisions)
const CONNECTIONS = Number(args.connections)
/** Decisions per raw floor run (bench/decision-floor.ts), four runs. */
const FLOOR_DECISIONS = 6_000

/** Every decision the bench sends: an approval of a fresh proposal (version 1). */
const DECISION_BODY = JSON.stringify({ action: "approve", proposalVersion: 1, reviewMs: 1_500 })

/** Load on the empty Hono route, measured or not. */
const emptyRoute = (url: string): Parameters<Autocannon>[0] => ({ url: `${url}/bench/empty`, connections: CONNECTIONS })

const proposalBody = (i: number) =>
  JSON.stringify({
    workflowId: "bench",
    agent: { name: "bench-agent", version: "1.0.0" },
    target: { platform: "hubspot", kind: "contact", id: String(i) },
    title: `Normalize job title #${i}`,
    summary: "Maps a free-text job title to the standard list.",
    evidence: [{ label: "Source field", value: "jobtitle" }],
    confidence: 0.9,
    change: { kind: "fields", changes: [{ field: "jobtitle", before: "vp mktg", after: "VP Marketing" }] }
  })

interface BenchServer {
  url: string
  agent: string
  reviewer: string
}

/**
 * Child role: the server in its own process, so the load generator does not share (and slow)
 * its event loop. Prints one JSON line `{url, agent, reviewer}` and serves until killed.
 */
let decisionResponse = "{}"

/** POST /bench/decision-shaped/{id}: validated like a decision, answered with a decision's body. */
function decisionShapedRoute() {
  const route = createRoute({
    method: "post",
    path: "/bench/decision-shaped/{id}",
    request: { params: ProposalIdParams, body: { required: true, content: { "application/json": { schema: DecisionCreate } } } },
    responses: { 200: { description: "A decision's response body" } }
  })
  return newRouter().openapi(route, (c) => {
    c.req.valid("param")
    c.req.valid("json")
    return c.body(decisionResponse, 200, { "content-type": "application/json" })
  })
}

/** The body of one real decision response, for the decision-sized empty route. */
async function oneDecision(url: string, agent: string, reviewer: string): Promise<string> {
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" })
  const created = (await (await fetch(`${url}/v1/proposals`, { method: "POST", headers: headers(agent), body: proposalBody(-1) })).json()) as { id: string }
  const decided = await fetch(`${url}/v1/proposals/${created.id}/decisions`, {
    method: "POST",
    headers: headers(reviewer),
    body: DECISION_BODY
  })
  return decided.text()
}

/**
 * Wall time spent inside SQLite statements (better-sqlite3 runs them synchronously on the event
 * loop), summed: what the server spends in SQLite whatever its JavaScript does. Wraps the
 * driver's Statement methods in this bench's server process only.
 */
function timeSqliteStatements(): () => number {
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => {
    prepare(sql: string): object
    close(): void
  }
  const probe = new Database(":memory:")
  const statement = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  let nanos = 0n
  for (const name of ["run", "all", "get"]) {
    const original = statement[name]!
    statement[name] = function (this: unknown, ...args: unknown[]) {
      const started = process.hrtime.bigint()
      try {
        return original.apply(this, args)
      } finally {
        nanos += process.hrtime.bigint() - started
      }
    }
  }
  return () => Number(nanos / 1000n)
}

async function serveForBench(): Promise<void> {
  const sqliteMicros = timeSqliteStatements()
  const dir = mkdtempSync(join(tmpdir(), "signoff-bench-"))
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    db: join(dir, "bench.sqlite"),
    // The limiter still counts every request; its limits are only raised past what the bench sends.
    limits: { writesPerMinute: 1_000_000_000, waitsPerMinute: 1_000_000_000 },
    extendApp: (app) => {
      app.get("/bench/empty", (c) => c.text("ok"))
      // Outside /v1 (no auth): the parent reads the server's CPU time around each run.
      app.get("/bench/cpu", (c) => c.json({ ...process.cpuUsage(), sqlite: sqliteMicros() }))
      // The HTTP floor of a decision: no auth, no database, the same response body.
      app.get("/bench/decision-sized", (c) => c.body(decisionResponse, 200, { "content-type": "application/json" }))
      // …and of its request too: a decision's POST body read within the limit and validated by
      // the decision route's schemas, the same response, still no auth and no database.
      app.use(
        "/bench/decision-shaped/*",
        readBodyWithin(MAX_BODY_BYTES, (c) => c.text("too large", 413))
      )
      app.route("/", decisionShapedRoute())
      // How many decisions shared each SQLite commit (server/db/group-commit.ts).
      app.get("/bench/commits", (c) => c.json(groupCommitterOf(c.var.services.db)?.stats ?? null))
    }
  })
  const agent = await server.createToken("agent", "bench-agent")
  const reviewer = await server.createToken("reviewer", "bench-reviewer")
  decisionResponse = await oneDecision(server.url, agent, await server.createToken("reviewer", "bench-sample"))
  const stop = () => {
    server.close().finally(() => {
      rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    })
  }
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
  console.log(JSON.stringify({ url: server.url, agent, reviewer } satisfies BenchServer))
}

function spawnBenchServer(benchFile = fileURLToPath(import.meta.url), cwd = process.cwd()): Promise<{ info: BenchServer; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, benchFile, "--serve"], {
    stdio: ["ignore", "pipe", "inherit"],
    cwd
  })
  return new Promise((resolve, reject) => {
    let buffered = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8")
      const line = buffered.split("\n").find((l) => l.startsWith("{"))
      if (line) resolve({ info: JSON.parse(line) as BenchServer, child })
    })
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)))
  })
}

interface Measured {
  /** Completed 2xx responses per second, first request to last response. */
  perSecond: number
  ok: number
  non2xx: number
  seconds: number
  p50: number
  p99: number
  /** Server CPU (user + system) per completed request, in microseconds. */
  cpuMicros: number
  /** Of which inside SQLite statements (wall time), when the server reports it. */
  sqliteMicros: number | null
}

async function serverCpuMicros(url: string): Promise<{ cpu: number; sqlite: number | null }> {
  const usage = (await (await fetch(`${url}/bench/cpu`)).json()) as { user: number; system: number; sqlite?: number }
  return { cpu: usage.user + usage.system, sqlite: usage.sqlite ?? null }
}

/**
 * One autocannon run, timed by its own responses, bounded by `SECONDS` (and by `amount` when
 * given). autocannon's own duration and average include the wait for its next 1-second sample.
 */
async function measure(url: string, options: Parameters<Autocannon>[0]): Promise<Measured> {
  const cpuBefore = await serverCpuMicros(url)
  let ok = 0
  let non2xx = 0
  let last = 0
  const started = performance.now()
  const run = autocannon(options.amount === undefined ? { ...options, duration: SECONDS } : options)
  run.on("response", (_client, statusCode) => {
    if (statusCode >= 200 && statusCode < 300) ok++
    else non2xx++
    last = performance.now()
  })
  const timer = setTimeout(() => run.stop(), SECONDS * 1000)
  const result = await run
  clearTimeout(timer)
  const cpuAfter = await serverCpuMicros(url)
  const requests = Math.max(1, ok + non2xx)
  const seconds = (last - started) / 1000
  return {
    perSecond: ok / seconds,
    ok,
    non2xx,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros: (cpuAfter.cpu - cpuBefore.cpu) / requests,
    sqliteMicros: cpuAfter.sqlite === null || cpuBefore.sqlite === null ? null : (cpuAfter.sqlite - cpuBefore.sqlite) / requests
  }
}

const describe = (m: Measured) =>
  `${m.perSecond.toFixed(0)} req/s (${m.ok} in ${m.seconds.toFixed(2)} s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.non2xx} non-2xx; server CPU ${m.cpuMicros.toFixed(0)} µs/req)`

/** Pending proposals to decide, each once (reuse would only measure 409s). */
class DecisionPool {
  next = 0
  constructor(
    readonly info: BenchServer,
    readonly ids: string[]
  ) {}

  get left(): number {
    return this.ids.length - this.next
  }

  run(amount: number): Parameters<Autocannon>[0] {
    return {
      url: this.info.url,
      connections: CONNECTIONS,
      amount,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            method: "POST",
            path: `/v1/proposals/${this.ids[this.next++]}/decisions`,
            headers: { authorization: `Bearer ${this.info.reviewer}`, "content-type": "application/json" },
            body: DECISION_BODY
          })
        }
      ]
    }
  }
}

/** Creates the proposals a server's decisions will consume, and warms both routes up (not counted). */
async function prepare(label: string, info: BenchServer): Promise<DecisionPool> {
  process.stdout.write(`${label}: creating ${DECISIONS} pending proposals… `)
  const created = await autocannon({
    url: info.url,
    connections: CONNECTIONS,
    amount: DECISIONS,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          method: "POST",
          path: "/v1/proposals",
          headers: { authorization: `Bearer ${info.agent}`, "content-type": "application/json" },
          body: proposalBody(Math.floor(Math.random() * 1e9))
        })
      }
    ]
  })
  console.log(`done (${created.non2xx} non-2xx)`)
  const pool = new DecisionPool(info, await pendingIds(info.url, info.reviewer))
  // Warm-ups, not counted: the JIT and the caches see both routes before either is timed.
  // (autocannon needs at least one request per connection.)
  const warmDecisions = Math.min(500, Math.floor(pool.left / 10))
  await autocannon({ ...emptyRoute(info.url), amount: 5_000 })
  if (warmDecisions >= CONNECTIONS) await autocannon(pool.run(warmDecisions))
  return pool
}

/** Half the pool that is left per measured run, so each of the two rounds has its share. */
async function measureDecisions(pool: DecisionPool, share: number): Promise<Measured & { poolUsedUp: boolean }> {
  const amount = Math.floor(pool.left / share)
  if (amount < CONNECTIONS) throw new Error(`only ${pool.left} pending proposals for ${CONNECTIONS} connections; raise --decisions`)
  const measured = await measure(pool.info.url, pool.run(amount))
  return { ...measured, poolUsedUp: measured.ok + measured.non2xx >= amount }
}

/** The old code, from git, in a temporary directory sharing this checkout's node_modules. */
function checkOutBaseline(ref: string): { dir: string; dispose(): void } | { unavailable: string } {
  const dir = mkdtempSync(join(tmpdir(), "signoff-bench-baseline-"))
  const dispose = () => rmSync(dir, { recursive: true, force: true })
  const archive = spawnSync("sh", ["-c", `git archive --format=tar "$0" | tar -x -C "$1"`, ref, dir], { encoding: "utf8" })
  if (archive.status !== 0 || !existsSync(join(dir, "bench", "api-throughput.bench.ts"))) {
    dispose()
    return { unavailable: `git archive ${ref} failed: ${(archive.stderr || "no bench in that tree").trim()}` }
  }
  symlinkSync(join(process.cwd(), "node_modules"), join(dir, "node_modules"), "dir")
  return { dir, dispose }
}

const mean = (a: Measured, b: Measured) => ({ perSecond: (a.perSecond + b.perSecond) / 2, cpuMicros: (a.cpuMicros + b.cpuMicros) / 2 })

async function main(): Promise<void> {
  const current = await spawnBenchServer()
  const baseline = args.baseline === "none" ? { unavailable: "--baseline none" } : checkOutBaseline(args.baseline!)
  const before = "dir" in baseline ? await spawnBenchServer(join(baseline.dir, "bench", "api-throughput.bench.ts"), baseline.dir) : undefined
  try {
    const pool = await prepare("current server", current.info)
    const oldPool = before ? await prepare(`before (${args.baseline})`, before.info) : undefined

    if (!oldPool) {
      console.log(`baseline: not measured (${"unavailable" in baseline ? baseline.unavailable : ""})`)
      const empty = await measure(current.info.url, emptyRoute(current.info.url))
      const decisions = await measureDecisions(pool, 1)
      const sized = await measure(current.info.url, { url: `${current.info.url}/bench/decision-sized`, connections: CONNECTIONS })
      printAgainstEmpty(empty, decisions)
      await printFloor(current.info.url, empty, sized)
      await printDecisionFloor(pool, empty, await printBatches(current.info.url))
      return
    }
    // Rounds in the order old, new, new, old: a change in the machine's load weighs on both.
    const oldFirst = await measureDecisions(oldPool, 2)
    const empty = await measure(current.info.url, emptyRoute(current.info.url))
    const newFirst = await measureDecisions(pool, 2)
    const newSecond = await measureDecisions(pool, 1)
    const oldSecond = await measureDecisions(oldPool, 1)
    const sized = await measure(current.info.url, { url: `${current.info.url}/bench/decision-sized`, connections: CONNECTIONS })
    console.log(`before, POST …/decisions:  ${describe(oldFirst)}\n                           ${describe(oldSecond)}`)
    console.log(`current, POST …/decisions: ${describe(newFirst)}\n                           ${describe(newSecond)}`)
    const now = mean(newFirst, newSecond)
    const then = mean(oldFirst, oldSecond)
    const ratio = now.perSecond / then.perSecond
    console.log(
      `ratio current / before:    ${ratio.toFixed(3)}; ` +
        `server CPU per decision ${now.cpuMicros.toFixed(0)} µs vs ${then.cpuMicros.toFixed(0)} µs before (${((now.cpuMicros / then.cpuMicros - 1) * 100).toFixed(1)} %)`
    )
    printAgainstEmpty(empty, newSecond)
    await printFloor(current.info.url, empty, sized)
    await printDecisionFloor(pool, empty, await printBatches(current.info.url))
  } finally {
    current.child.kill("SIGTERM")
    before?.child.kill("SIGTERM")
    if ("dispose" in baseline) baseline.dispose()
  }
}

function printAgainstEmpty(empty: Measured, decisions: Measured & { poolUsedUp: boolean }): void {
  const ratio = decisions.perSecond / empty.perSecond
  console.log(`empty Hono route:          ${describe(empty)}`)
  console.log(`POST …/decisions:          ${describe(decisions)}${decisions.poolUsedUp ? " (ended when the proposal pool ran out)" : ""}`)
  console.log(`ratio decisions / empty:   ${ratio.toFixed(3)} (goal ≥ 0.3) ${ratio >= 0.3 ? "✓" : "✗ below goal"}`)
  console.log(
    `server CPU per request:    decision ${decisions.cpuMicros.toFixed(0)} µs vs empty ${empty.cpuMicros.toFixed(0)} µs → CPU-bound ratio ${(empty.cpuMicros / decisions.cpuMicros).toFixed(3)}`
  )
  if (decisions.sqliteMicros === null) return
  // The floor with today's writes: even if everything else cost nothing beyond the empty route.
  const floor = empty.cpuMicros / (empty.cpuMicros + decisions.sqliteMicros)
  console.log(
    `inside SQLite statements:  ${decisions.sqliteMicros.toFixed(0)} µs per decision (${((100 * decisions.sqliteMicros) / decisions.cpuMicros).toFixed(0)} % of its CPU) → ` +
      `with no work but the empty route's and these statements, the CPU-bound ratio would be ${floor.toFixed(3)}`
  )
}

/** The same route answering a decision's response body: what HTTP alone costs a decision. */
async function printFloor(url: string, empty: Measured, sized: Measured): Promise<void> {
  const bytes = (await (await fetch(`${url}/bench/decision-sized`)).arrayBuffer()).byteLength
  console.log(`decision-sized empty route: ${describe(sized)}`)
  console.log(`  → HTTP alone, answering a decision's ${bytes}-byte response, is ${(sized.perSecond / empty.perSecond).toFixed(3)} of the empty route`)
}

/** POSTs a decision's body to the decision-shaped route (validated, never stored). */
const decisionShaped = (pool: DecisionPool): Parameters<Autocannon>[0] => ({
  url: pool.info.url,
  connections: CONNECTIONS,
  requests: [
    {
      method: "POST",
      path: `/bench/decision-shaped/${pool.ids[0]}`,
      headers: { "content-type": "application/json" },
      body: DECISION_BODY
    }
  ]
})

async function printBatches(url: string): Promise<number | undefined> {
  const stats = (await (await fetch(`${url}/bench/commits`)).json()) as { batches: number; units: number } | null
  if (!stats) return undefined
  const perCommit = stats.units / stats.batches
  console.log(`group commit:              ${perCommit.toFixed(1)} transactions per SQLite commit on average (${stats.units} in ${stats.batches}, whole run)`)
  return perCommit
}

/**
 * A decision's statements run raw in this process (bench/decision-floor.ts), in commits of the
 * size the HTTP run formed, against the server CPU of the empty and the decision-shaped routes:
 * the highest ratio any server code could reach with these writes. The two routes are measured
 * twice more, alternately, and the lowest CPU of each (the empty route's run above included) is
 * used: on a shared machine other load only ever adds to a run.
 */
async function printDecisionFloor(pool: DecisionPool, emptyRun: Measured, perCommit: number | undefined): Promise<void> {
  const url = pool.info.url
  const cpu: { empty: number[]; shaped: number[] } = { empty: [emptyRun.cpuMicros], shaped: [] }
  for (let round = 0; round < 2; round++) {
    cpu.empty.push((await measure(url, emptyRoute(url))).cpuMicros)
    cpu.shaped.push((await measure(url, decisionShaped(pool))).cpuMicros)
  }
  const empty = Math.min(...cpu.empty)
  const shaped = Math.min(...cpu.shaped)
  const batch = Math.max(1, Math.round(perCommit ?? 1))
  const floor = await measureDecisionFloor({ batch, decisions: FLOOR_DECISIONS, proposalBody: proposalBody(0) })
  const cap = (micros: number) => (empty / micros).toFixed(3)
  console.log(
    `server CPU, quietest run: empty route ${empty.toFixed(0)} µs, decision-shaped route ${shaped.toFixed(0)} µs per request ` +
      `(reading and validating a decision's request, answering its response; no auth, no database)`
  )
  console.log(`decision's SQLite, raw:    ${batch} decisions per commit, no HTTP, no Kysely, no validation (bench/decision-floor.ts)`)
  console.log(`  today's statements and indexes: ${floor.today.toFixed(0)} µs per decision`)
  console.log(`  the fewest a decision needs:    ${floor.fewest.toFixed(0)} µs per decision`)
  console.log(
    `  CPU-bound ratio at most, if nothing but these ran: empty route + today's ${cap(empty + floor.today)}, ` +
      `empty route + fewest ${cap(empty + floor.fewest)}, decision-shaped route + fewest ${cap(shaped + floor.fewest)} (goal ≥ 0.3)`
  )
}

/** Every pending proposal id, through the sync feed (what a reviewer's extension would see). */
async function pendingIds(url: string, token: string): Promise<string[]> {
  const ids: string[] = []
  let since = 0
  for (;;) {
    const response = await fetch(`${url}/v1/sync?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } })
    const page = (await response.json()) as { items: Array<{ id: string; status: string }>; nextSince: number; hasMore: boolean }
    ids.push(...page.items.filter((p) => p.status === "pending").map((p) => p.id))
    since = page.nextSince
    if (!page.hasMore) return ids
  }
}

const run = args.serve ? serveForBench() : main()
run.catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
