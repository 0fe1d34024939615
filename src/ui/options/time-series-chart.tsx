import { useEffect, useRef } from "react"
import uPlot from "uplot"
import "uplot/dist/uPlot.min.css"
import type { ChartData } from "./advisor-chart-data"

interface Props {
  /** Accessible name of the chart: what it plots. */
  title: string
  data: ChartData
  formatValue: (value: number) => string
  yRange: [number, number]
  /** The steps the value axis may tick at (uPlot's default suits percentages, not durations). */
  yIncrements?: number[]
  width?: number
  height?: number
}

/**
 * A uPlot chart of daily values. Every value is drawn as a point as well as a line, so a day on
 * its own (neighbours without data) still shows; reference lines (a target) are dashed. uPlot
 * draws to canvas, so the element carries a text summary for screen readers in its name.
 */
export function TimeSeriesChart({ title, data, formatValue, yRange, yIncrements, width = 520, height = 220 }: Props) {
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!container.current) return
    const plot = new uPlot(
      {
        width,
        height,
        title,
        scales: { x: { time: true }, y: { range: () => yRange } },
        // Wide enough for "2.5 min" whole.
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => formatValue(t)), size: 72, ...(yIncrements ? { incrs: yIncrements } : {}) }],
        series: [
          {},
          ...data.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.reference ? 1.5 : 2,
            spanGaps: false,
            ...(s.reference ? { dash: [6, 4], points: { show: false } } : { points: { show: true, size: 7, fill: s.color } }),
            value: (_u: uPlot, v: number | null) => (v == null ? "–" : formatValue(v))
          }))
        ]
      },
      [data.x, ...data.series.map((s) => s.values)] as uPlot.AlignedData,
      container.current
    )
    return () => plot.destroy()
  }, [title, data, formatValue, yRange, yIncrements, width, height])

  const summary = data.series
    .filter((s) => !s.reference)
    .map((s) => {
      const last = [...s.values].reverse().find((v) => v != null)
      return `${s.label} ${last == null ? "no data" : formatValue(last)}`
    })
    .join(", ")
  const references = data.series.filter((s) => s.reference).map((s) => s.label)
  return (
    <div
      ref={container}
      className="chart"
      role="img"
      aria-label={`${title}. Latest: ${summary}${references.length ? `. Reference: ${references.join(", ")}` : ""}`}
    />
  )
}
