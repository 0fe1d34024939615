import { useEffect, useRef } from "react"

export interface QueueKeyHandlers {
  next: () => void
  previous: () => void
  approve: () => void
  reject: () => void
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)
}

/** J/K move through the queue, A approves, R rejects — like a mail client. Off while typing or when `enabled` is false. */
export function useQueueKeyboard(handlers: QueueKeyHandlers, enabled: boolean) {
  // Handlers change every render; the listener reads the latest ones without re-subscribing.
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const action = { j: "next", k: "previous", a: "approve", r: "reject" }[event.key.toLowerCase()] as keyof QueueKeyHandlers | undefined
      if (!action) return
      event.preventDefault()
      latest.current[action]()
    }
    document.addEventListener("keydown", onKeyDown)
    return () => document.removeEventListener("keydown", onKeyDown)
  }, [enabled])
}
