/**
 * The floor under a decision on SQLite, for bench/api-throughput.bench.ts: a decision's writes
 * run raw — better-sqlite3 statements in a loop, no HTTP, no Kysely, no validation, no JSON
 * beyond the audit data — on a database migrated by the server's own migrations, with the
 * server's pragmas and its off-thread WAL checkpointer, in transactions of the size the group
 * committer formed in the HTTP run. Whatever the server's JavaScript did, a decision cannot cost
 * less than these statements plus the empty route's HTTP.
 *
 * Two sets, run alternately (A B A B, the machine is shared and noisy; the quicker run of each counts):
 * - `today`: the statements server/proposals/decide.ts runs (token lookup, proposal read,
 *   proposal_seq bump, proposal update, decision insert, audit_seq bump, previous hash, audit
 *   insert, the proposal's decisions for the response, a savepoint per decision), with every index
 *   the schema has. A cross-check of the HTTP run's "inside SQLite statements" figure.
 * - `fewest`: only what a decision cannot do without in today's data model — read the proposal,
 *   update it, insert the decision, append the audit link (its seq and previous hash kept in
 *   memory, no counter rows, no savepoints, the token already known) — with only the indexes
 *   those statements need (the ids, `proposals.seq` for the sync feed, `decisions_proposal`).
 *   Going below it means writing fewer rows or fewer B-trees per decision, a change of the data
 *   model rather than of the code.
 */
import { createHmac, randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import SQLite from "better-sqlite3"
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from "~server/db/checkpointer"
import { openDatabase } from "~server/db/connect"
import { newId } from "~server/ids"

export interface DecisionFloor {
  /** Raw SQLite time per decision with today's statements and indexes, µs. */
  today: number
  /** Raw SQLite time per decision with the fewest statements and indexes, µs. */
  fewest: number
}

/** Indexes no statement of a decision reads (they serve sweeps, stats, exports and lists). */
const INDEXES_A_DECISION_DOES_NOT_READ = [
  "proposals_status_expiry",
  "proposals_status_reminder",
  "proposals_workflow",
  "proposals_target",
  "proposals_principal",
  "decisions_created",
  "audit_log_at",
  "audit_log_proposal"
]

const TOKEN_HASH = "e".repeat(64)

/** Measures both statement sets on fresh databases; `batch` decisions share each commit. */
export async function measureDecisionFloor(options: { batch: number; decisions: number; proposalBody: string }): Promise<DecisionFloor> {
  const today: number[] = []
  const fewest: number[] = []
  for (let round = 0; round < 2; round++) {
    today.push(await timeOnFreshDatabase("today", options))
    fewest.push(await timeOnFreshDatabase("fewest", options))
  }
  // The quicker of two: on a shared machine, other load only ever adds to a run.
  return { today: Math.min(...today), fewest: Math.min(...fewest) }
}

async function timeOnFreshDatabase(set: keyof DecisionFloor, options: { batch: number; decisions: number; proposalBody: string }): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "signoff-floor-"))
  const path = join(dir, "floor.sqlite")
  await (await openDatabase(path)).destroy()
  const db = new SQLite(path)
  // The server's pragmas (server/db/connect.ts), its checkpointer included.
  db.pragma("journal_mode = WAL")
  db.pragma("foreign_keys = ON")
  db.pragma("synchronous = NORMAL")
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
  const checkpointer = startCheckpointer(path)
  try {
    if (set === "fewest") for (const index of INDEXES_A_DECISION_DOES_NOT_READ) db.exec(`drop index "${index}"`)
    const ids = seed(db, options.decisions, options.proposalBody)
    const decide = set === "today" ? todaysStatements(db) : fewestStatements(db)
    const savepoints = set === "today"
    const begin = db.prepare("begin")
    const commit = db.prepare("commit")
    const savepoint = db.prepare("savepoint unit")
    const release = db.prepare("release unit")
    const run = (from: number, to: number) => {
      for (let i = from; i < to; i += options.batch) {
        begin.run()
        for (const id of ids.slice(i, Math.min(to, i + options.batch))) {
          if (savepoints) savepoint.run()
          decide(id)
          if (savepoints) release.run()
        }
        commit.run()
      }
    }
    // The first tenth warms the statements and the page cache, not counted.
    const warm = Math.floor(ids.length / 10)
    run(0, warm)
    const started = process.hrtime.bigint()
    run(warm, ids.length)
    return Number(process.hrtime.bigint() - started) / 1000 / (ids.length - warm)
  } finally {
    checkpointer.stop()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A reviewer, the bench workflow and `count` pending proposals (raw inserts, not timed). */
function seed(db: SQLite.Database, count: number, body: string): string[] {
  const now = new Date().toISOString()
  db.prepare("insert into principals (id, name, role, created_at) values ('reviewer', 'Bench Reviewer', 'reviewer', ?)").run(now)
  db.prepare("insert into tokens (id, token_hash, role, name, created_at, principal_id) values ('token', ?, 'reviewer', 'bench', ?, 'reviewer')").run(
    TOKEN_HASH,
    now
  )
  db.prepare(
    "insert into workflows (id, name, model, threshold, quorum, paused, created_at, updated_at) values ('bench', 'Bench', 'approve-first', 0.9, 1, 0, ?, ?)"
  ).run(now, now)
  const insert = db.prepare(
    `insert into proposals (id, workflow_id, created_by_token, created_by_principal, status, version, seq, platform, target_kind, target_id, body,
       approvers, quorum, expires_at, remind_at, created_at, updated_at)
     values (?, 'bench', 'token', 'reviewer', 'pending', 1, ?, 'hubspot', 'contact', ?, ?, '[]', 1, '2999-01-01T00:00:00.000Z', '2998-01-01T00:00:00.000Z', ?, ?)`
  )
  const ids: string[] = []
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = newId()
      ids.push(id)
      insert.run(id, i + 1, String(i), body, now, now)
    }
  })()
  db.prepare("update counters set value = ? where name = 'proposal_seq'").run(count)
  return ids
}

