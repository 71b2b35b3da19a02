/**
 * @module understanding/intents
 * Recognizes what is NOT a new expense: commands ("undo", "no, 60", "that was yesterday", "set
 * currency USD"), small talk (greetings, thanks, "what can you track?"), questions about spending,
 * income and refunds, and plans. Whole-message patterns on the sanitized text; no I/O.
 */
import { KNOWN_CURRENCIES } from '../core/money.js';
import { isPrimary, type Primary } from '../categories/taxonomy.js';
import { CATEGORY_WORDS } from './lexicon.js';
import type { OtherKind } from './types.js';

/** The message without punctuation or emoji: letters, digits, slashes, single spaces. */
export function bareText(s: string): string {
  return s.replace(/[^\p{L}\p{N}\s/_+.-]|(?<!\d)[.](?!\d)|(?<![\p{L}\d])[-+]|[-+](?![\p{L}\d])/gu, ' ').replace(/\s+/g, ' ').trim();
}

const W = (words: string): string => words.trim().split(/\s*\|\s*/).join('|');

const GREETING = new RegExp(`^(?:${W(`hi+|hello+|helo+|hey+|heya|hiya|hii+|hola|yo|sup|wassup|whats up|what's up|namaste|namaskar|namaskaram|
  vanakkam|gm|gn|good morning|good evening|good afternoon|good night|morning|evening|hey there|hi there|hello there|
  ram ram|salaam|salam|assalamualaikum|kaise ho|kya haal hai|kya haal|how are you|how r u|how are u|hru|sat sri akal|
  jai shree krishna|howdy|greetings|hello munshi|hey munshi|hi munshi|good day|gud morning|gud mrng|gd morning|gm bro`)})` +
  `(?: (?:there|munshi|bro|buddy|bhai|ji|dear|all|sir|mate|friend|yaar|again))*$`);

const THANKS = new RegExp(`^(?:ok |okay |cool |great |awesome |nice |perfect |super )?(?:${W(`thanks+|thank you|thank u|thanku|thankyou|thnx|thnks|
  thanx|thx|tx|ty|tysm|tyvm|shukriya|shukria|dhanyavad|dhanyawad|dhanyavaad|thanks a lot|many thanks|cheers|great|awesome|
  cool|nice|perfect|super|gr8|noted|got it|good job|well done|wow|lol|haha|hahaha|lmao|sweet|brilliant|superb|ty bro|
  thanks bro|thank you so much|thanks a ton|appreciate it|bahut badiya|badiya|mast|sahi|nice one|good one|alright|fine`)})` +
  `(?: (?:so much|a lot|bro|buddy|bhai|ji|man|dude|munshi|yaar|again|mate))*$`);

const CAPABILITIES = new RegExp(`(?:${W(`what (?:all )?(?:can|do|could) (?:you|u) (?:do|track|record|handle|understand|help with|log|remember)|
  what (?:all )?(?:things )?(?:can|should) i (?:track|log|add|ask|send|tell you)|what (?:do|does) (?:you|u|munshi|this bot|this) do|
  who are (?:you|u)|what are (?:you|u)|what is (?:this|munshi)|how (?:do|does) (?:this|it|you|munshi|this bot) work|
  what can munshi do|features|what are your features|kya kya (?:kar sakte|track kar sakte) ho|tum kya karte ho|
  can you track|what can i ask|what all do you track|are you a bot|is this a bot|what do you track|how can you help|
  what can you help with|how to add (?:an )?expense|how do i add(?: an)? expense|how do i log|
  ^(?:can|could|do|does) (?:you|u|munshi|this bot|it) (?:add|read|import|handle|support|understand|remember|sync|connect|work|set|scan|take|accept|speak|reply|send) (?!my |me |the |all |how |what )`)})`);

