import { createRoot } from 'react-dom/client'
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { COLOURS, data, plotElement } from './common.js'

const rows = data.dates.map((date, i) => {
  const row = { date }
  for (const s of data.series) {
    row[s.symbol] = s.values[i]
    row[`${s.symbol}:chg`] = s.changes[i]
  }
  return row
})
const pct = (v) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(2)}%`)

function Readout({ active, payload, label }) {
  if (!active || !payload?.length) return null
  return (
    <div style={{ background: '#fff', border: '1px solid #ccc', padding: 6, fontSize: 12 }}>
      <div>{label}</div>
      {payload.map((p) => (
        <div key={p.dataKey}>
          {p.dataKey} {pct(p.value)} ({pct(p.payload[`${p.dataKey}:chg`])} on the day)
        </div>
      ))}
    </div>
  )
}

function Chart() {
  return (
    <LineChart width={plotElement.clientWidth} height={plotElement.clientHeight} data={rows}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="date" />
      <YAxis tickFormatter={(v) => `${(v * 100).toFixed(0)}%`} />
      <Tooltip content={<Readout />} isAnimationActive={false} />
      {data.series.map((s, i) => (
        <Line key={s.symbol} dataKey={s.symbol} stroke={COLOURS[i]} dot={false} isAnimationActive={false} />
      ))}
    </LineChart>
  )
}

createRoot(plotElement).render(<Chart />)
