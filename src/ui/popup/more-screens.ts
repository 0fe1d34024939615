/**
 * The popup's screens other than the queue, and a proposal's detail (the proposal card, DOMPurify,
 * diff, the zod domain), in one chunk loaded on demand. One chunk, not one per
 * screen: Plasmo marks extension pages `isolated`, so Parcel gives each async bundle its own copy of
 * every shared module (React, zod, the domain: ~680 KiB each, measured); the shared module registry
 * keeps one instance at run time, but three chunks would ship three copies.
 */
export { default as EscalationsScreen } from "./escalations-screen"
export { ProposalDetail } from "./proposal-detail"
export { default as SummaryScreen } from "./summary-screen"
export { default as TierSettingsScreen } from "./tier-settings-screen"
