import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))

export interface ServerProcess {
  url: string
  pid: number
  /** Sends `signal` and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * `npm run server` as its own process (what an operator runs), on `db` with its audit key in
 * `keyDir`, on a free port: for tests that need a second API process on one database, or a
 * process to kill -9. Resolves once it prints the address it listens on.
 */
export async function spawnServer(db: string, keyDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(`${root}node_modules/.bin/tsx`, ["server/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SIGNOFF_DB: db, SIGNOFF_KEY_DIR: keyDir, ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  let output = ""
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/listening on (http:\/\/\S+)/)
      if (match) resolve(match[1]!)
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
  })
  return {
    url,
    pid: child.pid!,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    }
  }
}
