import { useEffect, useRef } from "react"
import uPlot from "uplot"
import "uplot/dist/uPlot.min.css"

export interface ChartSeries {
  label: string
  color: string
  /** One value per x; null leaves a gap (a day without decisions). */
  values: (number | null)[]
}

interface Props {
  /** Accessible name of the chart: what it plots. */
  title: string
  /** Unix seconds, one per point. */
  x: number[]
  series: ChartSeries[]
  formatValue: (value: number) => string
  yRange?: [number, number]
  width?: number
  height?: number
}

/**
 * A uPlot line chart. uPlot draws to canvas, so the element carries a text summary for
 * screen readers (latest value of each series) in its accessible name.
 */
export function TimeSeriesChart({ title, x, series, formatValue, yRange, width = 420, height = 200 }: Props) {
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!container.current) return
    const plot = new uPlot(
      {
        width,
        height,
        title,
        scales: { x: { time: true }, y: yRange ? { range: () => yRange } : {} },
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => formatValue(t)), size: 56 }],
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, value: (_u: uPlot, v: number | null) => (v == null ? "–" : formatValue(v)) }))
        ]
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      container.current
    )
    return () => plot.destroy()
  }, [title, x, series, formatValue, yRange, width, height])

  const latest = series
    .map((s) => {
      const last = [...s.values].reverse().find((v) => v != null)
      return `${s.label} ${last == null ? "no data" : formatValue(last)}`
    })
    .join(", ")
  return <div ref={container} className="chart" role="img" aria-label={`${title}. Latest: ${latest}`} />
}
