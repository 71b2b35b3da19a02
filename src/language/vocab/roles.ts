/**
 * @module language/vocab/roles
 * The roles a word can play. Roles are the grammar's terminals: the grammars and the readers
 * are written against roles, never against words. Words live in the TSV files beside this module,
 * one row per word (or per set of spellings), each naming its role, an optional value, its
 * language and, when it only makes sense somewhere, its region.
 *
 * Adding a role is a code change (a grammar must read it); adding a word never is.
 */

/** Every role, with a one-line meaning and the shape of its `value` column. */
export const ROLES = {
  // ---- numbers and money
  number: 'a number word; value = its number ("five" 5, "paanch" 5, "dozen" 12)',
  magnitude: 'a multiplier after a number; value = factor ("k" 1000, "lakh" 100000, "grand" 1000, "sau" 100)',
  fraction: 'a number that scales the magnitude after it; value = factor ("dedh" 1.5, "dhai" 2.5, "half" 0.5)',
  plus_half: 'adds one half to the number after it ("saade teen sau" 350)',
  vague: 'a vague quantity that is never an amount ("couple", "few", "some")',
  money_word: 'a word that is itself an amount; value = "AMOUNT CUR" ("fiver" "5 GBP", "tenner" "10 GBP")',
  currency: 'a word or symbol naming a currency; value = ISO code, or LOCAL:<FAMILY> (LOCAL:DOLLAR, LOCAL:RUPEE, LOCAL:POUND, LOCAL:PESO ...): the owner\'s own currency of that family, else the family\'s default (core/money.ts)',
  unit: 'a unit after a number that makes it a quantity, not money; value = kind (mass, volume, count, time, distance, serving, ticket, person, measure: steps, calories, marks — never priced)',
  each: 'a rate marker ("each", "per", "apiece", "har ek"); value before when it precedes the price ("@ 50"), unit when a unit follows ("per kg", "/kg"), deal for "2 for 700" (a total for a count)',
  approx: 'an approximation marker before an amount ("around", "about", "~", "lagbhag"); value after when it follows the amount ("500ish", "500 odd", "or so")',
  subunit: 'a word for a hundredth of a currency after a number ("50p", "99 cents", "50 paise"); value = ISO code or LOCAL:<family>',
  num_adjust: 'changes the number (or magnitude) after it by a fraction of one; value = signed fraction ("saade" 0.5, "sava" 0.25, "paune" -0.25)',
  times: 'multiplies a count and a price written beside it ("2x190", "190 × 2", "2*190")',
  // ---- time
  weekday: 'a day of the week; value = 0..6, Sunday = 0',
  month: 'a month; value = 1..12',
  relative_day: 'a day relative to today; value = offset in days ("yesterday" -1); "kal" is "-1|1" (past or future by tense)',
  part_of_day: 'a part of the day ("morning", "raat", "tonight"); value = morning|afternoon|evening|night',
  period_unit: 'a period; value = day|week|weekend|fortnight|month|quarter|year',
  this: 'the current one of a period ("this", "iss", "current"); value post when it follows the period ("el mes este")',
  last: 'the previous one of a period ("last", "previous", "pichle"); value rolling for a window ending today ("past week" = the last 7 days), post when it follows the period ("la semaine dernière")',
  next: 'the next one of a period ("next", "agle", "coming"); value post when it follows the period ("la semaine prochaine")',
  ago: 'a count of periods back from today; value post after the count ("2 days ago", "do din pehle") or pre before it ("vor 2 Tagen", "hace 2 días")',
  ordinal: 'an ordinal word; value = n ("first" 1, "second" 2, "last" -1 for "last week of")',
  half: 'a half of a period; value = first|second ("first half", "latter half")',
  season: 'a season where the locale defines one; value = winter|spring|summer|autumn|monsoon',
  holiday: 'a holiday or festival; value = its key in holidays.tsv',
  time_from: 'opens a range or a starting point ("from", "starting", "von"); value between for a range closed by "and" ("between", "zwischen", "entre")',
  time_to: 'closes a range ("to", "till", "until", "through", "thru", "bis")',
  time_since: 'from a point up to now; value pre ("since monday"), post ("monday se", "1st jan onwards") or after (from the next day: "after diwali"), after_post (the same, written after: "15 aug ke baad")',
  time_until: 'up to a point; value pre ("until friday"), post ("friday tak") or before (up to the day before: "before diwali")',
  time_at: 'a clock-time marker; value pre ("at 9", "um 9") or post ("9 baje", "9 o\'clock", "9 uhr")',
  clock: 'am or pm; value = am|pm',
  so_far: 'up to now ("so far", "till date", "ab tak", "to date")',
  weekday_set: 'days of the week that recur ("saturdays", "weekends", "weekdays"); value = days 0..6 joined by "," (Sunday = 0)',
  quarter: 'a quarter of the year by name ("Q1", "Q4"); value = 1..4',
  period_part: 'a part of a period ("early", "mid", "late", "end of", "beginning of"); value = early|mid|late',
  time_prep: 'a word that opens (pre) or closes (post) a time expression and belongs to it ("on", "in", "during", "over", "am", Hindi "ko"); value = pre|post, or det for an article that before a bare day number says a day of the month (French "le 14")',
  date_word: 'a word for the day of the month after a day number ("15 tarikh", Marathi "3 tarkhela"): the number before is a date',
  ordinal_suffix: 'the letters written glued after a day number to make it an ordinal ("3rd", "21st", French "1er")',
  homograph: 'a time word that is also an everyday word: its time reading needs context; value strong ("may", "sun", "mar", "pongal": even "on" is not enough), start ("wed": a day also when it opens a record, unless a celebration follows) or weak ("sat", "thu": a day also when it opens a message)',
  // ---- expense words
  spend_verb: 'a verb of paying or buying; value = past|present|future|base when the tense is clear',
  obtain_verb: 'a verb of getting that implies paying only with an amount ("got", "grabbed", "had", "took")',
  spend_noun: 'a noun for spending itself ("expenses", "spending", "kharcha"): a question cue when no amount is written',
  ping: 'a test message ("test", "testing", "are you there"); with only numbers besides, noise',
  income: 'money coming in ("salary", "credited", "received", "earned")',
  refund: 'money coming back ("refund", "cashback", "reversal", "returned")',
  back: 'turns getting or paying into money coming back ("got 200 back", "paid me back", "wapas")',
  transfer: 'moving money that is not spending ("transferred", "sent home", "moved to savings")',
  debt: 'lending, borrowing or owing ("owe", "lent", "borrowed", "udhaar")',
  installment: 'a payment on a loan ("emi", "installment", "premium"): spending, even next to "loan"',
  balance: 'a balance or remaining amount ("balance", "left", "bacha")',
  budget: 'a budget or limit ("budget", "limit", "cap")',
  price_remark: 'talking about a price, not paying it ("costs", "price", "rate", "going for", "is priced")',
  negation: 'negates the verb ("not", "didn\'t", "never", "nahi", "cancelled"); value after when it follows what it negates (Hindi, Bengali, Marathi, Tamil, Kannada: "450 nahi, 540"); value strong: the phrase alone says no purchase was made ("decided against"); value record: the owner asks not to record it ("do not record the tickets; Ravi paid"), whatever the rest says',
  hypothetical: 'a condition or supposition ("if", "would", "might", "agar", "suppose")',
  plan: 'the future: intention or obligation ("will", "going to", "need to", "have to", "karna hai"); value reminder for a note to self that opens a message ("remind me to", "note to self")',
  wish: 'a wish or consideration ("want to", "wanna", "thinking of", "should i", "chahiye")',
  third_party: 'a person other than the owner as the doer ("he", "she", "they", "someone")',
  kin: 'a relation or person ("mom", "bhai", "friend", "boss"); value = a coarse group (family, friend, work, help)',
  self: 'the owner as the doer ("i", "we", "maine", "humne")',
  tip: 'a tip ("tip", "gratuity", "bakshish")',
  tax: 'a tax or charge added to a price ("tax", "gst", "vat", "service charge")',
  share: 'the owner\'s part of a shared bill ("my share", "my half", "split")',
  gift_word: 'says the thing was a present ("gift", "gifted", "shagun")',
  total_word: 'says an amount is the whole of what came before ("so 55 total", "twenty altogether"); value pre (before the amount) or post (after it)',
  price_link: 'a word right before an amount that ties it to the words before ("parking was $40", "a doll for $24.99", "tix were 18"): those words name what was bought',
  charge_verb: 'a verb of paying whose object is the one who paid ("charged us", "billed me", "cost me"), never money coming in',
  celebration: 'a day people give presents on ("birthday", "bday", "anniversary"): with a person it was for, a thing bought is a present',
  payment_method: 'how it was paid ("upi", "card", "cash", "gpay"); never an item',
  generic_place: 'a generic place that is not a merchant name ("stall", "shop", "canteen")',
  descriptive: 'a describing word that never names a shop ("fresh", "hot", "naya")',
  filler: 'a word that carries nothing ("umm", "basically", "like")',
  city: 'a city or town: a ride to it is a trip, not a commute ("pune", "leeds", "munich")',
  local_spot: 'a place in town that keeps a ride local even with a city named ("station", "airport", "office")',
  service_work: 'work done on a thing that is what was paid for ("servicing", "repair", "wash", "alteration")',
  clause_break: 'opens a clause that explains rather than names the purchase ("because", "coz", "kyunki")',
  emoji: 'an emoji that stands for a word; value = the word ("☕" coffee)',
  // ---- structure
  glue: 'a function word that is never an item ("the", "a", "ka", "ke"); value name for an article that is part of a shop\'s name it opens (Spanish "La Carreta", "El Farolito")',
  prep: 'a preposition before its chunk; value = place|purpose|dest|with|in|via|time|benefit|source|agent ("paid by dad")',
  postp: 'a postposition after its chunk (Hindi and friends); value = place|purpose|in|via|drop|time|dest|with',
  separator: 'separates expenses or list items ("and", "aur", "then", "plus")',
  // ---- looked up by role, never tagged in messages (LOOKUP_ONLY below)
  subject_edge: 'a word at the edge of a phrase that names a thing asked about or paid, not the thing itself; value = lead (trimmed from the start of a concept phrase: "my", "the", "spent"), trail (trimmed from its end: "expenses", "bills"), occasion (one occasion of the thing, trimmed from a narrower concept\'s phrase: "rides", "dinners"), shop (says "a shop" rather than which one, beside a merchant\'s name: "pump", "store", "app"), trip (a journey to a place: "trip", "visit", "holiday")',
  not_named: 'a word that never names an item or a merchant (function, number, money, time, verb, people and payment words): the categories lexicon never spell-corrects one into a lexicon word, and a one-word brand that is one is known only by its longer aliases',
  place_currency: 'a country or city abroad and the currency spent there; value = ISO code ("bali" IDR, "prague" CZK): a question about spending in a place whose currency is not the owner\'s asks about the rows in that currency',
  category_alias: 'an everyday word for a category in budget and recurring commands that the taxonomy\'s labels do not spell out; value = primary or primary/detail ("eating out" food/restaurant, "petrol" transport/fuel)',
  possessive: 'a possessive particle between a thing and what it owns, skipped when phrases are matched ("bijli ka bill", "bacchon ki fees")',
  // ---- talking to munshi
  question_word: 'opens or marks a question ("how", "what", "kitna", "kya"); value = how|what|which|when|who|where|why|whether',
  op_sum: 'asks for a total ("total", "how much", "sum", "kitna")',
  op_list: 'asks for a list ("list", "show", "which", "what all")',
  op_top: 'asks for the largest ("biggest", "top", "most expensive"); value = desc|asc',
  op_count: 'asks for a count ("how many", "number of", "kitni baar")',
  op_avg: 'asks for an average ("average", "avg", "typical", "usual"); value = occasion|day|week|month when implied',
  op_compare: 'asks for a comparison ("vs", "compare", "compared to", "than")',
  op_breakdown: 'asks for a breakdown ("breakdown", "by category", "split up")',
  op_kinds: 'asks which kinds of things were bought, with counts ("what kind of", "most often", "usually buy")',
  op_last: 'asks for the newest ("last time", "latest", "most recent")',
  comparative: 'compares an amount in a filter ("above", "over", "more than", "under", "below", "se zyada")',
  exclude: 'leaves something out of a question ("except", "excluding", "leaving out", "not counting")',
  include: 'adds something to a question ("including", "counting", "plus", "along with")',
  q_glue: 'a word that never names what a question asks about ("tell", "let", "find", "lately", "altogether"); value list ends a list of examples ("etc", "all of it")',
  follow_up: 'opens a follow-up to the last question ("and", "what about", "how about", "same for")',
  narrow: 'narrows the last question to a subject ("only", "just", "sirf")',
  show_all: 'asks for every row of the last answer ("all of them", "the rest", "show all", "baaki")',
  all_time: 'over all time ("ever", "overall", "all time", "till date", "ab tak")',
  group_by: 'what a breakdown groups by; value = category|merchant|day|item',
  percent: 'asks for a share of the whole ("percentage", "what share", "proportion")',
  occasion: 'one occasion of spending ("order", "bill", "ride", "visit", "fill-up"): an average per occasion divides by expenses; value trim when a subject named with it is the subject alone ("swiggy orders"), shop when only after a shop\'s name ("uber fare")',
  command: 'a command word; value = undo|delete|edit|recent|help|settings|set|confirm|cancel|dashboard|summary|chart|budgets|recurring|stop|not_shop|shop_is',
  edit_cue: 'opens a correction of the last expense ("no", "actually", "make it", "it was", "that was", "should be")',
  ref_last: 'points at the last expense in a command ("that", "it", "last one", "the entry", "wala")',
  greeting: 'a greeting ("hi", "gm", "namaste")',
  thanks: 'thanks ("thanks", "thx", "shukriya")',
  ack: 'an acknowledgement ("ok", "cool", "great", "done")',
  // ---- numbers that label things, never amounts
  label: 'a word after which (or before which) a number labels a thing; value = kind:side[:digits], side = after|before|both, digits = how many digits the label\'s number has ("4" at least four, "1-2" one or two) ("order" "order:after", "pin" "code:after:4", "iphone" "model:after:1-2")',
  // ---- forwarded bank, card and payment-app alerts (vocab/alerts/, read only by understanding/alerts)
  alert_cue: 'says what an alert reports; value = debit|credit|refund|reversal|cashback|otp|failed|mandate|due|balance|promo|request|self|atm|future|card_payment|sign_off ("debited", "credited", "declined", "autopay")',
  alert_field: 'labels a field of an alert; value = balance|limit|due|account|card|ref|payee:to|payee:at|payee:from|payee:info|cur:ISO|stop|bank ("Avl Bal", "a/c", "UPI Ref", "at", "Rs.")',
} as const;

