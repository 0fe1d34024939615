import { createContext, useCallback, useContext, type ChangeEvent, type ReactNode } from "react"

/**
 * Decides whether an event came from the user. Host pages are hostile: a script on the page
 * can dispatch synthetic clicks and key presses into our open shadow root, so every decision
 * handler ignores events the browser did not mark `isTrusted`. Tests inject a policy because
 * jsdom (like any script) can only create untrusted events.
 */
export type TrustPolicy = (event: Event) => boolean

export const browserTrustPolicy: TrustPolicy = (event) => event.isTrusted === true

const TrustPolicyContext = createContext<TrustPolicy>(browserTrustPolicy)

export function TrustPolicyProvider({ policy, children }: { policy: TrustPolicy; children: ReactNode }) {
  return <TrustPolicyContext.Provider value={policy}>{children}</TrustPolicyContext.Provider>
}

export function useTrustPolicy(): TrustPolicy {
  return useContext(TrustPolicyContext)
}

type AnyEvent = Event | { nativeEvent: Event }

/** Wraps a handler so it only runs for events the user actually caused. */
export function useTrustedHandler() {
  const policy = useTrustPolicy()
  return useCallback(
    <E extends AnyEvent>(handler: (event: E) => void) =>
      (event: E) => {
        const native = ("nativeEvent" in event ? event.nativeEvent : event) as Event
        if (!policy(native)) return
        handler(event)
      },
    [policy]
  )
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

/**
 * For the fields of an edit: a change the user did not make is undone on the spot (the field goes
 * back to the last value the user typed) and never reported, so what "Save and approve" sends is
 * always what the reviewer typed and sees.
 */
export function useTrustedChange() {
  const policy = useTrustPolicy()
  return useCallback(
    (handler: (value: string) => void) => (event: ChangeEvent<Field>) => {
      const field = event.target
      if (!policy(event.nativeEvent)) {
        field.value = lastTrusted.get(field) ?? (field instanceof HTMLSelectElement ? field.value : field.defaultValue)
        return
      }
      lastTrusted.set(field, field.value)
      handler(field.value)
    },
    [policy]
  )
}

const lastTrusted = new WeakMap<Field, string>()
