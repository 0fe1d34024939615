import { readFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { AuditCheckpoint, Role } from "~src/domain"
import { keySourcesFromEnv } from "./audit/keys"
import { verifyAuditChain } from "./audit/verify"
import { CLI_ACTOR, DEFAULT_DB_PATH, createTokenInDatabase, openServerData, startServer } from "./start"
import { listTokens, revokeToken } from "./auth/tokens"
import { parseExpiry, parseWorkflowList } from "./cli/expiry"
import { inTransaction } from "./db/transaction"
import { rateLimitsFromEnv } from "./http/rate-limit"
import { takeCheckpoint } from "./routes/audit"

/**
 * `npm run server` — the API. Env: PORT (8787), HOST (127.0.0.1), SIGNOFF_DB (a SQLite path,
 * default ./data/signoff.sqlite, or a postgres:// URL); audit keys SIGNOFF_AUDIT_KEY,
 * SIGNOFF_CHECKPOINT_KEY, SIGNOFF_KEY_DIR (server/audit/keys.ts); rate limits
 * SIGNOFF_WRITES_PER_MINUTE, SIGNOFF_WAITS_PER_MINUTE, SIGNOFF_MAX_WAITS_PER_TOKEN,
 * SIGNOFF_MAX_LIVE_PER_TOKEN. Several servers may share one Postgres database (README).
 *
 * Commands (the same env selects the database):
 *   token create --role <agent|reviewer|admin> --name <name> [--workflows a,b|*] [--expires 30d|<ISO>]
 *   token create --principal <id> [--name <label>] [...]   another token for an existing principal
 *   token list                                             one line per token
 *   token revoke <tokenId>
 *   audit checkpoint                                       a signed head to keep elsewhere (last line, JSON)
 *   audit verify [--checkpoint <file>]                     exit 1 when the log does not verify
 *   audit public-key                                       the checkpoint key's public half (PEM)
 * `token create` prints the new token as the last line of stdout (scripts take `tail -n 1`).
 */
const dbLocation = process.env.SIGNOFF_DB || DEFAULT_DB_PATH
const USAGE = `usage: npm run server [-- <command>]
  token create --role <agent|reviewer|admin> --name <name> [--workflows a,b|*] [--expires 30d|<ISO date>]
  token create --principal <principalId> [--name <label>] [--workflows a,b|*] [--expires 30d|<ISO date>]
  token list
  token revoke <tokenId>
  audit checkpoint
  audit verify [--checkpoint <file>]
  audit public-key`

function usage(problem?: string): never {
  if (problem) console.error(problem)
  console.error(USAGE)
  process.exit(2)
}

async function withData<T>(work: (data: Awaited<ReturnType<typeof openServerData>>) => Promise<T>): Promise<T> {
  const data = await openServerData(dbLocation, keySourcesFromEnv())
  try {
    return await work(data)
  } finally {
    await data.db.destroy()
  }
}

async function createTokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      principal: { type: "string" },
      workflows: { type: "string" },
      expires: { type: "string" }
    }
  })
  const now = new Date()
  const name = values.name?.trim()
  const principalId = values.principal?.trim()
  if (!principalId && (!Role.safeParse(values.role).success || !name)) usage("token create needs --role and --name (or --principal)")
  const workflows = values.workflows === undefined ? undefined : parseWorkflowList(values.workflows)
  if (values.workflows !== undefined && !workflows) usage(`--workflows: a comma list of workflow ids, or *; not '${values.workflows}'`)
  const expiresAt = values.expires === undefined ? undefined : parseExpiry(values.expires, now)
  if (values.expires !== undefined && !expiresAt) usage(`--expires: a duration like 30d, 12h, 90m, or an ISO date; not '${values.expires}'`)

  await withData(async (data) => {
    let role = values.role as Role | undefined
    if (principalId && !role) {
      const principal = await data.db.selectFrom("principals").select("role").where("id", "=", principalId).executeTakeFirst()
      if (!principal) usage(`no principal ${principalId} (see: token list)`)
      role = principal.role as Role
    }
    const created = await createTokenInDatabase(
      data,
      role!,
      name ?? "",
      { ...(principalId ? { principalId } : {}), ...(workflows ? { workflows } : {}), ...(expiresAt ? { expiresAt } : {}) },
      now
    )
    console.log(
      `created ${role} token ${created.tokenId} for principal ${created.principalId}` +
        `${workflows && workflows !== "*" ? `, workflows ${workflows.join(",")}` : ""}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ""}` +
        " (shown once; only its hash is stored):"
    )
    console.log(created.token)
  })
}

