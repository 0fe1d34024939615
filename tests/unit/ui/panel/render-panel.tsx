import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { vi } from "vitest"
import type { Entity } from "~src/domain"
import { PanelApp } from "~src/ui/panel/panel-app"
import { TAB_PROPOSALS_KEY } from "~src/ui/panel/use-tab-proposals"
import { TrustPolicyProvider, type TrustPolicy } from "~src/ui/proposal/trusted-events"
import { BackgroundProvider, createQueryClient } from "~src/ui/query-client"
import type { fakeBackground } from "./fake-background"

export const contactEntity: Entity = { platform: "hubspot", tenant: "4410021", kind: "contact", id: "101", label: "HubSpot contact 101" }

/**
 * Every event Testing Library creates is untrusted (only the browser can make trusted ones),
 * so the tests of ordinary use accept them; the isTrusted tests use the browser policy.
 */
export const acceptTestEvents: TrustPolicy = () => true

/**
 * The panel page's app as its frame renders it once linked: the fake background answers for "the
 * tab" (`state.entity`, the contact by default). `navigate` is what the content script does on SPA
 * navigation: the tab shows another entity and the frame is told to re-read.
 */
export function renderPanel(background: ReturnType<typeof fakeBackground>, options: { entity?: Entity | null; trust?: TrustPolicy; pageUrl?: string } = {}) {
  const client = createQueryClient()
  background.state.entity = options.entity === undefined ? contactEntity : options.entity
  const onClose = vi.fn()
  const result = render(
    <TrustPolicyProvider policy={options.trust ?? acceptTestEvents}>
      <BackgroundProvider ask={background.ask} client={client}>
        <PanelApp pageUrl={options.pageUrl ?? null} onClose={onClose} refetchIntervalMs={60_000} />
      </BackgroundProvider>
    </TrustPolicyProvider>
  )
  return {
    ...result,
    user: userEvent.setup(),
    client,
    onClose,
    navigate: (entity: Entity | null) => {
      background.state.entity = entity
      void client.invalidateQueries({ queryKey: TAB_PROPOSALS_KEY })
    }
  }
}

/** The panel, once its first answer arrived. */
export async function openPanel(_user?: ReturnType<typeof userEvent.setup>) {
  const panel = await screen.findByRole("complementary", { name: "Signoff review panel" })
  await waitFor(() => {
    if (panel.textContent?.includes("Loading proposals")) throw new Error("still loading")
  })
  return panel
}