const auditKey = randomBytes(32)
const auditData = (proposalId: string, decisionId: string) =>
  JSON.stringify({
    action: "approve",
    decisionId,
    reason: null,
    reviewMs: 1500,
    proposalVersion: 1,
    fromStatus: "pending",
    toStatus: "approved",
    approvals: 1,
    quorum: 1,
    contentHash: proposalId.padEnd(64, "0")
  })

/** The statements of server/proposals/decide.ts and what it calls, in its order. */
function todaysStatements(db: SQLite.Database): (proposalId: string) => void {
  const caller = db.prepare(
    `select "tokens"."id", "tokens"."principal_id", "tokens"."workflows", "tokens"."expires_at", "tokens"."revoked_at", "principals"."role", "principals"."name"
     from "tokens" inner join "principals" on "principals"."id" = "tokens"."principal_id" where "tokens"."token_hash" = ?`
  )
  const proposal = db.prepare(`select * from "proposals" where "id" = ?`)
  const counter = db.prepare(`update "counters" set "value" = "value" + 1 where "name" = ? returning "value"`)
  const update = db.prepare(
    `update "proposals" set "status" = ?, "approvers" = ?, "edited_change" = ?, "content_hash" = ?, "base_snapshot_hash" = ?, "review" = ?, "version" = ?, "seq" = ?, "updated_at" = ?
     where "id" = ? and "version" = ?`
  )
  const insertDecision = decisionInsert(db)
  const previousHash = db.prepare(`select "hash" from "audit_log" where "seq" = ?`)
  const insertAudit = auditInsert(db)
  const decisions = db.prepare(`select * from "decisions" where "proposal_id" = ? order by "created_at", "id"`)
  return (proposalId) => {
    const now = new Date().toISOString()
    caller.get(TOKEN_HASH)
    proposal.get(proposalId)
    const { value: seq } = counter.get("proposal_seq") as { value: number }
    update.run("approved", '["reviewer"]', null, proposalId.padEnd(64, "0"), null, null, 2, seq, now, proposalId, 1)
    const decisionId = newId()
    insertDecision.run(decisionId, proposalId, now)
    const { value: auditSeq } = counter.get("audit_seq") as { value: number }
    const previous = previousHash.get(auditSeq - 1) as { hash: string } | undefined
    appendAudit(insertAudit, auditSeq, previous?.hash ?? "0".repeat(64), proposalId, decisionId, now)
    decisions.all(proposalId)
  }
}

/** What a decision cannot do without: one read and three writes, counters kept in memory. */
function fewestStatements(db: SQLite.Database): (proposalId: string) => void {
  const proposal = db.prepare(`select * from "proposals" where "id" = ?`)
  const update = db.prepare(
    `update "proposals" set "status" = ?, "approvers" = ?, "content_hash" = ?, "version" = ?, "seq" = ?, "updated_at" = ? where "id" = ? and "version" = ?`
  )
  const insertDecision = decisionInsert(db)
  const insertAudit = auditInsert(db)
  let seq = (db.prepare(`select max("seq") as "seq" from "proposals"`).get() as { seq: number }).seq
  let auditSeq = 0
  let previousHash = "0".repeat(64)
  return (proposalId) => {
    const now = new Date().toISOString()
    proposal.get(proposalId)
    update.run("approved", '["reviewer"]', proposalId.padEnd(64, "0"), 2, ++seq, now, proposalId, 1)
    const decisionId = newId()
    insertDecision.run(decisionId, proposalId, now)
    previousHash = appendAudit(insertAudit, ++auditSeq, previousHash, proposalId, decisionId, now)
  }
}

const decisionInsert = (db: SQLite.Database) =>
  db.prepare(
    `insert into "decisions" ("id", "proposal_id", "action", "actor_name", "actor_role", "actor_principal_id", "reason_code", "reason_text", "edits", "proposal_version", "review_ms", "rule", "created_at")
     values (?, ?, 'approve', 'Bench Reviewer', 'reviewer', 'reviewer', null, null, null, 1, 1500, null, ?)`
  )

const auditInsert = (db: SQLite.Database) =>
  db.prepare(
    `insert into "audit_log" ("seq", "at", "event", "actor_name", "actor_role", "actor_principal_id", "proposal_id", "workflow_id", "data", "prev_hash", "hash")
     values (?, ?, 'decision', 'Bench Reviewer', 'reviewer', 'reviewer', ?, 'bench', ?, ?, ?)`
  )

/** Inserts one audit link (HMAC over the previous hash and the data) and returns its hash. */
function appendAudit(insert: SQLite.Statement, seq: number, prevHash: string, proposalId: string, decisionId: string, now: string): string {
  const data = auditData(proposalId, decisionId)
  const hash = createHmac("sha256", auditKey)
    .update(prevHash + data)
    .digest("hex")
  insert.run(seq, now, proposalId, data, prevHash, hash)
  return hash
}
