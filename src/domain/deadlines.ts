/**
 * When a pending proposal counts as "expiring": once this share of the time between its creation
 * and its expiry has passed. One place for the threshold, shared by the `proposal.expiring`
 * webhook and the deadline reminders that will build on it.
 */
export const EXPIRING_AFTER_SHARE = 0.8

/** The moment a proposal created at `createdAt` and expiring at `expiresAt` starts "expiring". */
export function expiringFrom(createdAt: Date, expiresAt: Date): Date {
  const span = Math.max(0, expiresAt.getTime() - createdAt.getTime())
  return new Date(createdAt.getTime() + span * EXPIRING_AFTER_SHARE)
}

/** Expiring now: past the threshold but not yet expired (an expired proposal gets its own event). */
export function isExpiring(createdAt: Date, expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiringFrom(createdAt, expiresAt).getTime() && now.getTime() < expiresAt.getTime()
}
