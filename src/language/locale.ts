/**
 * @module language/locale
 * Locale packs: which languages' words munshi reads for an owner, the order of day and month, the
 * decimal mark, and which regional rows (brands, holidays, money slang) apply. Packs are data
 * (vocab/locales.tsv). An owner's pack comes from their chosen locale when it names a pack, else
 * from their time zone, else from their currency, else en-IN (munshi's first users).
 */
import { fileURLToPath } from 'node:url';
import { isLang, isRegion, type Lang, type Region } from './vocab/roles.js';
import { readTsvFile, VocabError } from './vocab/tsv.js';

export interface LocalePack {
  id: string;
  /** The regions whose regional rows apply, most specific first ("DE", then "EU"). */
  regions: readonly Region[];
  langs: readonly Lang[];
  dateOrder: 'DMY' | 'MDY';
  decimal: '.' | ',';
}

export interface LocaleInput {
  /** The owner's chosen locale ("en-US", "de-DE", "en"); may be absent or only a language. */
  locale?: string | null;
  timeZone: string;
  currency: string;
  /** An explicit day/month choice overrides the pack's order. */
  dayFirst?: boolean | null;
}

interface PackRow extends LocalePack {
  zones: readonly string[];
  currencies: readonly string[];
}

let packs: PackRow[] | null = null;

function loadPacks(): PackRow[] {
  if (packs) return packs;
  const path = fileURLToPath(new URL('./vocab/locales.tsv', import.meta.url));
  const rows = readTsvFile(path, ['id', 'regions', 'langs', 'date_order', 'decimal', 'zones', 'currencies']);
  const list = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  packs = rows.map((r) => {
    const c = r.cells;
    const where = `${r.file}:${r.line}`;
    const regions = list(c.regions);
    const langs = list(c.langs);
    for (const g of regions) if (!isRegion(g)) throw new VocabError(`${where}: unknown region "${g}"`);
    for (const l of langs) if (!isLang(l)) throw new VocabError(`${where}: unknown language "${l}"`);
    if (c.date_order !== 'DMY' && c.date_order !== 'MDY') throw new VocabError(`${where}: date_order must be DMY or MDY`);
    if (c.decimal !== '.' && c.decimal !== ',') throw new VocabError(`${where}: decimal must be . or ,`);
    return {
      id: c.id!,
      regions: regions as Region[],
      langs: (langs.includes('en') ? langs : ['en', ...langs]) as Lang[],
      dateOrder: c.date_order,
      decimal: c.decimal,
      zones: list(c.zones),
      currencies: list(c.currencies).map((x) => x.toUpperCase()),
    };
  });
  return packs;
}

/** Every pack, for settings replies and docs. */
export function localePacks(): readonly LocalePack[] {
  return loadPacks();
}

const resolved = new Map<string, LocalePack>();

/**
 * The owner's locale pack.
 * e.g. resolveLocale({ timeZone: 'America/Chicago', currency: 'USD' }).dateOrder === 'MDY'
 *      resolveLocale({ locale: 'de-DE', timeZone: 'Asia/Kolkata', currency: 'INR' }).decimal === ','
 */
export function resolveLocale(input: LocaleInput): LocalePack {
  const key = `${input.locale ?? ''}|${input.timeZone}|${input.currency}|${input.dayFirst ?? ''}`;
  const hit = resolved.get(key);
  if (hit) return hit;
  const all = loadPacks();
  const byId = (id: string): PackRow | undefined => all.find((p) => p.id.toLowerCase() === id.toLowerCase());
  const loc = (input.locale ?? '').trim();
  let pack: PackRow | undefined = loc.includes('-') ? byId(loc) : undefined;
  if (!pack && loc.includes('-')) {
    // "en-NZ", "de-AT": a region some pack reads.
    const region = loc.split('-')[1]!.toUpperCase();
    pack = all.find((p) => (p.regions as readonly string[])[0] === region) ?? all.find((p) => (p.regions as readonly string[]).includes(region));
  }
  pack ??= all.find((p) => p.zones.some((z) => (z.endsWith('/') ? input.timeZone.startsWith(z) : input.timeZone === z)));
  pack ??= all.find((p) => p.currencies.includes(input.currency.toUpperCase()));
  pack ??= byId('en-IN')!;
  let out: LocalePack = { id: pack.id, regions: pack.regions, langs: pack.langs, dateOrder: pack.dateOrder, decimal: pack.decimal };
  if (input.dayFirst === true && out.dateOrder === 'MDY') out = { ...out, dateOrder: 'DMY' };
  if (input.dayFirst === false && out.dateOrder === 'DMY') out = { ...out, dateOrder: 'MDY' };
  resolved.set(key, out);
  return out;
}
