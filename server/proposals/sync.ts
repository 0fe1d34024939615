import type { SyncPage } from "~src/domain"
import type { Db } from "../db/connect"
import { withDecisions } from "./record"

/** Proposals changed after `since`, oldest change first; `nextSince` is the cursor to pass next. */
export async function syncPage(db: Db, since: number, limit: number): Promise<SyncPage> {
  const rows = await db
    .selectFrom("proposals")
    .selectAll()
    .where("seq", ">", since)
    .orderBy("seq")
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const items = await withDecisions(db, page)
  return {
    items,
    nextSince: page.length > 0 ? Number(page[page.length - 1]!.seq) : since,
    hasMore: rows.length > limit
  }
}
