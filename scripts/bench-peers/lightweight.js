import { LineSeries, createChart } from 'lightweight-charts'
import { COLOURS, data, markPainted, plotElement, showReadout } from './common.js'

const chart = createChart(plotElement, {
  width: plotElement.clientWidth,
  height: plotElement.clientHeight,
  localization: { priceFormatter: (v) => `${(v * 100).toFixed(1)}%` },
})
data.series.forEach((s, i) => {
  const line = chart.addSeries(LineSeries, { color: COLOURS[i], lineWidth: 2, title: s.symbol })
  line.setData(data.dates.flatMap((date, j) => (s.values[j] === null ? [] : [{ time: date, value: s.values[j] }])))
})
chart.timeScale().fitContent()
chart.subscribeCrosshairMove((param) => showReadout(param.time ? data.dates.indexOf(param.time) : -1))
markPainted()
