/**
 * Issue 11's hostile host page, in real Chromium with the production build. The page's own script
 * (Playwright's page.evaluate runs in the page's main world, where a host's scripts live) tries
 * everything it can against an open panel: read it, reach its fields, send it synthetic clicks and
 * keys, talk to its frame, focus it so the reviewer's own keys land there, and frame panel.html
 * itself. None of it may decide, change an edit, or move the host's layout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { hostLayout } from "../support/host-layout"
import { action, gotoWithPanel, openPanel, openProposal, PANEL_PATH, panelFrame } from "../support/panel"

describe("a hostile host page", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  const outboxSize = async () => (await session.browser.sendMessage<{ outboxSize: number }>({ type: "sync.status" })).data!.outboxSize

  it("can neither read nor drive the panel, and a panel.html it frames itself stays inert", async () => {
    const proposal = await session.agent.createProposal(
      proposalFor(HUBSPOT_CONTACT_101, {
        title: "Confidential subject line",
        summary: "Nobody but the reviewer should read this",
        change: { kind: "content", field: "subject", format: "text", before: "Meet the spring line-up", after: "Spring is here!!!" }
      })
    )
    await session.syncNow()
    const page = await session.browser.context.newPage()
    const dialogs: string[] = []
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    const layoutBefore = await hostLayout(page)
    // The frame sits in a closed shadow root, so window.frames does not list it. Should anything ever
    // post to this window from the frame, the page would catch the frame's WindowProxy here: it listens.
    await page.evaluate(() => {
      const caught: Window[] = []
      ;(window as unknown as { caughtFrames: Window[] }).caughtFrames = caught
      window.addEventListener("message", (event) => {
        if (event.source && event.source !== window && !caught.includes(event.source as Window)) caught.push(event.source as Window)
      })
    })
    await openPanel(page)
    await openProposal(page, proposal.id)

    // 1. Read: the document, every shadow root it can reach, every frame.
    const seen = await page.evaluate(() => {
      const texts = [document.documentElement.innerText]
      for (const el of document.querySelectorAll("*")) if (el.shadowRoot) texts.push(el.shadowRoot.textContent ?? "")
      const frameReads: string[] = []
      for (const frame of (window as unknown as { caughtFrames: Window[] }).caughtFrames) {
        try {
          frameReads.push(frame.document.body.innerText)
        } catch (error) {
          frameReads.push(`blocked: ${(error as Error).name}`)
        }
      }
      const host = document.querySelector("signoff-launcher")
      return {
        texts,
        frameReads,
        listedFrames: window.frames.length,
        hostShadowRoot: host ? host.shadowRoot : "no host",
        iframesInDocument: document.querySelectorAll("iframe").length
      }
    })
    expect(seen.texts.join("\n")).not.toContain("Confidential subject line")
    expect(seen.texts.join("\n")).not.toContain("Nobody but the reviewer")
    expect(seen.hostShadowRoot).toBeNull() // closed
    expect(seen.iframesInDocument).toBe(0) // the frame is inside the closed shadow root
    expect(seen.listedFrames).toBe(0) // window.frames lists only the document tree's frames
    expect(seen.frameReads).toEqual([]) // and the frame never posts to the page's window, so it has no reference at all

    // 2. Synthetic clicks and keys: on the document, on our host element, at the panel's place on screen.
    const frame = await panelFrame(page)
    const approveBox = (await frame.locator(`article[data-proposal-id="${proposal.id}"]`).getByRole("button", { name: "Approve", exact: true }).boundingBox())!
    await page.evaluate(
      ({ x, y }) => {
        for (const key of ["a", "A", "Enter", " ", "e", "r"]) {
          for (const target of [document, window, document.body]) target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }))
        }
        const host = document.querySelector("signoff-launcher")!
        host.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }))
        const underApprove = document.elementFromPoint(x, y)
        underApprove?.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, clientX: x, clientY: y }))
        ;(underApprove as HTMLElement | null)?.click?.()
      },
      { x: approveBox.x + approveBox.width / 2, y: approveBox.y + approveBox.height / 2 }
    )

    // 3. Talk to every frame it can reach as if it were our content script: a port, a guessed session, "opened".
    await page.evaluate(() => {
      const reachable = [
        ...(window as unknown as { caughtFrames: Window[] }).caughtFrames,
        ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]!)
      ]
      for (const frame of reachable) {
        const channel = new MessageChannel()
        frame.postMessage({ type: "signoff:connect" }, "*", [channel.port2])
        channel.port1.postMessage({ type: "session", session: "00000000-0000-4000-8000-000000000000" })
        channel.port1.postMessage({ type: "opened" })
        channel.port1.postMessage({ type: "refresh" })
      }
    })

    // 4. Focus whatever it can of ours, then ask the reviewer to "press A" / "press Enter": trusted keys, real keyboard.
    // (Were the frame's window ever reachable, focus arriving from outside would still disarm its keys:
    // src/ui/panel/keyboard-arming.ts, tests/unit/ui/panel/keyboard-arming.test.ts.)
    await page.evaluate(() => {
      for (const frame of (window as unknown as { caughtFrames: Window[] }).caughtFrames) frame.focus()
      ;(document.querySelector("signoff-launcher") as HTMLElement | null)?.focus()
    })
    for (const key of ["a", "Enter", "Space", "r", "1"]) await page.keyboard.press(key)
    await page.waitForTimeout(1_000) // time for a wrongly accepted decision to reach the background
    expect(await outboxSize()).toBe(0)
    expect(await frame.getByRole("group", { name: "Why reject?" }).count()).toBe(0)
    expect((await session.reviewer.getProposal(proposal.id)).status).toBe("pending")

    // 5. Frame panel.html itself: at the extension's static URL, and at any extension URL the page can
    //    find in its resource timing (the per-session dynamic URL, should Chrome list our frame there).
    const extensionUrls = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((name) => name.startsWith("chrome-extension://"))
    )
    const attempts = [`chrome-extension://${session.browser.extensionId}/tabs/panel.html`, ...extensionUrls.filter((u) => u.includes("panel.html"))]
    console.log(`extension URLs in the page's resource timing: ${extensionUrls.length ? extensionUrls.join(", ") : "none"}`)
    const selfFramedUrls = await page.evaluate(async (urls) => {
      for (const url of urls) {
        const own = document.createElement("iframe")
        own.src = url
        own.dataset.attack = "self-framed"
        own.style.cssText = "position:fixed;left:0;bottom:0;width:300px;height:200px"
        document.body.append(own)
      }
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      // Pretend to be our content script towards them.
      for (const own of document.querySelectorAll<HTMLIFrameElement>("iframe[data-attack]")) {
        const channel = new MessageChannel()
        own.contentWindow?.postMessage({ type: "signoff:connect" }, "*", [channel.port2])
        channel.port1.postMessage({ type: "session", session: "00000000-0000-4000-8000-000000000000" })
        channel.port1.postMessage({ type: "opened" })
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      return urls
    }, attempts)
    expect(selfFramedUrls.length).toBeGreaterThan(0)
    const selfFramed = page.frames().filter((f) => f !== frame && f.url().startsWith("chrome-extension://") && new URL(f.url()).pathname === PANEL_PATH)
    console.log(
      `panel.html framed by the page itself: ${selfFramed.length ? `${selfFramed.length} loaded, checking they are inert` : "blocked by Chrome (use_dynamic_url)"}`
    )
    // Whatever loaded shows nothing: no session, no panel.
    for (const own of selfFramed) expect((await own.locator("body").innerText()).trim()).toBe("")

    // 6. The reviewer edits for real; the page tries to change the edit right before the reviewer's click.
    const card = await openProposal(page, proposal.id)
    await action(card, "Edit").click()
    await card.getByLabel("Edit proposed subject").fill("Spring is here")
    const tamper = await page.evaluate(() => {
      const results: string[] = []
      const reachable = [
        ...(window as unknown as { caughtFrames: Window[] }).caughtFrames,
        ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]!)
      ]
      for (const box of document.querySelectorAll("textarea")) results.push(`host textarea ${box.getAttribute("aria-label")}`)
      for (const frame of reachable) {
        try {
          const box = frame.document.querySelector("textarea")!
          box.value = "Buy now, free money"
          box.dispatchEvent(new Event("input", { bubbles: true }))
          results.push("changed")
        } catch (error) {
          results.push(`blocked: ${(error as Error).name}`)
        }
      }
      return results
    })
    expect(tamper.every((r) => r.startsWith("blocked"))).toBe(true) // in practice: nothing reachable at all
    await card.getByRole("button", { name: "Save and approve" }).click()
    await pollUntil(async () => (await session.reviewer.getProposal(proposal.id)).status === "approved", "the reviewer's own edit to be approved")
    const decided = await session.reviewer.getProposal(proposal.id)
    expect(decided.editedChange).toMatchObject({ kind: "content", after: "Spring is here" })
    expect(decided.decisions.map((d) => d.action)).toEqual(["edit"])

    // The host page's own layout is where it was, and nothing popped up.
    await page.evaluate(() => document.querySelectorAll("iframe[data-attack]").forEach((f) => f.remove()))
    expect(await hostLayout(page)).toEqual(layoutBefore)
    expect(dialogs).toEqual([])
    await page.close()
  })

  it("renders nothing and is refused everything when panel.html loads without our content script", async () => {
    // Loaded straight, as if some page had found a way to frame it: no content script, no session.
    const page = await session.browser.context.newPage()
    await page.goto(session.browser.extensionUrl("tabs/panel.html"))
    await page.waitForTimeout(1_000)
    expect((await page.locator("body").innerText()).trim()).toBe("")
    const answers = await page.evaluate(async () =>
      Promise.all(
        [
          { type: "proposals.forEntity" },
          { type: "decision.submit", decision: { proposalId: "ANY", action: "approve", proposalVersion: 1 } },
          { type: "panel.claim", session: "00000000-0000-4000-8000-000000000000" },
          { type: "panel.session" }
        ].map((m) => chrome.runtime.sendMessage(m))
      )
    )
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: "forbidden" } })
    expect(await outboxSize()).toBe(0)
    await page.close()
  })
})
