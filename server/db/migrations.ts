import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from "kysely"
import { principalsFromLegacyTokens } from "./migrations/0002-principals"
import { monitorDeadlines } from "./migrations/0005-monitor-deadlines"

/**
 * Migrations live in code (no files to ship or glob). Only portable DDL: the same statements
 * run on SQLite and Postgres. `double precision` keeps confidence/threshold exact on Postgres
 * (its `real` is float4) and is a REAL-affinity name to SQLite.
 */
const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("counters")
        .addColumn("name", "varchar(64)", (c) => c.primaryKey())
        .addColumn("value", "integer", (c) => c.notNull())
        .execute()
      await db
        .insertInto("counters")
        .values([
          { name: "proposal_seq", value: 0 },
          { name: "audit_seq", value: 0 }
        ])
        .execute()

      await db.schema
        .createTable("tokens")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("role", "varchar(16)", (c) => c.notNull())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .execute()

      await db.schema
        .createTable("workflows")
        .addColumn("id", "varchar(100)", (c) => c.primaryKey())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("model", "varchar(16)", (c) => c.notNull())
        .addColumn("threshold", "double precision", (c) => c.notNull())
        .addColumn("quorum", "integer", (c) => c.notNull())
        .addColumn("expiry_hours", "integer")
        .addColumn("paused", "integer", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
        .execute()

      await db.schema
        .createTable("proposals")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("workflow_id", "varchar(100)", (c) => c.notNull().references("workflows.id"))
        .addColumn("created_by_token", "varchar(32)", (c) => c.notNull().references("tokens.id"))
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull().unique())
        .addColumn("platform", "varchar(16)", (c) => c.notNull())
        .addColumn("target_kind", "varchar(64)", (c) => c.notNull())
        .addColumn("target_id", "varchar(256)", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("edited_change", "text")
        .addColumn("content_hash", "varchar(64)")
        .addColumn("base_snapshot_hash", "varchar(200)")
        .addColumn("approvers", "text", (c) => c.notNull())
        .addColumn("quorum", "integer", (c) => c.notNull())
        .addColumn("expires_at", "varchar(40)")
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
        .execute()
      await db.schema.createIndex("proposals_status_expiry").on("proposals").columns(["status", "expires_at"]).execute()
      await db.schema.createIndex("proposals_workflow").on("proposals").columns(["workflow_id", "created_at"]).execute()
      await db.schema.createIndex("proposals_target").on("proposals").columns(["platform", "target_kind", "target_id"]).execute()

      await db.schema
        .createTable("decisions")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("proposal_id", "varchar(32)", (c) => c.notNull().references("proposals.id"))
        .addColumn("action", "varchar(16)", (c) => c.notNull())
        .addColumn("actor_name", "varchar(200)", (c) => c.notNull())
        .addColumn("actor_role", "varchar(16)", (c) => c.notNull())
        .addColumn("reason_code", "varchar(32)")
        .addColumn("reason_text", "text")
        .addColumn("edits", "text")
        .addColumn("proposal_version", "integer", (c) => c.notNull())
        .addColumn("review_ms", "integer")
        .addColumn("rule", "text")
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .execute()
      await db.schema.createIndex("decisions_proposal").on("decisions").columns(["proposal_id", "created_at"]).execute()
      await db.schema.createIndex("decisions_created").on("decisions").column("created_at").execute()

      await db.schema
        .createTable("idempotency_keys")
        .addColumn("token_id", "varchar(32)", (c) => c.notNull())
        .addColumn("scope", "varchar(200)", (c) => c.notNull())
        .addColumn("idempotency_key", "varchar(200)", (c) => c.notNull())
        .addColumn("request_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("status", "integer", (c) => c.notNull())
        .addColumn("response_body", "text", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addPrimaryKeyConstraint("idempotency_keys_pk", ["token_id", "scope", "idempotency_key"])
        .execute()

      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "varchar(40)", (c) => c.notNull())
        .addColumn("event", "varchar(32)", (c) => c.notNull())
        .addColumn("actor_name", "varchar(200)", (c) => c.notNull())
        .addColumn("actor_role", "varchar(16)", (c) => c.notNull())
        .addColumn("proposal_id", "varchar(32)")
        .addColumn("workflow_id", "varchar(100)")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("prev_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("hash", "varchar(64)", (c) => c.notNull())
        .execute()
      await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute()
    },
    async down(db: Kysely<any>) {
      for (const table of ["audit_log", "idempotency_keys", "decisions", "proposals", "workflows", "tokens", "counters"])
        await db.schema.dropTable(table).execute()
    }
  },
  "0002_principals": principalsFromLegacyTokens,
  // Issue 12: signed webhooks (subscriptions, one message per event, one delivery per webhook and
  // message), the notices already sent for a proposal, and the audit-log cursor the dispatcher
  // tails. Cancelling needs no schema: it is a status and a decision row.
  "0004_webhooks_cancel": {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("webhooks")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("url", "varchar(2048)", (c) => c.notNull())
        .addColumn("events", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("secret", "varchar(100)", (c) => c.notNull())
        .addColumn("previous_secret", "varchar(100)")
        .addColumn("previous_secret_expires_at", "varchar(40)")
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("disabled_reason", "text")
        .addColumn("from_audit_seq", "integer", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
        .execute()

      await db.schema
        .createTable("webhook_messages")
        .addColumn("id", "varchar(40)", (c) => c.primaryKey())
        .addColumn("event_type", "varchar(40)", (c) => c.notNull())
        .addColumn("audit_seq", "integer")
        .addColumn("proposal_id", "varchar(32)")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addUniqueConstraint("webhook_messages_event", ["audit_seq", "event_type"])
        .execute()

      await db.schema
        .createTable("webhook_deliveries")
        .addColumn("id", "varchar(32)", (c) => c.primaryKey())
        .addColumn("message_id", "varchar(40)", (c) => c.notNull().references("webhook_messages.id"))
        .addColumn("webhook_id", "varchar(32)", (c) => c.notNull().references("webhooks.id"))
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "varchar(40)")
        .addColumn("last_attempt_at", "varchar(40)")
        .addColumn("last_status_code", "integer")
        .addColumn("last_error", "text")
        .addColumn("delivered_at", "varchar(40)")
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addUniqueConstraint("webhook_deliveries_once", ["message_id", "webhook_id"])
        .execute()
      await db.schema.createIndex("webhook_deliveries_due").on("webhook_deliveries").columns(["status", "next_attempt_at"]).execute()
      await db.schema.createIndex("webhook_deliveries_of_webhook").on("webhook_deliveries").columns(["webhook_id", "id"]).execute()

      await db.schema
        .createTable("proposal_notices")
        .addColumn("proposal_id", "varchar(32)", (c) => c.notNull().references("proposals.id"))
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("created_at", "varchar(40)", (c) => c.notNull())
        .addPrimaryKeyConstraint("proposal_notices_pk", ["proposal_id", "kind"])
        .execute()

      // The dispatcher starts at the end of the log: no webhook existed before this migration.
      const audit = await db.selectFrom("counters").select("value").where("name", "=", "audit_seq").executeTakeFirstOrThrow()
      await db
        .insertInto("counters")
        .values({ name: "webhook_audit_cursor", value: Number(audit.value) })
        .execute()
    },
    async down(db: Kysely<any>) {
      await db.deleteFrom("counters").where("name", "=", "webhook_audit_cursor").execute()
      for (const table of ["proposal_notices", "webhook_deliveries", "webhook_messages", "webhooks"]) await db.schema.dropTable(table).execute()
    }
  }
}

const customDomains: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("custom_domains")
      .addColumn("host", "varchar(253)", (c) => c.primaryKey())
      .addColumn("platform", "varchar(16)", (c) => c.notNull())
      .addColumn("created_at", "varchar(40)", (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable("custom_domains").execute()
  }
}
migrations["0003_custom_domains"] = customDomains
migrations["0005_monitor_deadlines"] = monitorDeadlines

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrate(() => new Migrator({ db, provider: new InCodeMigrations() }).migrateToLatest())
}

/** Migrates up (or down) to `name` exactly: how tests build a database as an older version left it. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  await migrate(() => new Migrator({ db, provider: new InCodeMigrations() }).migrateTo(name))
}

async function migrate(run: () => Promise<MigrationResultSet>): Promise<void> {
  const { error, results } = await run()
  const failed = results?.find((r) => r.status === "Error")
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
