/**
 * `npm run bench`: runs every bench/*.bench.ts with tsx, one after another (benchmarks that
 * share two cores would measure each other), and prints their output as it comes. Each
 * benchmark prints its own figures and ratios; nothing here asserts on them.
 */
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { join, relative } from "node:path"

const benchDir = join(process.cwd(), "bench")
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort()

if (files.length === 0) {
  console.error(`no bench/*.bench.ts${only.length ? ` matching ${only.join(", ")}` : ""}`)
  process.exit(1)
}

const failed: string[] = []
for (const name of files) {
  const file = join(benchDir, name)
  console.log(`\n━━ ${relative(process.cwd(), file)} ━━`)
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit", env: process.env })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) failed.push(name)
  console.log(`━━ ${name}: ${result.status === 0 ? "done" : `exit ${result.status ?? result.signal}`} in ${seconds.toFixed(1)} s`)
}

if (failed.length > 0) {
  console.error(`\n${failed.length} benchmark(s) failed: ${failed.join(", ")}`)
  process.exit(1)
}
