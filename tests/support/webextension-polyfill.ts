/*
 * The tests' webextension-polyfill (vitest aliases the package here). The real polyfill refuses to
 * load outside an extension and would bind to the `chrome` object present at import time; tests
 * install promise-style `chrome.*` fakes per file or per test instead. This stand-in reads
 * `globalThis.chrome` at each access and keeps the one polyfill behaviour the code relies on: an
 * onMessage listener answers by returning a promise (the polyfill then keeps the channel open and
 * calls sendResponse). The real polyfill runs in the e2e suite, in Chromium.
 */
type Listener = (message: unknown, sender: unknown) => unknown
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown
type ChromeEvent = { addListener(l: ChromeListener): void; removeListener?(l: ChromeListener): void; hasListener?(l: ChromeListener): boolean }

const wrappers = new WeakMap<Listener, ChromeListener>()
const wrap = (listener: Listener): ChromeListener => {
  let wrapper = wrappers.get(listener)
  if (!wrapper) {
    wrapper = (message, sender, sendResponse) => {
      const reply = listener(message, sender)
      if (!(reply instanceof Promise)) return false
      reply.then(sendResponse, (error: Error) => sendResponse({ __mozWebExtensionPolyfillReject__: true, message: error.message }))
      return true
    }
    wrappers.set(listener, wrapper)
  }
  return wrapper
}

const promiseOnMessage = (event: ChromeEvent) => ({
  addListener: (l: Listener) => event.addListener(wrap(l)),
  removeListener: (l: Listener) => event.removeListener?.(wrap(l)),
  hasListener: (l: Listener) => event.hasListener?.(wrap(l)) ?? false
})

const chromeNow = () => (globalThis as unknown as { chrome: Record<string, any> }).chrome

const browser = new Proxy({} as Record<string, unknown>, {
  get(_, namespace: string) {
    const api = chromeNow()?.[namespace]
    if (namespace !== "runtime" || !api?.onMessage) return api
    return new Proxy(api, { get: (runtime, key) => (key === "onMessage" ? promiseOnMessage(runtime.onMessage) : runtime[key as string]) })
  }
})

export default browser
