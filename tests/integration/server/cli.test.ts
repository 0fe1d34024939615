import { type ChildProcess, execFile, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "vitest"

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), "signoff-cli-"))
const db = join(dir, "cli.sqlite")
const env = { ...process.env, SIGNOFF_DB: db }
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) child.kill("SIGTERM")
  rmSync(dir, { recursive: true, force: true })
})

/** `npm run server -- …` is `tsx server/main.ts …`; called directly to skip npm's banner. */
const server = (args: string[]) => run(process.execPath, ["--import", "tsx", "server/main.ts", ...args], { env, cwd: process.cwd() })

describe("npm run server (the operations contract of SPEC §4)", () => {
  it("token create prints the token as the last line of stdout", async () => {
    const { stdout } = await server(["token", "create", "--role", "reviewer", "--name", "Ana Example"])
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^so_[A-Za-z0-9_-]{43}$/)
  })

  it("token create refuses an unknown role with a usage line and exit code 2", async () => {
    const error = await server(["token", "create", "--role", "owner", "--name", "x"]).catch((e: { code: number; stderr: string }) => e)
    expect(error).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage/) })
  })

  it("serves on PORT and HOST with SIGNOFF_DB, and accepts a token the CLI created", async () => {
    const { stdout } = await server(["token", "create", "--role", "admin", "--name", "Olu"])
    const token = stdout.trim().split("\n").at(-1)!
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...env, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "inherit"]
    })
    children.push(child)
    const url = await new Promise<string>((resolve, reject) => {
      let out = ""
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
        if (match) resolve(match[1]!)
      })
      child.once("exit", (code) => reject(new Error(`server exited with ${code}`)))
    })
    const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toMatchObject({ name: "Olu", role: "admin", principalId: expect.any(String) })
  })
})
