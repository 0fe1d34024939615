import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { afterEach, describe, expect, it } from "vitest"
import { startCheckpointer } from "~server/db/checkpointer"

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "signoff-wal-"))
  dirs.push(dir)
  const path = join(dir, "db.sqlite")
  const db = new Database(path)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  // Only the worker may move pages into the database file in these tests.
  db.pragma("wal_autocheckpoint = 0")
  db.exec("create table t (id integer primary key, v text not null)")
  return { path, db }
}

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return condition()
}

describe("WAL checkpointer", () => {
  it("moves committed pages from the WAL into the database file off the writer's thread", async () => {
    const { path, db } = walDatabase()
    const insert = db.prepare("insert into t (v) values (?)")
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run("x".repeat(200))
    })()
    const before = statSync(path).size
    const checkpointer = startCheckpointer(path, 20)
    try {
      expect(await until(() => statSync(path).size > before + 200_000)).toBe(true)
      expect(db.prepare("select count(*) as n from t").get()).toEqual({ n: 2_000 })
    } finally {
      checkpointer.stop()
      db.close()
    }
  })

  it("never creates a database that is not there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "signoff-wal-"))
    dirs.push(dir)
    const path = join(dir, "missing.sqlite")
    const checkpointer = startCheckpointer(path, 20)
    await new Promise((resolve) => setTimeout(resolve, 200))
    checkpointer.stop()
    expect(() => statSync(path)).toThrow()
  })
})
