import { useEffect, useRef } from "react"
import type { TrustPolicy } from "~src/ui/proposal/trusted-events"
import { isTypingEvent } from "./editable-target"

export interface ReviewShortcutHandlers {
  next: () => void
  previous: () => void
  approve: () => void
  reject: () => void
  edit: () => void
  escape: () => void
}

export const SHORTCUT_KEYS: Record<string, keyof ReviewShortcutHandlers> = {
  j: "next",
  k: "previous",
  a: "approve",
  r: "reject",
  e: "edit",
  Escape: "escape"
}

/**
 * J/K move, A approve, R reject, E edit, Esc back/close — while the panel is open. Listens on
 * the window so it works wherever focus is, except while someone types (host page or panel),
 * with a modifier held (browser and host shortcuts), or for synthetic key events.
 */
export function useReviewShortcuts(enabled: boolean, handlers: ReviewShortcutHandlers, trust: TrustPolicy, win: Window = window) {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return
      const action = SHORTCUT_KEYS[event.key] ?? SHORTCUT_KEYS[event.key.toLowerCase()]
      if (!action || !trust(event) || isTypingEvent(event)) return
      event.preventDefault()
      latest.current[action]()
    }
    win.addEventListener("keydown", onKeyDown)
    return () => win.removeEventListener("keydown", onKeyDown)
  }, [enabled, trust, win])
}
