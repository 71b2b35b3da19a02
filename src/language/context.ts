/**
 * @module language/context
 * What every reader of a message needs to know about its owner and its moment: the locale pack
 * and the vocabulary it reads, the owner's currency, today's date in the owner's zone, and the
 * first day of the week. Built once per message from OwnerSettings and the clock (injected).
 */
import { localDate, type IsoDate } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import { resolveLocale, type LocalePack } from './locale.js';
import { normalizeText } from './normalize.js';
import { tag, type Tagged } from './tagger.js';
import { tokenize } from './tokens.js';
import { vocabularyFor, type Vocabulary } from './vocab/vocabulary.js';

export interface LanguageContext {
  pack: LocalePack;
  vocab: Vocabulary;
  /** The owner's own currency (ISO 4217). */
  currency: string;
  /** Today in the owner's zone. */
  today: IsoDate;
  /** The instant of the message (for clock times). */
  now: Date;
  timeZone: string;
  /** 0 = Sunday, 1 = Monday. */
  weekStartsOn: number;
}

export interface ContextInput {
  now: Date;
  timeZone: string;
  currency: string;
  /** The owner's explicitly chosen locale, if any ("en-US"); otherwise the zone and currency decide. */
  locale?: string | null;
  /** An explicit day/month order choice, if any. */
  dayFirst?: boolean | null;
  weekStartsOn?: number;
}

/**
 * The context for one message.
 * e.g. languageContext({ now, timeZone: 'America/Chicago', currency: 'USD' }).pack.dateOrder === 'MDY'
 */
export function languageContext(input: ContextInput): LanguageContext {
  const { pack, vocab } = packFor(input);
  return {
    pack,
    vocab,
    currency: input.currency.toUpperCase(),
    today: localDate(input.now, input.timeZone),
    now: input.now,
    timeZone: input.timeZone,
    weekStartsOn: input.weekStartsOn ?? 1,
  };
}

/** The last settings' pack and vocabulary: an owner's settings rarely change between messages. */
let lastPack: { locale: string | null | undefined; timeZone: string; currency: string; dayFirst: boolean | null | undefined; pack: LocalePack; vocab: Vocabulary } | null = null;

/** The locale pack and vocabulary of the settings (resolveLocale and vocabularyFor memoize too, by built keys). */
function packFor(input: ContextInput): { pack: LocalePack; vocab: Vocabulary } {
  const l = lastPack;
  if (l && l.locale === input.locale && l.timeZone === input.timeZone && l.currency === input.currency && l.dayFirst === input.dayFirst) return l;
  const pack = resolveLocale({ locale: input.locale, timeZone: input.timeZone, currency: input.currency, dayFirst: input.dayFirst });
  const vocab = vocabularyFor(pack);
  lastPack = { locale: input.locale, timeZone: input.timeZone, currency: input.currency, dayFirst: input.dayFirst, pack, vocab };
  return lastPack;
}

/** The context from owner settings: the locale counts as chosen only when `localeChosen` says so. */
export function contextFromSettings(now: Date, s: OwnerSettings, localeChosen = false): LanguageContext {
  return languageContext({
    now, timeZone: s.timeZone, currency: s.currency, locale: localeChosen ? s.locale : null,
    dayFirst: localeChosen ? s.dayFirst : null, weekStartsOn: s.weekStartsOn,
  });
}

/** Normalize, tokenize and tag a message for this context. */
export function analyze(raw: string, ctx: LanguageContext): Tagged {
  const text = normalizeText(raw);
  return tag(text, tokenize(text, readsFrance(ctx.pack)), ctx.vocab);
}

/** Whether a pack reads France or Belgium, where French elisions ("l'essence") are written apart. */
export function readsFrance(pack: LocalePack): boolean {
  return pack.regions.includes('FR') || pack.regions.includes('BE');
}
