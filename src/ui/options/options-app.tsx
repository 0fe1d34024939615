import { Suspense, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react"
import { adminGate } from "./admin-gate"
import { hashOf, sectionIdFromHash } from "./console-route"
import { CONSOLE_SECTIONS, type ConsoleSection, type SectionProps } from "./console-sections"
import { optionsCss } from "./options-styles"
import { useMe } from "~src/ui/background-queries"

const subscribeToHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange)
  return () => window.removeEventListener("hashchange", onChange)
}

/** The section the URL hash names (the browser's back and forward included). */
function useActiveSection(sections: readonly ConsoleSection[]): ConsoleSection {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash)
  const id = sectionIdFromHash(hash, sections)
  return sections.find((s) => s.id === id)!
}

/**
 * The admin console: a navigation of sections (CONSOLE_SECTIONS), one shown at a time, each
 * deep-linkable by the URL hash. Following a link moves focus to the section's heading, so
 * keyboard and screen-reader users land where they asked to go.
 */
export function OptionsApp({ sections = CONSOLE_SECTIONS, ...edges }: SectionProps & { sections?: readonly ConsoleSection[] }) {
  // Plasmo's generated options.html has no lang attribute or specific title.
  useEffect(() => {
    document.documentElement.lang = "en"
  }, [])
  const active = useActiveSection(sections)
  useEffect(() => {
    document.title = `${active.label} · Signoff settings`
  }, [active.label])
  const me = useMe()
  const gate = adminGate(me)

  // Focus follows navigation, not the first paint: a freshly opened page keeps the browser's focus.
  const [navigations, setNavigations] = useState(0)
  const shown = useRef(active.id)
  useEffect(() => {
    if (shown.current === active.id) return
    shown.current = active.id
    setNavigations((n) => n + 1)
  }, [active.id])

  const { Component } = active
  return (
    <>
      <style>{optionsCss}</style>
      <div className="console">
        <header className="console-header">
          <h1>Signoff settings</h1>
          <p className="hint" aria-live="polite">
            {me.data ? (
              <>
                Connected as <strong>{me.data.name}</strong> ({me.data.role})
              </>
            ) : me.isError ? (
              "Not connected: set the server and token under Connection."
            ) : null}
          </p>
        </header>
        <nav className="console-nav" aria-label="Settings sections">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={hashOf(s.id)} aria-current={s.id === active.id ? "page" : undefined}>
                  {s.label}
                  {s.needsAdmin && !gate.canEdit && !me.isPending && <span className="nav-note"> (read-only)</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console-main">
          <Suspense fallback={<p role="status">Loading {active.label}…</p>}>
            <FocusHeadingOnMount key={active.id} focus={navigations > 0}>
              <Component {...edges} />
            </FocusHeadingOnMount>
          </Suspense>
        </main>
      </div>
    </>
  )
}

/**
 * Moves focus to the first heading inside once it is on screen. Inside the Suspense boundary, so
 * for a lazily loaded section this runs when the section (and its heading) has arrived.
 */
function FocusHeadingOnMount({ focus, children }: { focus: boolean; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!focus) return
    const heading = box.current?.querySelector<HTMLElement>("h2")
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
  }, [focus])
  return <div ref={box}>{children}</div>
}
