import type { Entity } from "~src/domain"

/** The panel's full-body states: nothing to show, and why, in one sentence with the way out. */
export function UnreadablePageMessage() {
  return (
    <p className="message">
      Signoff can't read this page. It finds the record, list, email, workflow or campaign from the page address: open one to see what the AI proposes for it.
    </p>
  )
}

export function NotConfiguredMessage() {
  return (
    <p className="message">
      Signoff is not connected to a server. <strong>Open Signoff options to connect</strong> (toolbar icon → Settings).
    </p>
  )
}

export function UnreachableMessage({ detail }: { detail: string }) {
  return (
    <p className="message" role="alert">
      Signoff's extension worker did not answer ({detail}). Reload the page; if this persists, reload the extension.
    </p>
  )
}

export function EmptyMessage({ entity }: { entity: Entity }) {
  return <p className="message">No AI proposals for this {entity.kind.replace(/-/g, " ")}.</p>
}
