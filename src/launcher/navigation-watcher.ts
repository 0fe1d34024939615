import type { PageEntity } from "~src/platforms"

/** A platform detector: URL in, entity out (or null on pages Signoff has nothing to say about). */
export type Detector = (url: URL) => PageEntity | null

export interface EntityVisit {
  url: string
  /** null on pages the detector cannot read (settings, dashboards). */
  entity: PageEntity | null
  /** Aborted when the user moves to another entity: cancel fetches, timers and listeners with it. */
  signal: AbortSignal
}

export interface NavigationWatcherOptions {
  detector: Detector
  onVisit: (visit: EntityVisit) => void
  /** Fallback poll period; the URL check is a string compare, so this stays cheap. */
  pollMs?: number
  /** The window to watch (tests pass jsdom's). */
  win?: Window
}

/** Minimal shape of the Navigation API (Chromium ≥ 102), typed here because lib.dom in TS 5.8 lacks it. */
type NavigationLike = EventTarget

/**
 * Follows a single-page app's navigation and reports each new entity exactly once.
 *
 * A content script runs in an isolated world: patching `history.pushState` there does not see
 * the page's own calls. So we listen where the browser tells every world (Navigation API
 * `currententrychange` / `navigatesuccess`, `popstate`, `hashchange`) and keep a cheap
 * location poll for anything that slips through (e.g. browsers without the Navigation API).
 * Returns a function that stops watching and aborts the current visit's signal.
 */
export function watchNavigation({ detector, onVisit, pollMs = 400, win = window }: NavigationWatcherOptions): () => void {
  const lifetime = new AbortController()
  let lastUrl = ""
  let lastKey = ""
  let visit: AbortController | null = null

  const check = () => {
    if (lifetime.signal.aborted) return
    const url = win.location.href
    if (url === lastUrl) return
    lastUrl = url
    const entity = readEntity(detector, url)
    const key = JSON.stringify(entity)
    // Same entity under a new URL (a tab switch inside a record page): the current work stays valid.
    if (visit && key === lastKey) return
    lastKey = key
    visit?.abort(new DOMException("navigated to another entity", "AbortError"))
    visit = new AbortController()
    onVisit({ url, entity, signal: visit.signal })
  }

  const options = { signal: lifetime.signal }
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation
  navigation?.addEventListener("currententrychange", check, options)
  navigation?.addEventListener("navigatesuccess", check, options)
  win.addEventListener("popstate", check, options)
  win.addEventListener("hashchange", check, options)
  const poll = win.setInterval(check, pollMs)
  lifetime.signal.addEventListener("abort", () => win.clearInterval(poll))

  check()
  return () => {
    lifetime.abort()
    visit?.abort(new DOMException("navigation watcher stopped", "AbortError"))
  }
}

/** A throwing detector must not take the page's panel down: treat it as "can't read this page". */
function readEntity(detector: Detector, url: string): PageEntity | null {
  try {
    return detector(new URL(url))
  } catch {
    return null
  }
}
