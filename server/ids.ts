import { randomFillSync } from "node:crypto"
import { monotonicFactory } from "ulid"

const POOL_SIZE = 4096
const pool = new Uint32Array(POOL_SIZE)
let next = POOL_SIZE

/**
 * Cryptographic randomness drawn from a refilled pool: ulid's default source asks the OS once
 * per character, which showed up as the largest single cost of creating a proposal.
 */
function pooledRandom(): number {
  if (next === POOL_SIZE) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++]! / 0x1_0000_0000
}

/**
 * ULIDs, monotonic within a millisecond, so ids sort in creation order (the list endpoint's
 * cursor relies on it).
 */
export const newId: () => string = monotonicFactory(pooledRandom)