async function listTokensCommand(): Promise<void> {
  await withData(async ({ db }) => {
    for (const t of await listTokens(db))
      console.log(
        [
          t.id,
          `principal=${t.principalId}`,
          `role=${t.role}`,
          `name=${JSON.stringify(t.name)}`,
          `workflows=${t.workflows === "*" ? "*" : t.workflows.join(",")}`,
          `created=${t.createdAt}`,
          `expires=${t.expiresAt ?? "never"}`,
          `revoked=${t.revokedAt ?? "no"}`
        ].join(" ")
      )
  })
}

async function revokeTokenCommand(args: string[]): Promise<void> {
  const tokenId = args[0]?.trim()
  if (!tokenId || args.length !== 1) usage("token revoke needs one token id")
  await withData(async (data) => {
    const revoked = await inTransaction(data.db, (trx) => revokeToken(trx, data.keys.chain, CLI_ACTOR, tokenId, new Date()))
    if (!revoked) {
      console.error(`no token ${tokenId} (see: token list)`)
      process.exitCode = 1
      return
    }
    console.log(`revoked token ${revoked.id} (${revoked.name}) at ${revoked.revokedAt}`)
  })
}

async function auditCommand(subcommand: string | undefined, args: string[]): Promise<void> {
  if (subcommand === "checkpoint")
    return withData(async (data) => {
      const checkpoint = await takeCheckpoint({ ...data, now: () => new Date() })
      console.log(`audit checkpoint at seq ${checkpoint.seq}; keep this line outside the server:`)
      console.log(JSON.stringify(checkpoint))
    })
  if (subcommand === "public-key") return withData(async (data) => void process.stdout.write(data.keys.checkpoint.publicKeyPem))
  if (subcommand !== "verify") usage()
  const { values } = parseArgs({ args, options: { checkpoint: { type: "string" } } })
  const checkpoint = values.checkpoint === undefined ? undefined : AuditCheckpoint.parse(JSON.parse(lastLine(readFileSync(values.checkpoint, "utf8"))))
  await withData(async (data) => {
    const verdict = await verifyAuditChain(data.db, data.keys, checkpoint)
    console.log(JSON.stringify(verdict))
    if (!verdict.ok) process.exitCode = 1
  })
}

/** A checkpoint file may be the saved output of `audit checkpoint`: the JSON is its last line. */
const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? ""

async function serveCommand(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? "8787", 10)
  const host = process.env.HOST || "127.0.0.1"
  const server = await startServer({ port, host, db: dbLocation, keys: keySourcesFromEnv(), limits: rateLimitsFromEnv() })
  const where = dbLocation.startsWith("postgres") ? "Postgres" : dbLocation
  console.log(`Signoff API listening on ${server.url} (database: ${where}); OpenAPI at ${server.url}/openapi.json`)
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

function run(argv: string[]): Promise<void> {
  const [command, subcommand, ...rest] = argv
  if (command === undefined) return serveCommand()
  if (command === "token" && subcommand === "create") return createTokenCommand(rest)
  if (command === "token" && subcommand === "list" && rest.length === 0) return listTokensCommand()
  if (command === "token" && subcommand === "revoke") return revokeTokenCommand(rest)
  if (command === "audit") return auditCommand(subcommand, rest)
  usage(`unknown command: ${argv.join(" ")}`)
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
