import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from "kysely"
import type { Database } from "./schema"

/** Stands for a value supplied at execution time; found again in the compiled parameters. */
class Slot {
  constructor(readonly name: string) {}
}

type Executor = Kysely<Database>

/**
 * A query built and compiled by Kysely once per dialect, then executed with new values.
 *
 * Building and compiling a Kysely query (operation-node tree, frozen objects, SQL visitor) costs
 * more than running it on SQLite; the decision path runs about ten queries per request, so this
 * was a large share of each decision (see bench/api-throughput.bench.ts). The SQL still comes from
 * Kysely's own compiler for the database in use (`?` on SQLite, `$1` on Postgres), and runs through
 * `executeQuery`, Kysely's documented way to execute a compiled query, so plugins, the connection
 * (or transaction) and result handling are unchanged.
 *
 * `build` receives `slot(name)`, which stands for `args[name]` in the query. Only for
 * fixed-shape queries: a slot is one bound value, never a list or an identifier.
 */
export function preparedQuery<Args extends object, Row>(
  build: (db: Executor, slot: <K extends keyof Args & string>(name: K) => Args[K]) => Compilable<Row>
): (db: Executor, args: Args) => Promise<QueryResult<Row>> {
  // One compiled form per dialect adapter (shared by a Kysely instance and its transactions).
  const compiledFor = new WeakMap<DialectAdapter, CompiledQuery<Row>>()
  const slot = <K extends keyof Args & string>(name: K) => new Slot(name) as unknown as Args[K]
  return (db, args) => {
    const executor = db.getExecutor()
    let compiled = compiledFor.get(executor.adapter)
    if (!compiled) {
      compiled = build(db, slot).compile()
      compiledFor.set(executor.adapter, compiled)
    }
    const parameters = compiled.parameters.map((parameter) => {
      if (!(parameter instanceof Slot)) return parameter
      const value = (args as Record<string, unknown>)[parameter.name]
      if (value === undefined) throw new TypeError(`preparedQuery: no value for '${parameter.name}' in ${compiled.sql}`)
      return value
    })
    return db.executeQuery<Row>({ ...compiled, parameters })
  }
}

/** The first row, or undefined (Kysely's executeTakeFirst for a prepared query). */
export async function firstRow<Row>(result: Promise<QueryResult<Row>>): Promise<Row | undefined> {
  return (await result).rows[0]
}

/** Rows changed by an UPDATE/INSERT/DELETE, as a number. */
export async function affectedRows(result: Promise<QueryResult<unknown>>): Promise<number> {
  return Number((await result).numAffectedRows ?? 0n)
}
