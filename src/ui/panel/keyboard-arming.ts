import type { TrustPolicy } from "~src/ui/proposal/trusted-events"

/**
 * Whether the reviewer put the focus in the panel. The host page cannot send events into our
 * frame, but it can focus the frame's window (`frames[0].focus()`) and then ask the reviewer to
 * "press A" or "press Enter": the keys would be trusted and land in the panel. So keys and
 * keyboard clicks act only once the reviewer has clicked or tabbed inside the panel, or opened it
 * from the launcher; focus arriving from outside disarms them and is moved off any decision button.
 */
export function createKeyboardArming(win: Window, focusHome: () => void) {
  let armed = false
  const arm = (event: Event) => {
    if (event.isTrusted) armed = true
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Tab") arm(event)
  }
  const onFocus = () => {
    if (!armed) focusHome()
  }
  const onBlur = () => {
    armed = false
  }
  win.addEventListener("pointerdown", arm, true)
  win.addEventListener("keydown", onKeyDown, true)
  win.addEventListener("focus", onFocus)
  win.addEventListener("blur", onBlur)
  return {
    /** The content script says the reviewer opened the panel from the launcher. */
    arm: () => {
      armed = true
    },
    isArmed: () => armed,
    /** Trusted by the browser and armed by the reviewer. */
    policy: ((event: Event) => event.isTrusted === true && armed) satisfies TrustPolicy,
    stop: () => {
      win.removeEventListener("pointerdown", arm, true)
      win.removeEventListener("keydown", onKeyDown, true)
      win.removeEventListener("focus", onFocus)
      win.removeEventListener("blur", onBlur)
    }
  }
}
