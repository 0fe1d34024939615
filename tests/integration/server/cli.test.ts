import { type ChildProcess, execFile, spawn } from "node:child_process"
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import Database from "better-sqlite3"
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

describe("npm run server (the operations contract in the README)", () => {
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

// Each command is a fresh tsx process (~3 s on this machine); a test runs up to five.
describe("token and audit commands", { timeout: 90_000 }, () => {
  const lastLine = (stdout: string) => stdout.trim().split("\n").at(-1)!
  const me = async (url: string, token: string) => (await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()
  const tokenLines = async () => (await server(["token", "list"])).stdout.trim().split("\n")

  it("creates a scoped, expiring agent token and lists it on one line with its principal, role, name, dates and revocation", async () => {
    const { stdout } = await server(["token", "create", "--role", "agent", "--name", "scoped-bot", "--workflows", "email-copy,enrich", "--expires", "30d"])
    expect(lastLine(stdout)).toMatch(/^so_/)
    const line = (await tokenLines()).find((l) => l.includes('name="scoped-bot"'))!
    expect(line).toMatch(
      /^[0-9A-Z]{26} principal=[0-9A-Z]{26} role=agent name="scoped-bot" workflows=email-copy,enrich created=\S+ expires=\d{4}-\d\d-\d\dT\S+ revoked=no$/
    )
    const expires = Date.parse(line.match(/expires=(\S+)/)![1]!)
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30)
  })

  it("adds a token to an existing principal with --principal, and revokes one token", async () => {
    await server(["token", "create", "--role", "reviewer", "--name", "Rosa"])
    const first = (await tokenLines()).find((l) => l.includes('name="Rosa"'))!
    const principalId = first.match(/principal=(\S+)/)![1]!
    const { stdout } = await server(["token", "create", "--principal", principalId, "--name", "Rosa's phone"])
    expect(stdout).toContain(`principal ${principalId}`)
    const second = (await tokenLines()).find((l) => l.includes(`name="Rosa's phone"`))!
    expect(second).toContain(`principal=${principalId} role=reviewer`)
    const tokenId = second.split(" ")[0]!
    expect((await server(["token", "revoke", tokenId])).stdout).toMatch(/revoked token/)
    expect((await tokenLines()).find((l) => l.startsWith(tokenId))).toMatch(/revoked=\d{4}-/)
  })

  it("refuses a scope on a person's token, a bad --expires and an unknown token id", async () => {
    const scoped = await server(["token", "create", "--role", "reviewer", "--name", "x", "--workflows", "a"]).catch((e: { code: number; stderr: string }) => e)
    expect(scoped).toMatchObject({ code: 1, stderr: expect.stringMatching(/only agent tokens/) })
    const expiry = await server(["token", "create", "--role", "agent", "--name", "x", "--expires", "soon"]).catch((e: { code: number; stderr: string }) => e)
    expect(expiry).toMatchObject({ code: 2, stderr: expect.stringMatching(/--expires/) })
    const unknown = await server(["token", "revoke", "NOPE"]).catch((e: { code: number; stderr: string }) => e)
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/no token NOPE/) })
  })

  it("prints a signed checkpoint as its last line, and verifies the log against it", async () => {
    const { stdout } = await server(["audit", "checkpoint"])
    const checkpoint = JSON.parse(lastLine(stdout))
    expect(checkpoint).toMatchObject({ seq: expect.any(Number), algorithm: "ed25519", signature: expect.any(String) })
    expect(checkpoint.publicKey).toBe((await server(["audit", "public-key"])).stdout)
    const file = join(dir, "checkpoint.txt")
    writeFileSync(file, stdout)
    const verdict = JSON.parse(lastLine((await server(["audit", "verify", "--checkpoint", file])).stdout))
    expect(verdict).toMatchObject({ ok: true, checks: { checkpoint: { ok: true, seq: checkpoint.seq } } })
  })

  it("exits 1 from audit verify when the log was tampered with", async () => {
    const copy = join(dir, "tampered.sqlite")
    await server(["token", "create", "--role", "agent", "--name", "to-tamper"])
    const source = new Database(db)
    await source.backup(copy)
    source.close()
    for (const suffix of [".audit-key", ".checkpoint-key.pem"]) copyFileSync(`${db}${suffix}`, `${copy}${suffix}`)
    const tampered = new Database(copy)
    tampered.prepare("UPDATE audit_log SET actor_name = 'Mallory' WHERE seq = 1").run()
    tampered.close()
    const result = await run(process.execPath, ["--import", "tsx", "server/main.ts", "audit", "verify"], {
      env: { ...env, SIGNOFF_DB: copy },
      cwd: process.cwd()
    }).catch((e: { code: number; stdout: string }) => e)
    expect(result).toMatchObject({ code: 1 })
    expect(JSON.parse(lastLine(result.stdout))).toMatchObject({ ok: false, firstBroken: { seq: 1 } })
  })

  it("serves tokens the CLI scoped: /v1/me shows the scope", async () => {
    const { stdout } = await server(["token", "create", "--role", "agent", "--name", "me-bot", "--workflows", "*"])
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...env, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "inherit"]
    })
    children.push(child)
    const url = await new Promise<string>((resolve) => {
      let out = ""
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
        if (match) resolve(match[1]!)
      })
    })
    expect(await me(url, lastLine(stdout))).toMatchObject({ name: "me-bot", role: "agent", workflows: "*" })
  })
})
