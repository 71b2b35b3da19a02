/**
 * @module understanding/next/cues
 * What a message is when it is not a new expense of the owner's: a question, income, a refund,
 * money moved or lent, a plan, a wish, a supposition, a price seen, a budget, a balance, something
 * that did not happen ("didn't take the cab in the end"), or someone else's spending ("my friend
 * spent 2k on shoes"). Read from the vocabulary's roles and where they sit relative to the verb;
 * each cue is strong (decides) or weak (munshi asks rather than records).
 */
import { POSSESSIVE_WORDS, POSSESSIVES } from '../../categories/lexicon.js';
import { isDictionaryWord } from '../../categories/wordnet.js';
import type { Tag, Tagged } from '../../language/tagger.js';
import type { Role } from '../../language/vocab/roles.js';
import type { OtherKind } from '../types.js';

export type CueKind = Exclude<OtherKind, 'greeting' | 'thanks' | 'noise' | 'capabilities' | 'unknown'> | 'question';

export interface Cue {
  kind: CueKind;
  /** Strong cues decide; weak ones make munshi ask instead of recording. */
  strong: boolean;
  why: string;
}

export interface CueInput {
  t: Tagged;
  /** A period (not a single day) is named: "this month", "last week". */
  hasPeriod?: boolean;
  /** The message has at least one amount the readers accept. */
  hasMoney: boolean;
  /** A date in the message lies after today. */
  futureDate: boolean;
  /** A date or period is named. */
  hasTime: boolean;
  /** Lexicon items or merchants are named. */
  hasThing: boolean;
  /** Their token spans: a kin word inside a name ("spotify family") is not a person. */
  termSpans?: readonly { start: number; end: number }[];
}

/** Tags of a role that no longer tag of another role swallows ("income" inside "income tax"). */
const roleTags = (t: Tagged, role: Role): Tag[] => t.tags.filter((g) => g.role === role && !shadowed(t, g));
const hasRole = (t: Tagged, role: Role): boolean => t.roles.has(role) && roleTags(t, role).length > 0;

/** First token index that is not filler, glue or punctuation. */
function firstContent(t: Tagged): number {
  for (const tk of t.tokens) {
    if (tk.kind === 'punct' || tk.kind === 'emoji' || tk.kind === 'newline') continue;
    const tags = t.at[tk.i] ?? [];
    if (tags.some((g) => g.role === 'filler' || g.role === 'greeting' || g.role === 'ack' || (g.role === 'glue' && !(t.at[tk.i] ?? []).some((h) => h.role === 'question_word' || h.role.startsWith('op_'))))) continue;
    return tk.i;
  }
  return -1;
}

interface Verb {
  at: number;
  end: number;
  tense: string | null;
  role: 'spend_verb' | 'obtain_verb';
}

/** A tag swallowed by a longer tag of another role ("liye" inside the postposition "ke liye"). */
export function shadowed(t: Tagged, g: Tag): boolean {
  return t.tags.some((h) => h !== g && h.role !== g.role && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start);
}

function verbs(t: Tagged): Verb[] {
  const out: Verb[] = [];
  for (const g of t.tags) {
    if (g.role !== 'spend_verb' && g.role !== 'obtain_verb') continue;
    if (shadowed(t, g)) continue;
    // The longest verb phrase at a position stands for it ("paid off" over "paid").
    const same = out.findIndex((v) => v.at === g.start);
    if (same >= 0) {
      if (out[same]!.end < g.end) out[same] = { at: g.start, end: g.end, tense: g.value, role: g.role };
      continue;
    }
    out.push({ at: g.start, end: g.end, tense: g.value, role: g.role });
  }
  return out.sort((a, b) => a.at - b.at);
}

const past = (v: Verb): boolean => v.tense === 'past';

/** Whether some tag of `role` lies within `window` tokens before token `i`. */
function before(t: Tagged, role: Role, i: number, window: number): Tag | undefined {
  return t.tags.find((g) => g.role === role && g.end <= i && i - g.end <= window && !(role === 'negation' && (shadowed(t, g) || possessiveNa(t, g))));
}

