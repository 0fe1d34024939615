// @types/jsdom is not installed (dependencies are pinned); the fixture-page test needs only this much.
declare module "jsdom" {
  export class JSDOM {
    constructor(html: string, options?: { url?: string; runScripts?: "dangerously" | "outside-only" })
    readonly window: Window & typeof globalThis
  }
}
