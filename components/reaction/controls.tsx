'use client'

import { useId, useState } from 'react'
import type { ChartEvent } from '@/lib/chart/model'
import { formatDayMonth } from '@/lib/format'
import { READER_SESSIONS, type ReaderSession } from '@/lib/reaction/exchanges'
import {
  PAIRING_OPTIONS,
  REACTION_BOUNDS,
  parsePath,
  parseWindowList,
  windowListToText,
  type ReactionView,
} from '@/lib/reaction/view-params'
import { SYMBOLS, getSymbolInfo } from '@/lib/symbols'

export function LabelledSelect(props: {
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
  className?: string
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-[var(--muted)]">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={`rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 ${props.className ?? ''}`}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * A text field that writes the URL only when its text parses (on Enter or leaving the field); otherwise it
 * says what is wrong and keeps the last good value in force. Callers key it by its value, so a new value
 * from the URL (back button, shared link) starts it afresh.
 */
function ParsedField(props: {
  label: string
  value: string
  hint: string
  width: string
  inputMode?: 'numeric' | 'text'
  parse: (text: string) => string | null
  onCommit: (text: string) => void
}) {
  const id = useId()
  const [text, setText] = useState(props.value)
  const [error, setError] = useState(false)
  const commit = () => {
    const parsed = props.parse(text)
    if (parsed === null) {
      setError(true)
      return
    }
    setError(false)
    if (parsed !== props.value) props.onCommit(parsed)
  }
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-[var(--muted)]">
        {props.label}
      </label>
      <input
        id={id}
        value={text}
        inputMode={props.inputMode}
        aria-invalid={error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
        className={`rounded-md border bg-[var(--panel)] px-2 py-1 ${props.width} ${error ? 'border-[var(--error-fg)]' : 'border-[var(--border)]'}`}
      />
      {error ? (
        <span id={`${id}-error`} className="max-w-[14rem] text-[10px] text-[var(--error-fg)]">
          {props.hint}
        </span>
      ) : null}
    </div>
  )
}

const MODEL_LABELS = {
  market: 'Market model',
  'market-adjusted': 'Market-adjusted',
  'constant-mean': 'Constant mean',
} as const
const PAIRING_LABELS = {
  auto: 'Auto',
  'same-date': 'Same date',
  'time-matched': 'Time-matched',
  dimson: 'Dimson (lead/lag)',
} as const
const SESSION_LABELS: Record<ReaderSession | 'none', string> = {
  none: 'the date is day 0',
  'before-open': 'before the US open',
  during: 'during the US session',
  'after-close': 'after the US close',
}

const intText = (min: number, max: number) => (text: string) => {
  const t = text.trim()
  if (!/^\d{1,4}$/.test(t)) return null
  const n = Number(t)
  return n >= min && n <= max ? String(n) : null
}

export interface ReactionControlsProps {
  events: ChartEvent[]
  eventId: string
  benchmark: string
  reaction: ReactionView
  onEvent: (id: string) => void
  onBenchmark: (symbol: string) => void
  onReaction: (patch: Partial<ReactionView>) => void
}

/** Every parameter of the study, each written to the page URL like the other controls. */
export function ReactionControls({
  events,
  eventId,
  benchmark,
  reaction,
  onEvent,
  onBenchmark,
  onReaction,
}: ReactionControlsProps) {
  const dateId = useId()
  const benchmarks = SYMBOLS.map((s) => s.symbol)
  const ownDay0 = reaction.day0 !== null
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" data-testid="reaction-controls">
      <LabelledSelect
        label="Day 0 from"
        value={ownDay0 ? 'own' : 'event'}
        onChange={(v) =>
          onReaction(
            v === 'own'
              ? { day0: events.find((e) => e.id === eventId)?.tradingDate ?? '2025-01-27', session: null }
              : { day0: null, session: null },
          )
        }
        options={[
          { value: 'event', label: 'an event' },
          { value: 'own', label: 'a date of my own' },
        ]}
      />
      {ownDay0 ? (
        <>
          <div className="flex flex-col gap-0.5">
            <label htmlFor={dateId} className="text-xs text-[var(--muted)]">
              Date
            </label>
            <input
              id={dateId}
              type="date"
              value={reaction.day0 ?? ''}
              min="2024-07-01"
              onChange={(e) => {
                if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onReaction({ day0: e.target.value })
              }}
              className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
            />
          </div>
          <LabelledSelect
            label="When that day"
            value={reaction.session ?? 'none'}
            onChange={(v) => onReaction({ session: v === 'none' ? null : (v as ReaderSession) })}
            options={(['none', ...READER_SESSIONS] as const).map((s) => ({ value: s, label: SESSION_LABELS[s] }))}
          />
        </>
      ) : (
        <LabelledSelect
          label="Event"
          value={eventId}
          onChange={onEvent}
          options={events.map((e) => ({
            value: e.id,
            label: `${formatDayMonth(e.tradingDate)} · ${e.origin === 'reader' ? 'Yours: ' : ''}${e.title}`,
          }))}
          className="max-w-[18rem]"
        />
      )}
      <LabelledSelect
        label="Benchmark"
        value={benchmark}
        onChange={onBenchmark}
        // Every symbol with data; one from a shared link that is not in the list still shows as chosen.
        options={(benchmarks.includes(benchmark) ? benchmarks : [...benchmarks, benchmark]).map((symbol) => ({
          value: symbol,
          label: `${symbol} · ${getSymbolInfo(symbol)?.name ?? symbol}`,
        }))}
        className="max-w-[14rem]"
      />
      <LabelledSelect
        label="Model"
        value={reaction.model}
        onChange={(v) =>
          onReaction({
            model: v as ReactionView['model'],
            ...(v !== 'market' && reaction.pairing === 'dimson' ? { pairing: 'auto' } : {}),
          })
        }
        options={(['market', 'market-adjusted', 'constant-mean'] as const).map((m) => ({
          value: m,
          label: MODEL_LABELS[m],
        }))}
      />
      <LabelledSelect
        label="Pairing"
        value={reaction.pairing}
        onChange={(v) => onReaction({ pairing: v as ReactionView['pairing'] })}
        options={PAIRING_OPTIONS.filter((p) => p !== 'dimson' || reaction.model === 'market').map((p) => ({
          value: p,
          label: PAIRING_LABELS[p],
        }))}
      />
      <ParsedField
        key={`estimation-${reaction.estimation}`}
        label="Estimation (sessions)"
        value={String(reaction.estimation)}
        width="w-20"
        inputMode="numeric"
        hint={`A whole number from ${REACTION_BOUNDS.estimation.min} to ${REACTION_BOUNDS.estimation.max}.`}
        parse={intText(REACTION_BOUNDS.estimation.min, REACTION_BOUNDS.estimation.max)}
        onCommit={(t) => onReaction({ estimation: Number(t) })}
      />
      <ParsedField
        key={`gap-${reaction.gap}`}
        label="Gap (sessions)"
        value={String(reaction.gap)}
        width="w-16"
        inputMode="numeric"
        hint={`A whole number from ${REACTION_BOUNDS.gap.min} to ${REACTION_BOUNDS.gap.max}.`}
        parse={intText(REACTION_BOUNDS.gap.min, REACTION_BOUNDS.gap.max)}
        onCommit={(t) => onReaction({ gap: Number(t) })}
      />
      <ParsedField
        key={`windows-${windowListToText(reaction.windows)}`}
        label="Windows"
        value={windowListToText(reaction.windows)}
        width="w-36"
        hint={`t1:t2 items separated by commas, within ±${REACTION_BOUNDS.windowReach} sessions, at most ${REACTION_BOUNDS.maxWindows}, e.g. 0:0,0:1,-1:1`}
        parse={(t) => {
          const list = parseWindowList(t)
          return list ? windowListToText(list) : null
        }}
        onCommit={(t) => onReaction({ windows: parseWindowList(t) ?? reaction.windows })}
      />
      <ParsedField
        key={`path-${reaction.path.join(':')}`}
        label="Figure days"
        value={`${reaction.path[0]}:${reaction.path[1]}`}
        width="w-20"
        hint={`t1:t2 with t1 ≤ 0 ≤ t2, within ±${REACTION_BOUNDS.pathReach}, e.g. -10:20`}
        parse={(t) => {
          const p = parsePath(t)
          return p ? `${p[0]}:${p[1]}` : null
        }}
        onCommit={(t) => onReaction({ path: parsePath(t) ?? reaction.path })}
      />
    </div>
  )
}
