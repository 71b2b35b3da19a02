/**
 * @module language/vocab/holidays
 * Reads vocab/holidays.tsv: one row per holiday, festival or season with its names and the annual
 * rule that dates it (the rules are computed in language/time/holidays.ts). The names join the
 * vocabulary with role "holiday" and the row's key as value, so the tagger finds "Diwali" or
 * "Thanksgiving" like any other word, only in the regions that keep that day.
 */
import { fileURLToPath } from 'node:url';
import { readTsvFile, VocabError, type TsvRow } from './tsv.js';
import { isLang, isRegion, type Lang, type Region } from './roles.js';

export interface HolidayRow {
  key: string;
  names: readonly string[];
  label: string;
  regions: readonly Region[];
  lang: Lang;
  rule: string;
  days: number;
  /** What "over X" means, as day offsets from the first day; null when the day itself. */
  over: readonly [number, number] | null;
  /** file:line, for errors. */
  source: string;
}

export const HOLIDAY_COLUMNS = ['key', 'names', 'label', 'region', 'lang', 'rule', 'days', 'over'] as const;

let rows: HolidayRow[] | null = null;

/** Validates raw rows (columns and shapes; the rule's own syntax is checked by language/time/holidays). */
export function holidayRowsFrom(raw: readonly TsvRow[]): HolidayRow[] {
  return raw.map((r) => {
    const c = r.cells;
    const where = `${r.file}:${r.line}`;
    if (!c.key || !/^[a-z_]+(?::[a-z_]+)?$/.test(c.key)) throw new VocabError(`${where}: key "${c.key ?? ''}" must be lower_case words`);
    if (!c.rule) throw new VocabError(`${where}: a holiday needs a rule`);
    const regions = (c.region ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    for (const g of regions) if (!isRegion(g)) throw new VocabError(`${where}: unknown region "${g}"`);
    const lang = c.lang || 'en';
    if (!isLang(lang)) throw new VocabError(`${where}: unknown language "${lang}"`);
    const days = c.days ? Number(c.days) : 1;
    if (!Number.isInteger(days) || days < 1 || days > 120) throw new VocabError(`${where}: days "${c.days}" must be a whole number of days`);
    let over: [number, number] | null = null;
    if (c.over) {
      const m = /^(-?\d+)\.\.(-?\d+)$/.exec(c.over);
      if (!m || Number(m[1]) > Number(m[2])) throw new VocabError(`${where}: over "${c.over}" must read like -1..2`);
      over = [Number(m[1]), Number(m[2])];
    }
    const names = (c.names ?? '').split('|').map((x) => x.trim()).filter(Boolean);
    return { key: c.key, names, label: c.label || c.key, regions: regions as Region[], lang, rule: c.rule, days, over, source: where };
  });
}

/** Every row of vocab/holidays.tsv (read once). */
export function holidayRows(): readonly HolidayRow[] {
  if (!rows) {
    const path = fileURLToPath(new URL('./holidays.tsv', import.meta.url));
    rows = holidayRowsFrom(readTsvFile(path, ['key', 'names', 'rule']));
  }
  return rows;
}

/** The names of the holidays as vocabulary rows (phrase, role holiday, value = key, lang, region). */
export function holidayVocabRows(): TsvRow[] {
  const out: TsvRow[] = [];
  for (const h of holidayRows()) {
    if (!h.names.length) continue;
    const [file, line] = [h.source.replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(h.source)?.[1] ?? 0)];
    out.push({ file, line, cells: { phrase: h.names.join('|'), role: 'holiday', value: h.key, lang: h.lang, region: h.regions.join(',') } });
  }
  return out;
}
