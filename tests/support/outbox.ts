import type { SignoffDatabase } from "~src/db"
import type { Account } from "~src/domain"
import type { DecisionRequest } from "~src/local/decision-request"
import { currentAccount, enqueueDecision } from "~src/sync"

/** The account unit tests queue and push under when no settings are stored. */
export const TEST_ACCOUNT: Account = { server: "http://127.0.0.1:9", principalId: null, name: "Test Reviewer", tokenKey: "test-token-key" }

/** enqueueDecision as the background does it: under the account connected now (the test account when none). */
export async function queueDecision(db: SignoffDatabase, request: DecisionRequest, options: { now?: number; newKey?: () => string } = {}) {
  const account = (await currentAccount(db)) ?? TEST_ACCOUNT
  return enqueueDecision(db, request, { now: options.now ?? Date.now(), account, ...(options.newKey ? { newKey: options.newKey } : {}) })
}