const HELP = /^(?:help|help me|menu|commands|command list|\?+|how to use|how do i use(?: this| it| you)?|what are the commands|madad|start|\/help|\/start|guide|usage|instructions|options|help pls|help please|\/\?)$/;
const SETTINGS = /^(?:settings|my settings|show settings|show my settings|config|preferences|prefs|setting|current settings)$/;
const CONFIRM = /^(?:yes|y|yep|yup|yeah|ya|yes please|haan|haan ji|han|ha|ji|ji haan|ok|okay|k|kk|sure|correct|right|confirm|confirmed|save it|record it|theek hai|thik hai|sahi hai|go ahead|do it)$/;
const CANCEL = /^(?:no|nope|nah|n|nahi|nahin|na|cancel|stop|never ?mind|nvm|forget it|leave it|chhodo|chodo|rehne do|don'?t|dont save|don'?t record|skip)$/;
const UNDO = new RegExp(`^(?:pls |please |plz )?(?:${W(`undo|delete|remove|scratch|cancel|revert|erase|drop|discard|del|rm|oops|hata do|hatao|hata|mita do|mitao|
  galat|galti|wrong entry|take (?:that|it) back|that was wrong|wrong|ignore|void`)})` +
  `(?: (?:that|this|it|the|last|previous|prev|one|entry|expense|item|record|transaction|pls|please|plz|again|kar do|karo|do|entry|hai|ho gaya|gaya|thing|just|added|wala|wali|recent|latest|mistake|my))*$`);
const RECENT = /^(?:show |list |see |view |give |send )?(?:me )?(?:my )?(?:the )?(?:last|recent|latest|previous)(?: (\d{1,2}))?(?: (?:expenses|expense|entries|entry|transactions|records|items|spends|ones))?$|^(?:recent|history|list|entries|recents|show recent|list recent|my entries|last entries)$/;
const RECENT_NOUN = /\b(?:expenses|expense|entries|entry|transactions|records|items|spends)$/;
const EDIT_WORDS = new Set(`no nope nahi nahin na actually sorry correction correct make it its it's was that change to amount should be update
  the not i meant mean wait oops price edit last one fix is hai tha set it was typo make mistake wrong galat sahi karo kar do nah naa`.split(/\s+/));
const CURRENCY_SET = /^(?:please |pls )?(?:set|change|switch|update|use|make)?(?: my| the| default)* ?(?:currency|curr)(?: to| =|:| as| is)? ([a-z]{3}|rupees?|dollars?|euros?|pounds?|dirhams?|yen)$|^(?:switch to|use|change to) (usd|eur|gbp|inr|aed|sgd|dollars|euros|pounds|rupees|dirhams)$/;
const TZ_SET = /^(?:please |pls )?(?:set|change|switch|update|make)?(?: my| the)* ?(?:time ?zone|tz)(?: to| =|:| as| is)? ([a-z_]+(?:\/[a-z_+-]+)*|utc|gmt|ist)$/;

const CURRENCY_NAMES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  rupee: 'INR', rupees: 'INR', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP',
  dirham: 'AED', dirhams: 'AED', yen: 'JPY',
});
const TZ_ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { ist: 'Asia/Kolkata', utc: 'UTC', gmt: 'Etc/GMT' });
let tzIndex: Map<string, string> | null = null;
/** Case-insensitive IANA zone lookup ("asia/dubai" -> "Asia/Dubai"). */
export function canonicalTimeZone(s: string): string | null {
  const k = s.toLowerCase();
  if (TZ_ALIASES[k]) return TZ_ALIASES[k]!;
  if (!tzIndex) {
    tzIndex = new Map();
    const names = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    for (const z of [...names, 'UTC', 'Asia/Calcutta']) tzIndex.set(z.toLowerCase(), z);
  }
  return tzIndex.get(k) ?? null;
}

export type SmallTalk = Extract<OtherKind, 'greeting' | 'thanks' | 'capabilities'>;

/** Greetings, thanks and "what can you do?" e.g. smallTalk('hey there') === 'greeting' */
export function smallTalk(bare: string): SmallTalk | null {
  if (GREETING.test(bare)) return 'greeting';
  if (THANKS.test(bare)) return 'thanks';
  if (CAPABILITIES.test(bare)) return 'capabilities';
  return null;
}

