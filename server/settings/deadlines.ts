import type { Kysely, Transaction } from "kysely"
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings, type DeadlineSettingsUpdate, applyDeadlineUpdate } from "~src/domain/deadlines"
import { type AuditRecord, appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import { firstRow, preparedQuery } from "../db/prepared"
import type { Database } from "../db/schema"

type Reader = Kysely<Database> | Transaction<Database>

/** The `settings` row holding the deadline defaults (JSON DeadlineSettings). */
const SETTING = "deadlines"

const settingByName = preparedQuery<{ name: string }, { value: string }>((db, slot) =>
  db.selectFrom("settings").select("value").where("name", "=", slot("name"))
)

/**
 * The default deadline per tier and the reminder share; the defaults when no admin set them.
 * Read on every proposal creation (one primary-key lookup), never cached: several servers may
 * share one Postgres database.
 */
export async function readDeadlineSettings(db: Reader): Promise<DeadlineSettings> {
  const row = await firstRow(settingByName(db, { name: SETTING }))
  if (!row) return DEFAULT_DEADLINE_SETTINGS
  // Written only through writeDeadlineSettings, validated; a row that no longer parses is a defect, not a default.
  return DeadlineSettings.parse(JSON.parse(row.value))
}

/**
 * PUT /v1/settings/deadlines: applies `update`, audited with before and after. Existing proposals
 * keep the deadline and reminder they were created with.
 */
export async function writeDeadlineSettings(
  trx: Transaction<Database>,
  key: AuditChainKey,
  update: DeadlineSettingsUpdate,
  actor: AuditRecord["actor"],
  now: Date
): Promise<DeadlineSettings> {
  // Lock the row before reading it, so two admins' partial updates cannot lose one another.
  await trx
    .insertInto("settings")
    .values({ name: SETTING, value: JSON.stringify(DEFAULT_DEADLINE_SETTINGS) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute()
  await trx
    .updateTable("settings")
    .set((eb) => ({ value: eb.ref("value") }))
    .where("name", "=", SETTING)
    .execute()
  const before = await readDeadlineSettings(trx)
  const after = applyDeadlineUpdate(before, update)
  await trx
    .updateTable("settings")
    .set({ value: JSON.stringify(after) })
    .where("name", "=", SETTING)
    .execute()
  await appendAudit(trx, key, now, { event: "deadlines.changed", actor, data: { before, after } })
  return after
}
