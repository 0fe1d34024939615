/*
 * The background's one broadcast to open panels: "my cache changed, re-read it". Without it an open
 * panel would learn of newly synced proposals, a sent decision or a 409 conflict only at its next
 * poll (10 s). Zod-free on purpose: content scripts import it (tests/unit/contents/import-graph.test.ts).
 */

import type { Runtime as RuntimeApi } from "webextension-polyfill"

export const CACHE_CHANGED = "signoff.cache-changed"

export interface CacheChangedNotice {
  type: typeof CACHE_CHANGED
}

type Runtime = Pick<RuntimeApi.Static, "id" | "onMessage">

/** Calls `onChange` on each notice from this extension's own background; returns the unsubscribe. */
export function onCacheChanged(runtime: Runtime, onChange: () => void): () => void {
  const listener = (message: unknown, sender: RuntimeApi.MessageSender) => {
    // Only the background sends to a content script's world, but check who sent it anyway.
    if (sender.id === runtime.id && (message as Partial<CacheChangedNotice> | null)?.type === CACHE_CHANGED) onChange()
  }
  runtime.onMessage.addListener(listener)
  return () => runtime.onMessage.removeListener(listener)
}