export type SimpleCommand =
  | { kind: 'undo' } | { kind: 'help' } | { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'show_settings' }
  | { kind: 'list_recent'; limit: number } | { kind: 'set_currency'; currency: string } | { kind: 'set_timezone'; timeZone: string };

/** Commands recognized from the words alone (edits need amounts and dates; see understand.ts). */
export function simpleCommand(bare: string): SimpleCommand | null {
  if (CONFIRM.test(bare)) return { kind: 'confirm' };
  if (CANCEL.test(bare)) return { kind: 'cancel' };
  if (HELP.test(bare)) return { kind: 'help' };
  if (SETTINGS.test(bare)) return { kind: 'show_settings' };
  if (UNDO.test(bare)) return { kind: 'undo' };
  const r = RECENT.exec(bare);
  // "last 5 transactions" asks to see spending (a question); a bare "last 5" / "recent" is the list command.
  if (r && RECENT_NOUN.test(bare)) return null;
  if (r) return { kind: 'list_recent', limit: Math.min(Math.max(Number(r[1] ?? 5), 1), 50) };
  const c = CURRENCY_SET.exec(bare);
  if (c) {
    const code = CURRENCY_NAMES[c[1] ?? c[2]!] ?? (c[1] ?? c[2]!).toUpperCase();
    if (KNOWN_CURRENCIES.has(code)) return { kind: 'set_currency', currency: code };
  }
  const t = TZ_SET.exec(bare);
  if (t) {
    const tz = canonicalTimeZone(t[1]!);
    if (tz) return { kind: 'set_timezone', timeZone: tz };
  }
  return null;
}

/** "last 5 transactions", "show my recent expenses": a question the query engine lists. */
export function isListQuestion(bare: string): boolean {
  return RECENT.test(bare) && RECENT_NOUN.test(bare);
}

/** True when every word is correction glue ("no", "make it", "actually"): "no, 60" is an edit. */
export function onlyEditWords(words: string[]): boolean {
  return words.length > 0 && words.every((w) => EDIT_WORDS.has(w));
}

const EDIT_PREFIX = /^(?:no,? |nope,? |nah,? |naa,? |oh,? |hmm,? |actually,? |sorry,? |oops,? |wait,? |correction:? )*(?:it was|that was|it's|its|it is|that is|that's|thats|was|make it|make that|change it to|change that to|change to|change (?:the )?category to|category|cat|move it to|move to|should be|it should be|put it (?:in|under)|item|change item to|rename to|no it was|no that was|it was actually|that was actually)(?: an?)? (.+)$/;

/** "that was transport" -> category; "it was a latte" -> item text. Words only (no amount, no date). */
export function editTarget(bare: string): { category: Primary } | { item: string } | null {
  const m = EDIT_PREFIX.exec(bare);
  if (!m) return null;
  const rest = m[1]!.trim();
  const cat = CATEGORY_WORDS[rest] ?? CATEGORY_WORDS[rest.replace(/ category$/, '')];
  if (cat && isPrimary(cat)) return { category: cat };
  if (/\d/.test(rest) || rest.split(' ').length > 4) return null;
  if (/^(?:wrong|a mistake|mistake|expensive|cheap|good|bad|great|nice|fine|ok|okay|it|that|me|mine|fun|tasty|amazing|awesome|worth it)$/.test(rest)) return null;
  return { item: rest };
}

const Q_START = new RegExp(`^(?:${W(`how|what|whats|what's|which|when|where|who|did i|do i|does|have i|has|was|were|is|are|show|list|tell|give|
  compare|kitna|kitne|kitni|kya|kab|kahan|kaha|kaun|kaunsa|konsa|kis|total|sum|summary|breakdown|report|average|avg|top(?! ?up)|
  biggest|largest|most|highest|lowest|least|spending|spendings|expenses|expense report|my expenses|my spending|hows|how's|
  can you show|find|search|overall|net|count|any|all|till now|so far|where did|this month|last month|
  this week|last week|weekly|monthly|daily`)})\\b`);
