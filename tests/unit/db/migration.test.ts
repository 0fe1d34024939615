import Dexie from "dexie"
import { afterEach, describe, expect, it } from "vitest"
import { SCHEMA_VERSION, SignoffDatabase } from "~src/db"
import { targetKey } from "~src/domain"
import { makeProposal } from "~tests/support/proposals"

/** The v1 schema as it shipped, written out so this test keeps meaning what it says when the current one moves on. */
const V1_STORES = {
  proposals: "id, seq, status, workflowId, targetKey, updatedAt, [target.platform+target.id]",
  outbox: "++id, &idempotencyKey, proposalId, state",
  workflows: "id",
  meta: "key",
  settings: "key"
}

const campaign = { kind: "campaign", id: "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b" }
const campaignKey = targetKey({ platform: "hubspot", ...campaign })

let name = ""
afterEach(async () => {
  await Dexie.delete(name)
})

async function seedVersion1(rows: object[]) {
  name = `migration-${crypto.randomUUID()}`
  const v1 = new Dexie(name)
  v1.version(1).stores(V1_STORES)
  await v1.open()
  await v1.table("proposals").bulkPut(rows)
  await v1.table("outbox").add({ idempotencyKey: "key-1", proposalId: "P-EMAIL", state: "pending" })
  v1.close()
}

describe("the cache's v1 → v2 upgrade", () => {
  it("gives existing rows their parent keys, so the new index finds a campaign's email", async () => {
    const email = makeProposal({ id: "P-EMAIL", target: { platform: "hubspot", kind: "email", id: "1100", parents: [campaign] } })
    const contact = makeProposal({ id: "P-CONTACT" })
    await seedVersion1([
      { ...email, targetKey: targetKey(email.target) },
      { ...contact, targetKey: targetKey(contact.target) }
    ])

    const db = new SignoffDatabase(name)
    await db.open()

    expect(db.verno).toBe(SCHEMA_VERSION)
    expect((await db.proposals.where("parentKeys").equals(campaignKey).toArray()).map((p) => p.id)).toEqual(["P-EMAIL"])
    expect((await db.proposals.get("P-CONTACT"))?.parentKeys).toEqual([])
    db.close()
  })

  it("carries queued decisions over untouched", async () => {
    await seedVersion1([])

    const db = new SignoffDatabase(name)

    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ idempotencyKey: "key-1", proposalId: "P-EMAIL", state: "pending" })])
    db.close()
  })
})
