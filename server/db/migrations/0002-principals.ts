import type { Kysely, Migration } from "kysely"
import { newId } from "../../ids"

/**
 * Principals (people and agents) behind tokens; token scopes, expiry and revocation; the
 * principal on proposals, decisions and audit entries; workflow review rules; the review reason
 * of each proposal; and a settings table (which audit key the chain is signed with).
 *
 * Existing data, so that nothing loosens on upgrade:
 * - Each distinct (name, role) of the existing tokens becomes one principal. Quorum used to count
 *   names, so tokens sharing a name were one vote; they stay one vote.
 * - Existing tokens keep working with scope `*` and no expiry.
 * - `approvers` (who approved the current content) held names; they become principal ids, found
 *   through that proposal's own approve/edit decisions (which record the role).
 * - Existing proposals get the review reason `legacy` (the reason was not recorded then).
 * The audit chain is re-keyed at the first start with the key (server/audit/rekey.ts), not here:
 * the key is not in the database.
 */
export const principalsFromLegacyTokens: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("principals")
      .addColumn("id", "varchar(32)", (c) => c.primaryKey())
      .addColumn("name", "varchar(200)", (c) => c.notNull())
      .addColumn("role", "varchar(16)", (c) => c.notNull())
      .addColumn("email", "varchar(320)")
      .addColumn("created_at", "varchar(40)", (c) => c.notNull())
      .execute()
    await db.schema
      .createTable("settings")
      .addColumn("name", "varchar(64)", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .execute()

    // SQLite adds one column per ALTER TABLE.
    await db.schema
      .alterTable("tokens")
      .addColumn("principal_id", "varchar(32)", (c) => c.references("principals.id"))
      .execute()
    await db.schema
      .alterTable("tokens")
      .addColumn("workflows", "text", (c) => c.notNull().defaultTo('"*"'))
      .execute()
    await db.schema.alterTable("tokens").addColumn("expires_at", "varchar(40)").execute()
    await db.schema.alterTable("tokens").addColumn("revoked_at", "varchar(40)").execute()
    await db.schema.alterTable("proposals").addColumn("created_by_principal", "varchar(32)").execute()
    await db.schema.alterTable("proposals").addColumn("review", "text").execute()
    await db.schema.alterTable("decisions").addColumn("actor_principal_id", "varchar(32)").execute()
    await db.schema.alterTable("audit_log").addColumn("actor_principal_id", "varchar(32)").execute()
    await db.schema
      .alterTable("workflows")
      .addColumn("review_rules", "text", (c) => c.notNull().defaultTo("[]"))
      .execute()
    await db.schema.createIndex("tokens_principal").on("tokens").column("principal_id").execute()
    await db.schema.createIndex("proposals_principal").on("proposals").columns(["created_by_principal", "id"]).execute()

    const tokens: Array<{ id: string; name: string; role: string; created_at: string }> = await db
      .selectFrom("tokens")
      .select(["id", "name", "role", "created_at"])
      .orderBy("created_at")
      .orderBy("id")
      .execute()
    const principalOf = new Map<string, string>()
    const key = (name: string, role: string) => `${role}\u0000${name}`
    for (const token of tokens) {
      let principalId = principalOf.get(key(token.name, token.role))
      if (!principalId) {
        principalId = newId()
        principalOf.set(key(token.name, token.role), principalId)
        await db.insertInto("principals").values({ id: principalId, name: token.name, role: token.role, email: null, created_at: token.created_at }).execute()
      }
      await db.updateTable("tokens").set({ principal_id: principalId }).where("id", "=", token.id).execute()
    }
    const principalOfToken = new Map<string, string>()
    for (const token of tokens) principalOfToken.set(token.id, principalOf.get(key(token.name, token.role))!)

    const proposals: Array<{ id: string; created_by_token: string; approvers: string; status: string }> = await db
      .selectFrom("proposals")
      .select(["id", "created_by_token", "approvers", "status"])
      .execute()
    for (const proposal of proposals) {
      const names = JSON.parse(proposal.approvers) as string[]
      const approvers: string[] = []
      for (const name of names) {
        const decision: { actor_role: string } | undefined = await db
          .selectFrom("decisions")
          .select("actor_role")
          .where("proposal_id", "=", proposal.id)
          .where("actor_name", "=", name)
          .where("action", "in", ["approve", "edit"])
          .orderBy("created_at", "desc")
          .executeTakeFirst()
        const principalId =
          (decision && principalOf.get(key(name, decision.actor_role))) ?? principalOf.get(key(name, "reviewer")) ?? principalOf.get(key(name, "admin"))
        // A name no token carries any more still counts as the one vote it was.
        approvers.push(principalId ?? `legacy:${name}`)
      }
      const autoApproved = await db
        .selectFrom("decisions")
        .select("id")
        .where("proposal_id", "=", proposal.id)
        .where("action", "=", "auto_approve")
        .executeTakeFirst()
      const review = {
        outcome: autoApproved ? "auto_approved" : "pending",
        reason: "legacy",
        text: "created before Signoff recorded why a proposal waits or was auto-approved"
      }
      await db
        .updateTable("proposals")
        .set({
          created_by_principal: principalOfToken.get(proposal.created_by_token) ?? null,
          approvers: JSON.stringify(approvers),
          review: JSON.stringify(review)
        })
        .where("id", "=", proposal.id)
        .execute()
    }

    // Decisions name a principal where the (name, role) is unambiguous, which it is by construction.
    for (const [k, principalId] of principalOf) {
      const [role, name] = k.split("\u0000") as [string, string]
      await db.updateTable("decisions").set({ actor_principal_id: principalId }).where("actor_name", "=", name).where("actor_role", "=", role).execute()
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex("proposals_principal").execute()
    await db.schema.dropIndex("tokens_principal").execute()
    for (const [table, column] of [
      ["workflows", "review_rules"],
      ["audit_log", "actor_principal_id"],
      ["decisions", "actor_principal_id"],
      ["proposals", "review"],
      ["proposals", "created_by_principal"],
      ["tokens", "revoked_at"],
      ["tokens", "expires_at"],
      ["tokens", "workflows"],
      ["tokens", "principal_id"]
    ] as const)
      await db.schema.alterTable(table).dropColumn(column).execute()
    await db.schema.dropTable("settings").execute()
    await db.schema.dropTable("principals").execute()
  }
}