const Q_WORDS = new RegExp(`\\b(?:${W(`how much|how many|kitna|kitne|kitni|total|spending|spendings|summary|breakdown|report|average|so far|
  till now|till date|to date|this month|last month|this week|last week|this year|last year|ka total|ka hisab|ka hisaab|hisab|hisaab|
  kharcha hua|kharch hua|kharcha|kharch|kharche|expenses|compare|versus|vs|trend|most|biggest|top|chart|graph|pie|
  per day|per month|per week|daily average|category wise|categorywise|in total|all time|overall|highest|lowest|month ka|week ka|
  hafte ka|mahine ka|saal ka|entha|enta|yentha|evvalavu|evlo|evalo|yevlo|yevvalavu|ethra|etra|koto|kato|kiti|kitti|ketla|ketlu|
  kharchu entha|selavu|selavai|khoroch|kharach zhala|kharch zhala|ee nela|ee vaaram|indha maasam|intha maasam|ei mash|ya mahinyat`)})\\b`);
const COMPARATIVE = /\b(?:more than|over|above|under|below|less than|greater than|at least|atleast|upto|up to|se zyada|se kam|exceeding|exceed)\b|[<>]/;

const SPEND_CUE = new RegExp(`\\b(?:${W(`spend|spent|spending|spends|spendings|expense|expenses|total|cost|costs|money|paid|pay|buy|bought|
  kharcha|kharch|kharche|kitna|kitne|kitni|much|many|budget|category|categories|most|least|average|avg|biggest|largest|
  highest|lowest|summary|report|breakdown|list|history|transactions|entries|rupees|rs|amount|bill|bills|order|ordered|
  orders|hisab|hisaab|gaya|gaye|gayi|diye|lagaya|lage|times|often|recent|since|purchases|purchase|trips|rides|ride|
  visits|sum|overall|compare|vs|versus|cheapest|costliest|expensive|top|chart|graph|everything|kharchu|selavu|khoroch|
  kharach|entha|evvalavu|evlo|koto|kiti|damage|blown|blew|burnt|burned|splurged|splurge|outflow|outgoings|forked|shelled`)})\\b`);
const TIME_CUE = new RegExp(`\\b(?:${W(`yesterday|today|week|weeks|month|months|year|jan|january|feb|february|mar|march|apr|april|may|jun|june|
  jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|kal|aaj|hafte|hafta|mahine|mahina|saal|daily|
  weekly|monthly|last|this`)})\\b`);

/**
 * True when a question is about money ("what did I spend…", "how much…"). A bare follow-up
 * ("and yesterday?") counts when `allowTime`; an opener like "what's the weather today?" does not.
 */
export function hasSpendCue(bare: string, allowTime: boolean): boolean {
  return SPEND_CUE.test(bare) || RANGE_CUE.test(bare) || (allowTime && TIME_CUE.test(bare)) || SHOW_ALL.test(bare);
}

// A period ("this month", "pichle hafte") makes even an opener like "how am I doing" about money.
const RANGE_CUE = /\b(?:(?:this|last|previous|past|next) (?:week|month|year|quarter)|so far|till now|till date|to date|is (?:mahine|hafte|saal)|pichle (?:mahine|hafte|saal)|last \d+ (?:days|weeks|months))\b/;
const SHOW_ALL = /^(?:show|list|give|send|get)(?: me)?(?: my| the)? (?:all|everything|entries|spends|transactions|history|report|summary|breakdown|chart|graph)\b/;
const TEST_PING = /^(?:test|testing|test message|test test|check|checking|ping|are you there|you there|anyone there|hello there\?|u there|r u there|working|is this working|does this work)$/;
// "testing 123", "test 1 2 3", "mic check 1 2": a number after a test word is part of the ping.
const TEST_COUNT = /^(?:test|testing|tester|check|checking|mic check|mic test|mic testing|sound check|ping|hello|hello hello)(?: (?:test|testing|check|one|two|three|1|2|3|12|123|1234|12345|1 2 3|one two three))+$/;

/** "test", "are you there": a ping, not an expense. */
export function isPing(bare: string): boolean {
  return TEST_PING.test(bare) || TEST_COUNT.test(bare);
}

