import type { PlasmoCSConfig } from "plasmo"
import { ProposalCreate } from "~src/domain"
export const config: PlasmoCSConfig = { matches: ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"] }
console.log("signoff hubspot", ProposalCreate.safeParse({}).success)
