// A horizontal bar chart in SVG with the numbers written beside each bar.
import type { VNode } from 'preact';

export interface Bar {
  label: string;
  /** A mark before the label (hidden from assistive technology: the label says it). */
  icon?: VNode;
  value: number;
  tone?: string;
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 26;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        width="100%"
        height={bars.length * rowHeight}
        role="img"
        aria-label={title}
        viewBox={`0 0 300 ${bars.length * rowHeight}`}
        preserveAspectRatio="none"
      >
        {bars.map((bar, i) => (
          <rect
            key={bar.label}
            x={0}
            y={i * rowHeight + 4}
            width={Math.max(2, (bar.value / max) * 300)}
            height={rowHeight - 8}
            class={`bar ${bar.tone ?? ''}`}
          />
        ))}
      </svg>
      <dl class="chart-numbers">
        {bars.map((bar) => (
          <div key={bar.label}>
            {/* Mark and label side by side: the chart's `svg { display: block }` would stack them. */}
            <dt style={bar.icon ? { display: 'flex', alignItems: 'center', gap: '0.3em' } : undefined}>
              {bar.icon}
              {bar.label}
            </dt>
            <dd>{bar.value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

/** Touches per week as columns; the total and the last week are written out. */
export function WeeklyChart({ weeks, title, summary }: { weeks: number[]; title: string; summary: string }) {
  const max = Math.max(1, ...weeks);
  const w = 10;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        width="100%"
        height="80"
        viewBox={`0 0 ${weeks.length * w} 80`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title}: ${summary}`}
      >
        {weeks.map((count, i) => (
          <rect
            key={i}
            x={i * w + 1}
            y={80 - (count / max) * 78}
            width={w - 2}
            height={(count / max) * 78}
            class="bar"
          >
            <title>{count}</title>
          </rect>
        ))}
      </svg>
      <p class="muted small">{summary}</p>
    </figure>
  );
}
