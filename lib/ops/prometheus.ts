/**
 * A minimal Prometheus text-format (0.0.4) writer: enough for gauges, counters and histograms
 * without pulling in a client library and its global registry.
 */
export type Labels = Record<string, string | number>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function formatLabels(labels: Labels | undefined): string {
  if (!labels) return '';
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export class MetricsWriter {
  private readonly lines: string[] = [];

  private header(name: string, type: 'gauge' | 'counter' | 'histogram', help: string): void {
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`);
  }

  gauge(name: string, help: string, samples: Sample[] | number): this {
    this.header(name, 'gauge', help);
    for (const s of typeof samples === 'number' ? [{ value: samples }] : samples) this.lines.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
    return this;
  }

  counter(name: string, help: string, samples: Sample[] | number): this {
    this.header(name, 'counter', help);
    for (const s of typeof samples === 'number' ? [{ value: samples }] : samples) this.lines.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
    return this;
  }

  /** `buckets` are upper bounds with cumulative counts; +Inf is added from `count`. */
  histogram(name: string, help: string, h: { buckets: Array<[number, number]>; sum: number; count: number }): this {
    this.header(name, 'histogram', help);
    for (const [le, n] of h.buckets) this.lines.push(`${name}_bucket{le="${formatValue(le)}"} ${n}`);
    this.lines.push(`${name}_bucket{le="+Inf"} ${h.count}`, `${name}_sum ${formatValue(h.sum)}`, `${name}_count ${h.count}`);
    return this;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** A cumulative histogram with fixed bounds. */
export class Histogram {
  private readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(v: number): void {
    this.sum += v;
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) if (v <= this.bounds[i]) this.counts[i]++;
  }

  snapshot(): { buckets: Array<[number, number]>; sum: number; count: number } {
    return { buckets: this.bounds.map((b, i) => [b, this.counts[i]]), sum: this.sum, count: this.count };
  }
}
