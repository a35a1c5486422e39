import uPlot from 'uplot'
import { COLOURS, data, markPainted, plotElement, showReadout } from './common.js'

const xs = data.dates.map((_, i) => i)
const plot = new uPlot(
  {
    width: plotElement.clientWidth,
    height: plotElement.clientHeight,
    scales: { x: { time: false } },
    axes: [
      { values: (_u, ticks) => ticks.map((i) => data.dates[i] ?? '') },
      { values: (_u, ticks) => ticks.map((v) => `${(v * 100).toFixed(0)}%`) },
    ],
    series: [{}, ...data.series.map((s, i) => ({ label: s.symbol, stroke: COLOURS[i], width: 2 }))],
    legend: { show: false },
    hooks: { setCursor: [(u) => showReadout(u.cursor.idx ?? -1)] },
  },
  [xs, ...data.series.map((s) => s.values)],
  plotElement,
)
void plot
markPainted()
