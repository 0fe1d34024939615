import { parseArgs } from "node:util"
import { Role } from "~src/domain"
import { issueToken } from "./auth/tokens"
import { openDatabase } from "./db/connect"
import { DEFAULT_DB_PATH, startServer } from "./start"

/**
 * `npm run server` — the API. Env: PORT (8787), HOST (127.0.0.1), SIGNOFF_DB (a SQLite path,
 * default ./data/signoff.sqlite, or a postgres:// URL).
 * `npm run server -- token create --role <agent|reviewer|admin> --name <name>` — prints a new
 * token as the last line of stdout (scripts take `tail -n 1`).
 */
const dbLocation = process.env.SIGNOFF_DB || DEFAULT_DB_PATH

async function createTokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { role: { type: "string" }, name: { type: "string" } } })
  const role = Role.safeParse(values.role)
  const name = values.name?.trim()
  if (!role.success || !name) {
    console.error("usage: npm run server -- token create --role <agent|reviewer|admin> --name <name>")
    process.exit(2)
  }
  const db = await openDatabase(dbLocation)
  try {
    const token = await issueToken(db, role.data, name, new Date())
    console.log(`created ${role.data} token for "${name}" (shown once; only its hash is stored):`)
    console.log(token)
  } finally {
    await db.destroy()
  }
}

async function serveCommand(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? "8787", 10)
  const host = process.env.HOST || "127.0.0.1"
  const server = await startServer({ port, host, db: dbLocation })
  const where = dbLocation.startsWith("postgres") ? "Postgres" : dbLocation
  console.log(`Signoff API listening on ${server.url} (database: ${where}); OpenAPI at ${server.url}/openapi.json`)
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

const [command, subcommand, ...rest] = process.argv.slice(2)
const run = command === "token" && subcommand === "create" ? createTokenCommand(rest) : command === undefined ? serveCommand() : undefined
if (!run) {
  console.error(`unknown command: ${process.argv.slice(2).join(" ")}\nusage: npm run server [-- token create --role <role> --name <name>]`)
  process.exit(2)
}
run.catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
