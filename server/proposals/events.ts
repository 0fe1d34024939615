import { EventEmitter } from "node:events"

/** What changed: enough for a live channel to filter by visibility and for a client to skip a pull it already made. */
export interface ProposalChange {
  id: string
  seq: number
  /** The principal that created the proposal (agents see only their own); null for rows from before principals. */
  createdBy: string | null
}

export interface ChangeWatch {
  /** `true` when the proposal changed, `false` on timeout or abort. */
  settled: Promise<boolean>
  cancel(): void
}

/** Not a proposal id (those are strings), so no waiter can collide with it. */
const ANY_CHANGE = Symbol("any proposal changed")
/** Changes may have been missed (a cross-instance listener reconnected): everyone re-reads. */
const GAP = Symbol("changes may have been missed")

/**
 * Notifications that a proposal changed, fired once the change is committed. Long-polling agents
 * and live channels subscribe instead of polling the database. Within one process the writer
 * fires them after its commit; across processes on one Postgres database they arrive through
 * LISTEN/NOTIFY (server/events/postgres-changes.ts), which calls `changed` here in every process.
 */
export class ProposalEvents {
  readonly #emitter = new EventEmitter()

  constructor() {
    // Many agents may wait on many proposals at once; the default cap of 10 would warn.
    this.#emitter.setMaxListeners(0)
  }

  changed(change: ProposalChange): void {
    this.#emitter.emit(change.id)
    this.#emitter.emit(ANY_CHANGE, change)
  }

  /**
   * Changes may have been lost (the cross-instance listener was disconnected): wake every waiter
   * and tell every subscriber, so each re-reads the database instead of trusting it heard all.
   */
  gap(): void {
    for (const name of this.#emitter.eventNames()) if (typeof name === "string") this.#emitter.emit(name)
    this.#emitter.emit(GAP)
  }

  /** Calls `listener` after any proposal's change commits (the webhook dispatcher wakes on it). Returns the unsubscribe. */
  onAnyChange(listener: (change: ProposalChange) => void): () => void {
    this.#emitter.on(ANY_CHANGE, listener)
    return () => this.#emitter.off(ANY_CHANGE, listener)
  }

  /** Calls `listener` when changes may have been missed (see `gap`). Returns the unsubscribe. */
  onGap(listener: () => void): () => void {
    this.#emitter.on(GAP, listener)
    return () => this.#emitter.off(GAP, listener)
  }

  /**
   * Subscribes immediately, so a caller can subscribe, then read, then await: a change that
   * lands between the read and the await is not lost.
   */
  watch(proposalId: string, timeoutMs: number, signal?: AbortSignal): ChangeWatch {
    let finish: (changed: boolean) => void = () => {}
    const settled = new Promise<boolean>((resolve) => {
      const onChange = () => finish(true)
      const onAbort = () => finish(false)
      const timer = setTimeout(() => finish(false), timeoutMs)
      finish = (changed) => {
        clearTimeout(timer)
        this.#emitter.off(proposalId, onChange)
        signal?.removeEventListener("abort", onAbort)
        resolve(changed)
      }
      this.#emitter.on(proposalId, onChange)
      if (signal?.aborted) onAbort()
      else signal?.addEventListener("abort", onAbort, { once: true })
    })
    return { settled, cancel: () => finish(false) }
  }

  listenerCount(proposalId: string): number {
    return this.#emitter.listenerCount(proposalId)
  }

  /** Waits in progress, on all proposals (the capacity benchmark reads it). */
  watcherCount(): number {
    let count = 0
    for (const name of this.#emitter.eventNames()) if (typeof name === "string") count += this.#emitter.listenerCount(name)
    return count
  }
}
