/**
 * @module metrics/registry
 * munshi's own counters, gauges and histograms, written in the Prometheus text exposition format
 * (version 0.0.4) for `GET /metrics`. Pure and tiny on purpose: a handful of series, no library,
 * no timers. Features are counted by decorators around their ports (metrics/instrument.ts), so no
 * feature imports this module.
 */

type Labels = Record<string, string>;

const labelText = (l: Labels) => {
  const keys = Object.keys(l).sort();
  return keys.length ? `{${keys.map((k) => `${k}="${String(l[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}` : '';
};

const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  lines(): Promise<string[]>;
}

export class MetricsRegistry {
  private readonly families: Family[] = [];

  counter(name: string, help: string): Counter {
    const values = new Map<string, number>();
    this.families.push({
      name, help, type: 'counter',
      lines: async () => [...values].map(([l, v]) => `${name}${l} ${num(v)}`),
    });
    return {
      inc(labels = {}, by = 1) {
        const k = labelText(labels);
        values.set(k, (values.get(k) ?? 0) + by);
      },
    };
  }

  /** A gauge read when scraped (e.g. live expenses from the ledger); a failing read is left out. */
  gauge(name: string, help: string, read: () => Promise<number | { labels: Labels; value: number }[]> | number): void {
    this.families.push({
      name, help, type: 'gauge',
      lines: async () => {
        try {
          const v = await read();
          return typeof v === 'number' ? [`${name} ${num(v)}`] : v.map((x) => `${name}${labelText(x.labels)} ${num(x.value)}`);
        } catch {
          return [];
        }
      },
    });
  }

  histogram(name: string, help: string, buckets: number[]): Histogram {
    const series = new Map<string, { labels: Labels; counts: number[]; sum: number; n: number }>();
    const bs = [...buckets].sort((a, b) => a - b);
    this.families.push({
      name, help, type: 'histogram',
      lines: async () => {
        const out: string[] = [];
        for (const s of series.values()) {
          bs.forEach((b, i) => out.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
          out.push(`${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.n}`);
          out.push(`${name}_sum${labelText(s.labels)} ${num(s.sum)}`);
          out.push(`${name}_count${labelText(s.labels)} ${s.n}`);
        }
        return out;
      },
    });
    return {
      observe(value, labels = {}) {
        const k = labelText(labels);
        let s = series.get(k);
        if (!s) series.set(k, (s = { labels, counts: bs.map(() => 0), sum: 0, n: 0 }));
        bs.forEach((b, i) => {
          if (value <= b) s!.counts[i]!++;
        });
        s.sum += value;
        s.n++;
      },
    };
  }

  /** The exposition text: HELP and TYPE for every family, then its samples. */
  async text(): Promise<string> {
    const out: string[] = [];
    for (const f of this.families) {
      out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${f.name} ${f.type}`);
      out.push(...(await f.lines()));
    }
    return out.join('\n') + '\n';
  }
}
