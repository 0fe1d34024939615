import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import type { Entity } from "~src/context/entity"
import { PanelApp } from "~src/ui/panel/panel-app"
import { TrustPolicyProvider, type TrustPolicy } from "~src/ui/proposal/trusted-events"
import { BackgroundProvider, createQueryClient } from "~src/ui/query-client"
import type { fakeBackground } from "./fake-background"

export const contactEntity: Entity = { platform: "hubspot", kind: "contact", id: "101", label: "HubSpot contact 101" }

/**
 * Every event Testing Library creates is untrusted (only the browser can make trusted ones),
 * so the tests of ordinary use accept them; the isTrusted tests use the browser policy.
 */
export const acceptTestEvents: TrustPolicy = () => true

export function renderPanel(background: ReturnType<typeof fakeBackground>, options: { entity?: Entity | null; trust?: TrustPolicy } = {}) {
  const client = createQueryClient()
  const ui = (entity: Entity | null) => (
    <TrustPolicyProvider policy={options.trust ?? acceptTestEvents}>
      <BackgroundProvider ask={background.ask} client={client}>
        <PanelApp entity={entity} refetchIntervals={{ open: 60_000, closed: 60_000 }} />
      </BackgroundProvider>
    </TrustPolicyProvider>
  )
  const result = render(ui(options.entity === undefined ? contactEntity : options.entity))
  return {
    ...result,
    user: userEvent.setup(),
    client,
    navigate: (entity: Entity | null) => result.rerender(ui(entity))
  }
}

export async function openPanel(user: ReturnType<typeof userEvent.setup>, launcherName: RegExp = /^Signoff: \d+ proposals?$/) {
  await user.click(await screen.findByRole("button", { name: launcherName }))
  return screen.getByRole("complementary", { name: "Signoff review panel" })
}
