import { describe, expect, it } from 'vitest';
import { Histogram, MetricsWriter } from './prometheus';

describe('MetricsWriter', () => {
  it('writes HELP, TYPE and samples in text format 0.0.4', () => {
    const text = new MetricsWriter()
      .gauge('x_calls', 'Calls.', [{ labels: { status: 'queued' }, value: 3 }, { labels: { status: 'a"b\\c\nd' }, value: 1.5 }])
      .counter('x_total', 'Total.', 7)
      .toString();
    expect(text).toBe(
      [
        '# HELP x_calls Calls.',
        '# TYPE x_calls gauge',
        'x_calls{status="queued"} 3',
        'x_calls{status="a\\"b\\\\c\\nd"} 1.5',
        '# HELP x_total Total.',
        '# TYPE x_total counter',
        'x_total 7',
        '',
      ].join('\n'),
    );
  });

  it('writes cumulative histogram buckets with +Inf, sum and count', () => {
    const h = new Histogram([1, 10]);
    for (const v of [0.5, 2, 20]) h.observe(v);
    const text = new MetricsWriter().histogram('x_ms', 'Ms.', h.snapshot()).toString();
    expect(text).toContain('x_ms_bucket{le="1"} 1\nx_ms_bucket{le="10"} 2\nx_ms_bucket{le="+Inf"} 3\nx_ms_sum 22.5\nx_ms_count 3');
  });
});