const BUDGET_QUESTION = /\bbudgets?\b.*\b(?:status|left|remaining|over|under|how|kitna|kitni|baki|bacha|used)\b|\b(?:how|am i|kitna).*\bbudgets?\b/;
/** "budget status", "am I over budget?": a question, while "set food budget 8000" is not. */
export function isBudgetQuestion(bare: string, raw: string): boolean {
  return BUDGET_QUESTION.test(bare) || (/\bbudgets?\b/.test(bare) && raw.includes('?'));
}

/** Opens like a question ("how", "what", "kitna", "show"…). */
export function opensQuestion(bare: string): boolean {
  return Q_START.test(bare);
}

/** Questions about spending. `hasAmount`: the message holds a recordable amount. */
export function isQuery(bare: string, raw: string, hasAmount: boolean): boolean {
  if (Q_START.test(bare)) {
    // "do hazaar", "was 500"? A question opener with an amount is still a question unless it reads as a record.
    if (!hasAmount) return true;
    if (/^(?:total|sum|spending|spendings|expenses|this month|last month|this week|last week|daily|weekly|monthly|any|all|net|count)\b/.test(bare)) return COMPARATIVE.test(bare) || raw.includes('?');
    return true;
  }
  if (!hasAmount && (raw.includes('?') || Q_WORDS.test(bare))) return true;
  if (hasAmount && raw.includes('?') && (Q_WORDS.test(bare) || COMPARATIVE.test(bare))) return true;
  if (hasAmount && COMPARATIVE.test(bare) && /\b(?:expenses|spends?|spent|transactions|entries|items|purchases)\b/.test(bare) && /^(?:show|list|all|find|which|any)\b/.test(bare)) return true;
  return false;
}

const INCOME = new RegExp(`\\b(?:${W(`salary|salry|sallary|credited|received|recieved|recived|got paid|income|earned|earning|earnings|dividend|
  interest credited|reimbursed|reimbursement|stipend|pocket money|paid me|returned me|gave me|sent me|transferred me|lottery|won|
  prize money|freelance payment|payment received|paycheck|paycheque|pay cheque|payday|wages came|pay came in|hit the account|hit my account|mila|mili|bonus|increment|payout|sold|
  deposit(?:ed)? in|got back|paid back|returned|bikri|bikree|bikri hui|sales(?! tax)|revenue|turnover|galla|kamai|kamaai|kamayi|
  kamaya|kamaye|munafa|profit|(?:aaj ki|today'?s|daily|shop ki|dukan ki|dukaan ki|shop|store|counter|cash|day'?s) collection`)})\\b`);
