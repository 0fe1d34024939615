import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Proposal, Workflow } from "~src/domain"
import { generateToken } from "~server/auth/tokens"
import { connectDatabase } from "~server/db/connect"
import { migrateTo } from "~server/db/migrations"
import { sha256Hex } from "~server/hashing"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client } from "./fixtures"

/**
 * A database as the version before issue 13 left it (migrations up to 0004): workflows without a
 * spot-check size, proposals with a deadline but no reminder time. Upgrading keeps every deadline
 * and gives the waiting proposals the reminder they had until now (at 80 %).
 */
const reviewerToken = generateToken()
const CREATED = "2026-11-02T00:00:00.000Z"
const EXPIRES = "2026-11-02T10:00:00.000Z"

async function buildDatabaseBeforeIssue13(location: string): Promise<void> {
  const db = connectDatabase(location)
  try {
    await migrateTo(db, "0004_webhooks_cancel")
    await db
      .insertInto("principals")
      .values({ id: "PR-ANA", name: "Ana", role: "reviewer", email: null, created_at: CREATED } as never)
      .execute()
    await db
      .insertInto("principals")
      .values({ id: "PR-BOT", name: "bot", role: "agent", email: null, created_at: CREATED } as never)
      .execute()
    await db
      .insertInto("tokens")
      .values({
        id: "T-ANA",
        token_hash: sha256Hex(reviewerToken),
        role: "reviewer",
        name: "Ana",
        created_at: CREATED,
        principal_id: "PR-ANA",
        workflows: '"*"',
        expires_at: null,
        revoked_at: null
      } as never)
      .execute()
    await db
      .insertInto("tokens")
      .values({
        id: "T-BOT",
        token_hash: sha256Hex(generateToken()),
        role: "agent",
        name: "bot",
        created_at: CREATED,
        principal_id: "PR-BOT",
        workflows: '"*"',
        expires_at: null,
        revoked_at: null
      } as never)
      .execute()
    await db
      .insertInto("workflows")
      .values({
        id: "email-copy",
        name: "Email copy",
        model: "approve",
        threshold: 0.9,
        quorum: 1,
        expiry_hours: 10,
        paused: 0,
        created_at: CREATED,
        updated_at: CREATED,
        review_rules: "[]"
      } as never)
      .execute()
    const proposal = (id: string, seq: number, expiresAt: string | null) =>
      db
        .insertInto("proposals")
        .values({
          id,
          workflow_id: "email-copy",
          created_by_token: "T-BOT",
          created_by_principal: "PR-BOT",
          status: "pending",
          version: 1,
          seq,
          platform: "hubspot",
          target_kind: "email",
          target_id: "4242",
          body: JSON.stringify(proposalBody()),
          edited_change: null,
          content_hash: null,
          base_snapshot_hash: null,
          approvers: "[]",
          quorum: 1,
          expires_at: expiresAt,
          created_at: CREATED,
          updated_at: CREATED,
          review: null
        } as never)
        .execute()
    await proposal("P-DEADLINE", 1, EXPIRES)
    await proposal("P-OPEN", 2, null)
    await db
      .updateTable("counters")
      .set({ value: 2 } as never)
      .where("name", "=", "proposal_seq")
      .execute()
  } finally {
    await db.destroy()
  }
}

describe("upgrading a database from before deadline reminders and spot-checks", () => {
  let server: TestServer
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    // The clock stands before the old deadline, so nothing expires while the test reads.
    server = await startTestServer({ prepare: buildDatabaseBeforeIssue13, now: () => new Date("2026-11-02T01:00:00.000Z") })
    api = client(server)
  })
  afterAll(() => server.close())

  it("gives existing workflows the default spot-check size and keeps their own expiry", async () => {
    const [workflow] = (await api.get("/v1/workflows", reviewerToken)).body as Workflow[]
    expect(workflow).toMatchObject({ id: "email-copy", spotCheckSize: 5, expiryHours: 10 })
  })

  it("keeps a waiting proposal's deadline and gives it the reminder it had until now, at 80 %", async () => {
    const proposal = Proposal.parse((await api.get("/v1/proposals/P-DEADLINE", reviewerToken)).body)
    expect(proposal.expiresAt).toBe(EXPIRES)
    expect(proposal.remindAt).toBe("2026-11-02T08:00:00.000Z")
  })

  it("gives no reminder to a proposal without a deadline", async () => {
    const proposal = Proposal.parse((await api.get("/v1/proposals/P-OPEN", reviewerToken)).body)
    expect(proposal.expiresAt).toBeUndefined()
    expect(proposal.remindAt).toBeUndefined()
  })
})
