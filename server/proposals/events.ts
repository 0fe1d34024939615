import { EventEmitter } from "node:events"

export interface ChangeWatch {
  /** `true` when the proposal changed, `false` on timeout or abort. */
  settled: Promise<boolean>
  cancel(): void
}

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
