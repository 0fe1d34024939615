export * from "./api-error"
export * from "./cancellation"
export * from "./changes"
export * from "./decision"
export * from "./execution"
export * from "./me"
export * from "./principal"
export * from "./review"
export * from "./review-rules"
export * from "./platform"
export * from "./proposal"
export * from "./sync"
export * from "./workflow"
export * from "./audit"
export * from "./stats"
export * from "./entity"
export * from "./live"
export * from "./account"
export {
  BULK_RECORDS,
  CHANGE_KIND_TABLE,
  changeFieldsTouched,
  changeKindLabel,
  changeRiskReasons,
  editableFields,
  isAlwaysHighRisk,
  isPopulationLevel,
  type ChangeKindRow
} from "./change-kinds"
export * from "./deadlines"
export * from "./summary"
export * from "./history"
export * from "./feedback"