const REFUND = /\b(?:refund|refunded|refunds|cashback|cash back|chargeback|money back|reversal|reversed)\b/;
// "maid salary 3000" is money going out to household staff.
const PAYEE_SALARY = /\b(?:maid|bai|driver|cook|servant|staff|nanny|watchman|guard|gardener|mali|dhobi|helper|help|employee|maali|cleaner|ayah|aaya|didi|tutor|teacher|kaamwali|kamwali|chowkidar|security|sweeper|caretaker|babysitter|attendant|nurse|peon|office boy)(?:'s)? (?:ki |ka |ko )?(?:salary|salry|sallary|payment|bonus|pagaar|pagar|tankhwah|wages|wage)\b|\b(?:salary|wages|pagaar|pagar|bonus|tankhwah) (?:for|to|of) (?:the |my |our )?(?:maid|driver|cook|nanny|watchman|gardener|helper|house help|cleaner|ayah|tutor|staff|kaamwali)\b/;
// Payments named after income: "income tax 15000", "advance tax on income".
const INCOME_OUTGO = /\b(?:income tax|tax on (?:my )?(?:income|salary|bonus)|salary advance to|professional tax|tds)\b/;
const SENT_BY_OTHER = /^(?:my )?(?:mom|mum|mummy|maa|mother|dad|papa|father|bro|brother|bhai|sis|sister|didi|wife|husband|uncle|aunty|nana|nani|dada|dadi|boss|company|office|client|friend|[a-z]+) (?:sent|transferred|gpayed|paid me|ne (?:\S+ ){0,3}(?:bheje|bheja|diye|diya|transfer kiye|bhej diye))\b/;
const DEBIT = /\b(?:debited|deducted|charged|spent|bought|kharcha)\b|\bpaid\b(?! me\b)/;

const TRANSFER = /\b(?:lent|lend|lending|loaned|loan to|borrowed|borrow|udhaar|udhar|udhari|withdrew|withdrawn|withdrawal|atm(?! (?:fee|fees|charge|charges|penalty|card fee))|transferred to my|moved to savings|(?:sent|send) (?:\S+ ){0,2}home(?= \d| (?:rs|inr|aed|usd|dirhams?|dollars?)\b| via\b| through\b|$)|remittance|remitted|ghar (?:pe |par )?bheje|to (?:my )?(?:savings|fd|rd|ppf|nps|demat)(?: account)?|invested|investment in|investing|sip|sips|mutual funds?|fixed deposit|shares of|stocks of|owes|owe me|owes me|owed|owing|iou|i owe|we owe|you owe|u owe|paid back|pay back|payback|settle up|settled up)\b/;
// "gave rohit 500 loan", "500 as loan to priya": a loan handed out; "home loan emi" is a payment.
const LOAN_OUT = /\bloan\b/;
const LOAN_PAYMENT = /\b(?:emi|emis|installment|instalment|interest|repayment|processing|fee|fees|charges|insurance|prepayment|foreclosure|premium)\b/;

/** Lending, borrowing, debts, ATM withdrawals: money moving, not money spent. */
export function isTransfer(bare: string): boolean {
  return TRANSFER.test(bare) || (LOAN_OUT.test(bare) && !LOAN_PAYMENT.test(bare) && /\b(?:gave|give|given|as|to|diya|diye|de)\b/.test(bare));
}

/** Income or a refund: money coming in is never recorded as an expense. */
export function incomeKind(bare: string): 'income' | 'refund' | null {
  if (REFUND.test(bare)) return 'refund';
  if (INCOME.test(bare) && !DEBIT.test(bare) && !PAYEE_SALARY.test(bare) && !INCOME_OUTGO.test(bare)) return 'income';
  // "mom sent 5000", "papa ne 2000 bheje": someone else sent the money.
  if (SENT_BY_OTHER.test(bare) && !/^(?:i|we|maine|mene|humne|sent)\b/.test(bare)) return 'income';
  if (/^(?:got|received) (?:rs |inr |₹)?\d/.test(bare) || /\bgot (?:rs |₹)?\d[\d,.k]* (?:from|back)\b/.test(bare)) return 'income';
  return null;
}

const PLAN = new RegExp(`\\b(?:${W(`will|i'll|ill pay|we'll|gonna|going to|need to|needs to|have to|has to|got to|gotta|should i|should|must|
  plan to|planning to|want to|wanna|wish to|intend to|about to|remind me|reminder|next week|next month|next year|
  tomorrow|tmrw|tomorow|tommorow|karna hai|karni hai|karne hai|lena hai|leni hai|lene hai|dena hai|deni hai|dene hai|bharna hai|
  karunga|karungi|lunga|lungi|dunga|dungi|jaunga|kharidna hai|kharidunga|kharidungi|budget|budgets|due on|is due|due date|
  upcoming|wishlist|thinking of|thinking about|might|shall|would like|lets buy|let's buy|yet to|
  kal dena|kal lena|save up|saving for|if i|estimate|expected|expect`)})\\b`);

const DUE = /\bdue\b/;
const DONE = /\b(?:paid|spent|cleared|bhara|bhari|diya|diye|kiya|bought)\b/;

/** Plans, wishes and reminders ("will pay rent 15000 tomorrow", "need to buy milk", "rent due 25000"). */
export function isPlan(bare: string): boolean {
  return PLAN.test(bare) || (DUE.test(bare) && !DONE.test(bare));
}
