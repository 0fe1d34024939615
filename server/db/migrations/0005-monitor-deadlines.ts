import type { Kysely, Migration } from "kysely"
import { DEFAULT_REMINDER_SHARE, reminderAt } from "~src/domain/deadlines"
import { DEFAULT_SPOT_CHECK_SIZE } from "~src/domain/workflow"

/**
 * Issue 13: monitor and override, deadlines and the learning loop.
 * - `workflows.spot_check_size`: how many of the day's items that ran the daily summary samples
 *   (existing workflows get the default).
 * - `proposals.remind_at`: when a reminder about a pending proposal is due, fixed at creation like
 *   `expires_at`. Existing proposals with a deadline get the reminder they had until now (80 %).
 * - Indexes: a proposal's audit entries (its history), and the reminder sweep.
 * The default deadlines per tier live in `settings` (absent: none, as before).
 */
export const monitorDeadlines: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable("workflows")
      .addColumn("spot_check_size", "integer", (c) => c.notNull().defaultTo(DEFAULT_SPOT_CHECK_SIZE))
      .execute()
    await db.schema.alterTable("proposals").addColumn("remind_at", "varchar(40)").execute()
    const withDeadline: Array<{ id: string; created_at: string; expires_at: string }> = await db
      .selectFrom("proposals")
      .select(["id", "created_at", "expires_at"])
      .where("expires_at", "is not", null)
      .execute()
    for (const row of withDeadline) {
      const remindAt = reminderAt(new Date(row.created_at), new Date(row.expires_at), DEFAULT_REMINDER_SHARE)
      await db.updateTable("proposals").set({ remind_at: remindAt.toISOString() }).where("id", "=", row.id).execute()
    }
    await db.schema.createIndex("proposals_status_reminder").on("proposals").columns(["status", "remind_at"]).execute()
    await db.schema.createIndex("audit_log_proposal").on("audit_log").columns(["proposal_id", "seq"]).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex("audit_log_proposal").execute()
    await db.schema.dropIndex("proposals_status_reminder").execute()
    await db.schema.alterTable("proposals").dropColumn("remind_at").execute()
    await db.schema.alterTable("workflows").dropColumn("spot_check_size").execute()
  }
}
