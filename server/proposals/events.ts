import { EventEmitter } from "node:events"

export interface ChangeWatch {
  /** `true` when the proposal changed, `false` on timeout or abort. */
  settled: Promise<boolean>
  cancel(): void
}

/** Not a proposal id (those are strings), so no waiter can collide with it. */
const ANY_CHANGE = Symbol("any proposal changed")

/**
 * In-process notifications that a proposal changed, fired after the transaction commits.
 * Long-polling agents subscribe instead of polling the database.
 */
export class ProposalEvents {
  readonly #emitter = new EventEmitter()

  constructor() {
    // Many agents may wait on many proposals at once; the default cap of 10 would warn.
    this.#emitter.setMaxListeners(0)
  }

  changed(proposalId: string): void {
    this.#emitter.emit(proposalId)
    this.#emitter.emit(ANY_CHANGE)
  }

  /** Calls `listener` after any proposal's change commits (the webhook dispatcher wakes on it). Returns the unsubscribe. */
  onAnyChange(listener: () => void): () => void {
    this.#emitter.on(ANY_CHANGE, listener)
    return () => this.#emitter.off(ANY_CHANGE, listener)
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
}