/**
 * Gujarati "na"/"no" between a word and a thing is "of" ("bhai na birthday", "riya na shoes"), not
 * Hindi "na" (not): the word after it is no verb and the word before it no number.
 */
function possessiveNa(t: Tagged, g: Tag): boolean {
  if (g.end - g.start !== 1 || !['na', 'no'].includes(t.tokens[g.start]?.norm ?? '') || g.start === 0) return false;
  const prev = t.tokens[g.start - 1], next = t.tokens[g.end];
  if (!prev || prev.kind !== 'word' || !next || next.kind !== 'word') return false;
  return !(t.at[g.end] ?? []).some((h) => h.role === 'spend_verb' || h.role === 'obtain_verb' || h.role === 'negation');
}

/**
 * The cue that says this is not the owner's new expense, or null.
 * e.g. "my friend spent 2k on shoes" → third_party (strong); "didn't take the cab in the end" → negated (strong)
 */
export function readCues(x: CueInput): Cue | null {
  const { t } = x;
  const vs = verbs(t);
  const pastVerb = vs.find(past);
  const first = firstContent(t);
  const endsQ = t.tokens.some((tk) => tk.text === '?');
  // "monthly pass 210": an operation word that also describes the thing bought does not open a question.
  const describes = (t.at[first] ?? []).some((g) => g.role === 'descriptive' && g.value === 'periodic') && x.hasMoney;
  // "EMI 5 tareekh ko due hai 12,500": a word that is also a thing paid for (Telugu "emi", what) opens
  // no question beside an amount.
  const alsoPaid = x.hasMoney && (t.at[first] ?? []).some((g) => g.role === 'installment');
  // "Big Bazaar e masala …": an operation word inside a shop's name opens no question.
  const startsQ = first >= 0 && !describes && !alsoPaid && (t.at[first] ?? []).some((g) => (g.role === 'question_word' || g.role === 'op_sum' || g.role === 'op_list' || g.role === 'op_count' || g.role === 'op_avg' || g.role === 'op_top' || g.role === 'op_compare' || g.role === 'op_breakdown') && !insideTerm(x, g));

  // ---- questions
  const asks = hasRole(t, 'op_sum') || hasRole(t, 'op_count') || hasRole(t, 'op_avg') || hasRole(t, 'op_compare') || hasRole(t, 'op_breakdown') || hasRole(t, 'op_top') || hasRole(t, 'op_list');
  const qWord = hasRole(t, 'question_word');
  // "Remind me to cancel Netflix before the 22nd", "Note to self: book the dentist": a reminder opening
  // the message asks nothing and records nothing.
  const opening = t.tokens.findIndex((k) => k.kind === 'word');
  if (!endsQ && !pastVerb && roleTags(t, 'plan').some((g) => g.value === 'reminder' && g.start === opening)) return { kind: 'plan', strong: true, why: 'a reminder' };
  if (startsQ && (!x.hasMoney || endsQ || !pastVerb)) return { kind: 'question', strong: true, why: 'opens like a question' };
  // "sarafa chalna hai aaj raat?", "movie chalein kal?": a plan asked of a friend, with no amount, no
  // question word and no word of spending, asks nothing of the ledger.
  const plansOnly = endsQ && !x.hasMoney && !asks && !qWord && roleTags(t, 'plan').some((g) => !insideTerm(x, g)) && !hasRole(t, 'spend_noun') && !vs.length;
  if (plansOnly) return { kind: 'plan', strong: true, why: 'a plan asked about' };
  if (endsQ && (!x.hasMoney || asks || qWord)) return { kind: 'question', strong: true, why: 'asks' };
  // "need to pay rent by the 1st", "gotta buy diapers friday": a plan word right before a verb of
  // paying, with no amount and no question word, is a to-do, not a question about a date.
  const planned = roleTags(t, 'plan').some((p) => !insideTerm(x, p) && t.tags.some((v) => v.role === 'spend_verb' && v.value === 'base' && p.start < v.start && v.start <= p.end));
  if (!x.hasMoney && planned && !qWord && !asks && !endsQ && !pastVerb) return { kind: 'plan', strong: true, why: 'a to-do' };
  if (!x.hasMoney) {
    // No amount written: a question word, a request for a figure, spending named with a date, or a
    // bare period ("last month", "aaj ka kharcha", "my expenses", "coffee this month").
    if (qWord || asks) return { kind: 'question', strong: true, why: 'asks without an amount' };
    if (hasRole(t, 'spend_noun') && (x.hasTime || x.hasThing || onlyFunctionWords(t, ['spend_noun', 'spend_verb']))) return { kind: 'question', strong: true, why: 'spending named' };
    if (x.hasPeriod && !pastVerb) return { kind: 'question', strong: true, why: 'a period without an amount' };
    if (x.hasTime && !(x.hasThing && pastVerb) && onlyFunctionWords(t, [])) return { kind: 'question', strong: true, why: 'only a date' };
  }
  // "last 5 transactions", "top 3 expenses": the number counts what is asked for.
  // "top 5 kharche", "top 5 khoroch dekhao": a word that is both spending and a past verb is the noun here.
  const pastDeed = vs.some((v) => past(v) && !t.tags.some((g) => g.role === 'spend_noun' && g.start === v.at));
  if (x.hasMoney && hasRole(t, 'spend_noun') && !pastDeed && t.tags.some((g) => (g.phrase === 'last' || g.phrase === 'top' || g.role === 'op_top') && t.tokens[g.end]?.kind === 'num')) return { kind: 'question', strong: true, why: 'a count of things asked for' };
  // "any expenses above 2000 this month?", "show spends over 500": the amount is a filter.
  // The comparative stands before the amount ("above 2000"); "lamb over rice … 12 total" is a record.
  // ("is going up to £162": a comparative inside news of a price is no filter.)
  const filter = roleTags(t, 'comparative').some((g) => t.tokens.slice(g.end, g.end + 3).some((k) => k.kind === 'num') && !t.tags.some((h) => h.role === 'price_remark' && h.start <= g.start && g.end <= h.end));
  if (x.hasMoney && (asks || hasRole(t, 'spend_noun')) && filter && !pastVerb) return { kind: 'question', strong: true, why: 'an amount as a filter' };

  // ---- money that is not spending
  // "just got back from star market": coming home from a place is no money back ("got back 20 from amazon" is).
  const cameHome = (g: Tag): boolean => /^(got|came|just got) back$/.test(g.phrase) && (t.at[g.end] ?? []).some((h) => h.role === 'prep' && h.value === 'source');
  if (roleTags(t, 'refund').some((g) => !cameHome(g))) return { kind: 'refund', strong: true, why: 'refund' };
  // "got 200 back from rahul", "paid me back": a verb of getting or paying with "back" after it.
  const back = roleTags(t, 'back').find((g) => vs.some((v) => v.end <= g.start && g.start - v.end <= 3));
  if (back) return { kind: 'refund', strong: true, why: `"${back.phrase}" after a verb` };
  // "whole foods 63.27 ugh whole paycheck": an income word inside a shop's nickname is the shop.
  const income = roleTags(t, 'income').filter((g) => !insideTerm(x, g));
  if (income.length) {
    // "paid the maid's salary", "wages for the gardener": money going out under an income word.
    const paidOut = pastVerb && vs.some((v) => v.role === 'spend_verb' && !income.some((g) => g.start <= v.at && v.at < g.end)) && !income.some((g) => /paid|credited|received/.test(g.phrase));
    const toHelp = t.tags.some((g) => g.role === 'kin' && g.value === 'help');
    if (!paidOut && !toHelp) return { kind: 'income', strong: true, why: 'income' };
  }
  // "got 500 from mom", "received 2000 from the client": money from someone.
  const getVerb = vs.find((v) => /^(got|received|recieved|recived|mila|mile|mili)$/.test(t.tokens[v.at]!.norm));
  if (getVerb && t.tags.some((g) => g.role === 'prep' && g.value === 'source' && g.start > getVerb.at && t.tags.some((h) => (h.role === 'kin' || h.role === 'third_party') && h.start > g.start && h.start - g.end <= 2))) {
    return { kind: 'income', strong: true, why: 'money from someone' };
  }
  const transfer = roleTags(t, 'transfer');
  // "the insurance company sent us a check for 250": money sent to the owner (a bill sent is still the owner's to pay).
  const sentToOwner = transfer.some((g) => (t.at[g.end] ?? []).some((h) => h.role === 'self' && h.value === 'object'));
  if (sentToOwner && !t.tokens.some((k) => BILL_WORDS.has(k.norm))) return { kind: 'income', strong: true, why: 'sent to the owner' };
  if (transfer.length) {
    // "sent flowers to mom" names a thing bought; "sent 5000 home" does not.
    const specific = transfer.some((g) => g.end - g.start > 1 || !/^(sent|bheje|bheja|transfer|transferred)$/.test(g.phrase));
    if (specific || !x.hasThing) return { kind: 'transfer', strong: true, why: 'money moved, not spent' };
  }
  // "gave ankit 2000 as loan", "owes me 500"; but "home loan emi 21000" is a payment.
  if (hasRole(t, 'debt') && !hasRole(t, 'installment')) return { kind: 'transfer', strong: true, why: 'a debt or a loan' };

  // "Earl filled up the truck, it came out of our checking account", "he used our card": someone of the
  // household spending the household's money spends the owner's.
  const household = t.tokens.some((k, i) => OUR.has(k.norm) && [1, 2].some((d) => (t.at[i + d] ?? []).some((g) => g.role === 'payment_method')));

  // ---- things that did not happen, or not to the owner
  // "Paid 75 at the dentist, that's what Medicare didn't cover", "a late fee for a book I forgot to
  // bring back": a negation in a later clause than the owner's payment says something else.
  // "Do not record the tiatr tickets; Fr. Joaquim paid for them": the owner asks for no record.
  const noRecord = roleTags(t, 'negation').find((g) => g.value === 'record');
  if (noRecord) return { kind: 'negated', strong: true, why: `"${noRecord.phrase}"` };
  const paidBefore = (neg: Tag): boolean => vs.some((v) => past(v) && v.role === 'spend_verb' && v.end <= neg.start && laterClause(t, v.end, neg.start));
  for (const v of vs) {
    const neg = before(t, 'negation', v.at, 2);
    // "split nahi hua, poora maine diya": the owner named after the negation starts another clause.
    if (neg && t.tags.some((g) => g.role === 'self' && g.start >= neg.end && g.end <= v.at)) continue;
    if (neg && !paidBefore(neg)) return { kind: 'negated', strong: true, why: `"${neg.phrase}" before "${t.tokens[v.at]!.text}"` };
  }
  // "didn't buy", "didnt pay", Bengali "kinini": a negation that holds the verb itself is as sure as one before it.
  const holdsVerb = (g: Tag): boolean => t.tags.some((h) => (h.role === 'spend_verb' || h.role === 'obtain_verb') && g.start <= h.start && h.end <= g.end);
  const strongNeg = roleTags(t, 'negation').find((g) => g.end - g.start > 1 || /cancel|called off|skipped|changed|forgot|didnt|didn|never|nahi liya|nahi liye/.test(g.phrase) || holdsVerb(g));
  if (strongNeg && !paidBefore(strongNeg) && !vs.some((v) => past(v) && v.at > strongNeg.end)) return { kind: 'negated', strong: !x.hasMoney || vs.length > 0 || strongNeg.value === 'strong' || roleTags(t, 'negation').some((g) => g.end - g.start > 1 && /\b(?:didnt|not|never|nothing|no)\b/.test(g.phrase)) || roleTags(t, 'negation').some(holdsVerb), why: `"${strongNeg.phrase}"` };

  // Money that came to the owner: "jess venmoed me 40", "dad sent us 500" (a verb of paying, then "me").
  // ("charged us 75", "billed me 40" is the other way round: the owner paid.)
  // ("Bought me a pair of shoes": with no one before the verb, the owner bought for themselves.)
  const toOwner = vs.find((v) => v.role === 'spend_verb' && v.at > first && !t.tags.some((g) => g.role === 'charge_verb' && g.start <= v.at && v.at < g.end) && (t.at[v.end] ?? []).some((g) => g.role === 'self' && g.value === 'object') && !t.tags.some((g) => g.role === 'self' && g.value !== 'object' && g.end <= v.at));
  if (toOwner) return { kind: 'income', strong: true, why: `"${t.tokens[toOwner.at]!.text} ${t.tokens[toOwner.end]!.text}": paid to the owner` };
  // "paid by dad", "invoice paid by client": the doer named after the verb.
  const byOther = vs.find((v) => v.role === 'spend_verb' && (t.at[v.end] ?? []).some((g) => g.role === 'prep' && g.value === 'agent') && (t.at[v.end + 1] ?? []).some((g) => g.role === 'kin' || g.role === 'third_party'));
  if (byOther && !household) return { kind: 'third_party', strong: true, why: 'paid by someone else' };

  // Hinglish: "papa ne petrol dalwaya", "Gupta ji ne nayi Creta li": the ergative "ne" follows the doer,
  // and the owner says "maine"/"humne" instead; any other doer is someone else.
  // Other languages' ergative markers are glue rows valued "agent" (Gujarati "bhabhi e saree lidhi");
  // a short one can also be a place postposition (Bengali "Flurys e"), so only kin or a pronoun before
  // it makes it the doer.
  const agentMark = (i: number): boolean => (t.at[i] ?? []).some((g) => g.role === 'glue' && g.value === 'agent');
  const ergative = t.tokens.findIndex((tk, i) => i > 0 && ((tk.norm === 'ne' && (t.at[i] ?? []).some((g) => g.role === 'glue' && g.entry.lang === 'hi')) || agentMark(i)));
  const kinAt = (i: number): boolean => i >= 0 && t.tags.some((g) => (g.role === 'kin' || g.role === 'third_party') && g.value !== 'help' && g.start <= i && i < g.end);
  // A shop or a bank as the doer ("bank ne 590 charges kaat liye") charged the owner.
  const byShop = (x.termSpans ?? []).some((k) => k.start <= ergative - 1 && ergative - 1 < k.end);
  // The doer is a person: kin, a pronoun, or a name ("Gupta ji ne", "Kamla ne", typed in lower case
  // as "arjun ne": a word no vocabulary row, lexicon term or dictionary knows; "bank ne" is a charge).
  const unknownWord = (i: number): boolean => t.tokens[i]!.kind === 'word' && !(t.at[i] ?? []).length && !(x.termSpans ?? []).some((k) => k.start <= i && i < k.end) && !isDictionaryWord(t.tokens[i]!.norm);
  const person = (i: number): boolean => i >= 0 && (t.tokens[i]!.cap || unknownWord(i) || t.tags.some((g) => (g.role === 'kin' || g.role === 'third_party') && g.start <= i && i < g.end));
  const doer = t.tokens[ergative]?.norm === 'ne' ? person : kinAt;
  if (!household && ergative > 0 && !byShop && (doer(ergative - 1) || doer(ergative - 2)) && !t.tags.some((g) => g.role === 'self' && g.start < ergative && ergative <= g.end) && t.tokens[ergative - 1]!.kind === 'word') return { kind: 'third_party', strong: true, why: `"${t.tokens[ergative - 1]!.text} ne": someone else did it` };

  // Someone else as the doer: kin or a third-party pronoun before the first verb.
  if (vs.length) {
    const v0 = vs[0]!;
    // The doer sits right before the verb, with no amount between ("spotify family 179 diya" is not the family's);
    // a person who owns the next thing ("didi r meye r birthday gift") is whom it was for.
    const noAmountBetween = (g: Tag): boolean => !t.tokens.slice(g.end, v0.at).some((k) => k.kind === 'num');
    // Gujarati "activa ma petrol", "3,200 ma order karyu": a kin word that is also a postposition after
    // a word or an amount ("ma": mother, in) is the postposition.
    const postpAfterWord = (g: Tag): boolean => g.start > 0 && (t.tokens[g.start - 1]!.kind === 'word' || t.tokens[g.start - 1]!.kind === 'num') && (t.at[g.start] ?? []).some((h) => h.role === 'postp');
    // "bro aaj ka kharcha - …", "bhai kal ka hisaab": a word of address (kin that is also a filler)
    // is the doer only right before the verb ("bro paid").
    const addressed = (g: Tag): boolean => g.end < v0.at && t.tags.some((h) => h.role === 'filler' && h.start === g.start && h.end === g.end);
    const subject = t.tags.find((g) => (g.role === 'kin' || g.role === 'third_party') && g.value !== 'help' && !postpAfterWord(g) && !addressed(g) && g.end <= v0.at && v0.at - g.end <= 2 && noAmountBetween(g) && !before(t, 'prep', g.start, 1) && !before(t, 'postp', g.start, 0) && !insideTerm(x, g) && !POSSESSIVES.has(t.tokens[g.end]?.norm ?? '') && !POSSESSIVE_WORDS.has(t.tokens[g.end]?.norm ?? ''));
    // ("me mam got the tickets": "me" inside a family word is its owner, not the one who did it.)
    const selfFirst = t.tags.some((g) => g.role === 'self' && g.end <= v0.at && !t.tags.some((h) => h.role === 'kin' && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start));
    // ("grandson birthday gift 2000": a bare "gift" after kin is the thing, not their doing.)
    if (!household && subject && !selfFirst && !(v0.tense === 'base' && subject.end < v0.at)) return { kind: 'third_party', strong: true, why: 'someone else spent it' };
    // Bengali "baba 2000 dilo", "bou saree kinlo": a verb conjugated for someone else names the doer.
    if (!household && !selfFirst && t.tags.some((g) => g.role === 'third_party' && g.start <= v0.at && v0.at < g.end)) return { kind: 'third_party', strong: true, why: `"${t.tokens[v0.at]!.text}": someone else did it` };
    // A name the vocabulary does not know, opening the message right before a past verb of paying
    // ("maya spent like 200 at sephora", "Jess paid for the takeaway", "raghu's office paid"): a
    // capitalised name or a possessive decides; a bare lower-case word only makes munshi ask. A name
    // with a postposition after it is a place ("Kalighat e pujo dilam", "Dmart se liya").
    // "our Karen paid £45": a family member named with "our" (northern English, Scots, Irish) is the name.
    const lead0 = t.tokens.slice(0, v0.at).filter((k) => k.kind === 'word' || k.kind === 'num');
    const lead = lead0.length === 2 && lead0[0]!.norm === 'our' && /^\p{Lu}/u.test(lead0[1]!.text) ? lead0.slice(1) : lead0;
    const untagged = (i: number): boolean => !(t.at[i] ?? []).length && !(x.termSpans ?? []).some((k) => k.start <= i && i < k.end);
    const possessive = t.tokens.slice(0, v0.at).some((k) => k.text === "'s" || k.text === '’s' || /['’]s$/.test(k.text));
    // "Rahul paid for dinner, my share 400": the owner's share is the owner's expense.
    // "jess got us a chinese": a verb of getting with the owner as the one it was got for.
    const forOwner = v0.role === 'obtain_verb' && (t.at[v0.end] ?? []).some((g) => g.role === 'self' && g.value === 'object');
    // "Chloe got the pizzas tonight": one name before a verb of getting is who bought; capitalised it
    // decides, lower-case ("cian got the messages") munshi asks (an adverb such as "Finally got new
    // trainers" is not a name).
    const nameGot = v0.role === 'obtain_verb' && lead.length === 1 && /^\p{L}\p{Ll}+$/u.test(lead[0]!.text) && !/ly$/.test(lead[0]!.norm);
    if (!household && !selfFirst && !hasRole(t, 'share') && past(v0) && (v0.role === 'spend_verb' || forOwner || nameGot) && lead.length >= 1 && lead.length <= 3 && (first === lead[0]!.i || lead !== lead0) && untagged(lead[0]!.i) && lead[0]!.kind === 'word' && !(t.at[lead[0]!.i + 1] ?? []).some((g) => g.role === 'postp')) {
      // A lower-case word is as sure when the verb cannot open an owner's own note: "spent" and
      // "dropped" want a spender before them, "paid for" a payer ("dev paid for dinner"); "rnt paid
      // 1200" (a misspelt thing, then its amount) stays a question.
      const amountNext = t.tokens[v0.end]?.kind === 'num' || (t.at[v0.end] ?? []).some((g) => g.role === 'currency');
      const wantsSpender = /^(spent|dropped|blew|splurged)$/.test(t.tokens[v0.at]!.norm) || !amountNext;
      const named = /^\p{Lu}\p{Ll}/u.test(lead[0]!.text) || possessive || (lead.length === 1 && wantsSpender && (v0.role === 'spend_verb' || forOwner));
      return { kind: 'third_party', strong: named, why: `"${lead[0]!.text}" before "${t.tokens[v0.at]!.text}"` };
    }
  }

  // ---- not yet, or only thought about
  if (hasRole(t, 'hypothetical') && !pastVerb) return { kind: 'plan', strong: true, why: 'a supposition' };
  if (hasRole(t, 'wish') && !vs.some((v) => past(v) && v.role === 'spend_verb' && !t.tags.some((g) => g.role === 'wish' && g.start <= v.at && v.at < g.end))) {
    return { kind: 'plan', strong: true, why: 'a wish' };
  }
  // "hoa dues 250", "society dues": a plan word inside a known thing's name is part of the name.
  if (roleTags(t, 'plan').some((g) => !insideTerm(x, g)) && !pastVerb) return { kind: 'plan', strong: true, why: 'a plan' };
  if (hasRole(t, 'price_remark') && !pastVerb) return { kind: 'price', strong: true, why: 'a price, not a payment' };
  if (!pastVerb && !vs.some((v) => v.role === 'spend_verb') && pricePerMeasure(t)) return { kind: 'price', strong: true, why: 'a price per measure' };
  if (!pastVerb && !vs.some((v) => v.role === 'spend_verb') && fractionalSubunit(t)) return { kind: 'price', strong: true, why: 'a pump price in pence' };
  if (hasRole(t, 'budget') && !pastVerb) return { kind: 'budget', strong: true, why: 'a budget' };
  // "fastag balance sirf 85 bacha hai": a balance said with its verb ("bacha hai") is sure even beside a thing.
  if (hasRole(t, 'balance') && !pastVerb) return { kind: 'balance', strong: !x.hasThing || roleTags(t, 'balance').some((g) => g.end - g.start > 1), why: 'a balance' };
  if (x.futureDate && !pastVerb) return { kind: 'plan', strong: false, why: 'a date ahead' };
  return null;
}

/** A clause starts between tokens `from` and `to`: a comma or stop, or a new subject ("… a book I forgot"). */
function laterClause(t: Tagged, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (/^[,.;!]$/.test(t.tokens[i]!.text)) return true;
    if ((t.at[i] ?? []).some((g) => (g.role === 'self' && g.value !== 'object') || g.role === 'third_party' || g.role === 'clause_break')) return true;
  }
  return false;
}

/** The owner's household owning the means of payment ("our Visa", "our checking account"). */
const OUR: ReadonlySet<string> = new Set(['our', 'ours', "y'all's"]);

/** What someone sends the owner to pay, not money: "sent us a bill for 250". */
const BILL_WORDS = new Set(['bill', 'bills', 'invoice', 'statement', 'quote', 'estimate', 'notice']);

const PRICE_PARTS: ReadonlySet<Role> = new Set<Role>(['number', 'magnitude', 'currency', 'subunit']);

/**
 * "gas is $3.19 a gallon", "eggs are four dollars a dozen": an amount per measure right after "is"
 * or "are" says what something costs, not what was paid.
 */
function pricePerMeasure(t: Tagged): boolean {
  for (const g of t.tags) {
    if (g.role !== 'unit' || !['volume', 'mass', 'count'].includes(g.value ?? '')) continue;
    if (!/^(a|an|per)$/.test(t.tokens[g.start - 1]?.norm ?? '')) continue;
    let j = g.start - 2, n = 0;
    while (j >= 0 && (t.tokens[j]!.kind === 'num' || (t.at[j] ?? []).some((h) => PRICE_PARTS.has(h.role)) || (n > 0 && t.tokens[j]!.norm === 'and'))) { j--; n++; }
    if (n && (t.at[j] ?? []).some((h) => h.role === 'price_link' && /^(is|are)$/.test(h.phrase))) return true;
  }
  return false;
}

/**
 * "petrol 139.9p at esso", "diesel 152.9p a litre": pence (or cents) with a fraction are a price per
 * litre or per unit as a pump or a shelf shows it; nobody pays a tenth of a penny.
 */
function fractionalSubunit(t: Tagged): boolean {
  // ("£27.80p": a pound sign before it makes it pounds written twice, not pence.)
  return t.tags.some((g) => g.role === 'subunit' && g.start > 0 && t.tokens[g.start - 1]!.kind === 'num' && /^\d+[.,]\d+$/.test(t.tokens[g.start - 1]!.text)
    && !(t.at[g.start - 2] ?? []).some((h) => h.role === 'currency'));
}

/** A tag inside a longer lexicon term: "family" in "spotify family", "dues" in "hoa dues". */
function insideTerm(x: CueInput, g: Tag): boolean {
  return (x.termSpans ?? []).some((k) => k.start <= g.start && g.end <= k.end && k.end - k.start > g.end - g.start);
}

/** True when every word of the message carries a vocabulary role (none of `except` counts as content either). */
function onlyFunctionWords(t: Tagged, except: readonly Role[]): boolean {
  for (const tk of t.tokens) {
    if (tk.kind !== 'word') continue;
    const tags = t.tags.filter((g) => g.start <= tk.i && tk.i < g.end);
    if (tags.length === 0) return false;
    if (tags.every((g) => g.role === 'kin' || g.role === 'descriptive')) return false;
    void except;
  }
  return true;
}

/** A test ping ("test", "testing 123"): ping words and numbers only. */
export function isPing(t: Tagged): boolean {
  let ping = false;
  for (const tk of t.tokens) {
    if (tk.kind === 'num' || tk.kind === 'punct' || tk.kind === 'emoji') continue;
    const tags = t.tags.filter((g) => g.start <= tk.i && tk.i < g.end);
    if (tags.some((g) => g.role === 'ping')) ping = true;
    else if (!tags.some((g) => g.role === 'filler' || g.role === 'greeting' || g.role === 'number')) return false;
  }
  return ping;
}

/** Greetings, thanks and acknowledgements with nothing else in the message. */
export function smallTalk(t: Tagged): 'greeting' | 'thanks' | null {
  let greet = false, thank = false;
  for (const tk of t.tokens) {
    if (tk.kind === 'punct' || tk.kind === 'emoji') continue;
    const roles = (t.at[tk.i] ?? []).map((g) => g.role);
    const covered = t.tags.some((g) => g.start < tk.i && tk.i < g.end && (g.role === 'greeting' || g.role === 'thanks' || g.role === 'ack'));
    if (covered) continue;
    if (roles.includes('greeting')) greet = true;
    else if (roles.includes('thanks') || roles.includes('ack')) thank = true;
    else if (roles.includes('filler') || roles.includes('kin') || tk.norm === 'munshi' || tk.norm === 'there' || tk.norm === 'ji' || tk.norm === 'so' || tk.norm === 'much' || tk.norm === 'a' || tk.norm === 'lot' || tk.norm === 'again' || tk.norm === 'all') continue;
    // One word that is not small talk decides: the rest of a long message need not be looked at.
    else return null;
  }
  return greet ? 'greeting' : thank ? 'thanks' : null;
}