export type Role = keyof typeof ROLES;

/**
 * Roles read by looking words up (vocabulary.wordsOf), never tagged in messages: their words keep
 * exactly the readings the other roles give them, so adding one of these rows never changes how a
 * message is read.
 */
export const LOOKUP_ONLY: ReadonlySet<Role> = new Set<Role>(['subject_edge', 'possessive', 'not_named', 'category_alias', 'place_currency']);

export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(s: string): s is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, s);
}

/** Languages munshi's vocabulary carries words for. Locale packs switch them on. */
export const LANGS = {
  en: 'English (all regions)',
  hi: 'Hindi and Hinglish, in Latin script',
  ta: 'Tamil words in Latin script (Tanglish)',
  kn: 'Kannada words in Latin script',
  te: 'Telugu words in Latin script',
  ml: 'Malayalam words in Latin script',
  mr: 'Marathi words in Latin script',
  bn: 'Bengali words in Latin script',
  gu: 'Gujarati words in Latin script',
  pa: 'Punjabi words in Latin script',
  kok: 'Konkani words in Latin script (Goa)',
  ur: 'Urdu words in Latin script',
  de: 'German words',
  fr: 'French words',
  es: 'Spanish words',
  it: 'Italian words',
  nl: 'Dutch words',
  pt: 'Portuguese words',
} as const;

export type Lang = keyof typeof LANGS;

export function isLang(s: string): s is Lang {
  return Object.prototype.hasOwnProperty.call(LANGS, s);
}

/** Regions a row can be limited to (ISO 3166 alpha-2, plus EU for the euro area). */
export const REGIONS = ['IN', 'US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'SG', 'AE', 'EU', 'DE', 'FR', 'ES', 'IT', 'NL', 'AT', 'BE', 'PT', 'MX'] as const;
export type Region = (typeof REGIONS)[number];

export function isRegion(s: string): s is Region {
  return (REGIONS as readonly string[]).includes(s);
}
