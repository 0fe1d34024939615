// @vitest-environment jsdom
import "./rtl-cleanup"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { BulkChangeView } from "~src/ui/changes/bulk"
import { bulk } from "./sample-changes"

describe("BulkChangeView", () => {
  it("states the rule and the total before any sample row", () => {
    const { container } = render(<BulkChangeView change={bulk} />)
    expect(screen.getByText(bulk.rule)).toBeTruthy()
    expect(screen.getByText("100,000 contact records")).toBeTruthy()
    const text = container.textContent!
    expect(text.indexOf("100,000 contact records")).toBeLessThan(text.indexOf("c-1"))
  })

  it("states how many sample rows are shown out of the sample and the total", () => {
    render(<BulkChangeView change={bulk} />)
    expect(screen.getByText("Showing 10 of 25 sample rows of 100,000 records")).toBeTruthy()
    expect(screen.getAllByRole("row")).toHaveLength(11) // header + 10
  })

  it("pages through the sample", async () => {
    const user = userEvent.setup()
    render(<BulkChangeView change={bulk} />)
    expect((screen.getByRole("button", { name: "Previous sample page" }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByRole("button", { name: "Next sample page" }))
    await user.click(screen.getByRole("button", { name: "Next sample page" }))
    expect(screen.getByText("Showing 5 of 25 sample rows of 100,000 records")).toBeTruthy()
    expect(screen.getByText("Page 3 of 3")).toBeTruthy()
    expect(screen.getByRole("rowheader", { name: "c-25" })).toBeTruthy()
    expect((screen.getByRole("button", { name: "Next sample page" }) as HTMLButtonElement).disabled).toBe(true)
  })

  it("marks each changed cell before → after", () => {
    const { container } = render(<BulkChangeView change={bulk} />)
    expect(container.querySelector("tbody del")?.textContent).toBe("vp mktg 1")
    expect(container.querySelector("tbody ins")?.textContent).toBe("VP Marketing 1")
  })

  it("has no pager when the sample fits one page", () => {
    render(<BulkChangeView change={{ ...bulk, sample: bulk.sample.slice(0, 3) }} />)
    expect(screen.queryByRole("navigation")).toBeNull()
    expect(screen.getByText("Showing 3 of 3 sample rows of 100,000 records")).toBeTruthy()
  })
})
