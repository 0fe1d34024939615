import type { WorkflowStats } from "~src/domain/stats"

type SeriesPoint = WorkflowStats["series"][number]

export interface ChartSeries {
  label: string
  color: string
  /** One value per x; null leaves a gap (a day without data). */
  values: (number | null)[]
  /** A reference line (the review-time target): dashed, without points. */
  reference?: boolean
}

export interface ChartData {
  /** Unix seconds, one per day. */
  x: number[]
  series: ChartSeries[]
}

const people = (p: SeriesPoint) => p.approval + p.edit + p.reject > 0
/** Days something ran: the revert rate's base (older servers do not say; then days with decisions). */
const ran = (p: SeriesPoint) => (p.executed === undefined ? p.decisions > 0 : p.executed > 0)

const xOf = (series: readonly SeriesPoint[]) => series.map((p) => Math.floor(Date.parse(`${p.day}T00:00:00Z`) / 1000))

/** Approval, edit and reject as percentages of the day's decisions by people; revert of what ran. */
export function rateChart(series: readonly SeriesPoint[]): ChartData {
  const percent = (share: number) => share * 100
  return {
    x: xOf(series),
    series: [
      { label: "Approval", color: "#1a7f37", values: series.map((p) => (people(p) ? percent(p.approval) : null)) },
      { label: "Edit", color: "#1f4fd1", values: series.map((p) => (people(p) ? percent(p.edit) : null)) },
      { label: "Reject", color: "#b42318", values: series.map((p) => (people(p) ? percent(p.reject) : null)) },
      { label: "Revert", color: "#8a4b00", values: series.map((p) => (ran(p) ? percent(p.revert) : null)) }
    ]
  }
}

/** The day's median review time in seconds, against the two-minute target. */
export function reviewTimeChart(series: readonly SeriesPoint[], targetMs: number): ChartData {
  return {
    x: xOf(series),
    series: [
      { label: "Median review time", color: "#5b3cc4", values: series.map((p) => (p.medianReviewMs == null ? null : p.medianReviewMs / 1000)) },
      {
        label: `Target (${targetMs / 1000 >= 60 ? `${targetMs / 60_000} min` : `${targetMs / 1000} s`})`,
        color: "#4a5468",
        values: series.map(() => targetMs / 1000),
        reference: true
      }
    ]
  }
}

/** A chart with nothing but reference lines would be bare axes: the advisor says so instead. */
export const hasData = (chart: ChartData): boolean => chart.series.some((s) => !s.reference && s.values.some((v) => v !== null))

/** 0 to a little above the larger of the data and the reference line, so the target is always on the chart. */
export function valueRange(chart: ChartData): [number, number] {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null)
  return [0, Math.max(1, ...values) * 1.15]
}
