import { vi } from "vitest"

/**
 * jsdom has no layout: every element measures 0×0, so a virtualizer would render no rows.
 * Give elements the popup's real list viewport size so the virtualizer computes a window.
 */
export function giveElementsALayout(height = 320, width = 400) {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: height,
    right: width,
    width,
    height,
    toJSON: () => ({})
  } as DOMRect)
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(height)
  vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockReturnValue(width)
  // @tanstack/virtual-core sizes its viewport from clientWidth/clientHeight.
  vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(height)
  vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(width)
}
