/**
 * @module understanding/lexicon
 * The words the message rules lean on, as data: currency markers, number words (English and
 * Hindi), quantity units, glue words that never belong in an item, and the vocabulary of
 * non-expense intents. Item and merchant knowledge lives in src/categories, not here.
 */

/**
 * Lookup tables have no prototype: a message saying "constructor" or "toString" must not find
 * Object.prototype members in them.
 */
function dict<T>(o: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, o));
}

/** Currency symbols; `$` means the owner's dollar when their currency is a dollar. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = dict({
  '₹': 'INR', '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '৳': 'BDT', '฿': 'THB',
});

/** Words naming a currency. "LOCAL_RUPEE" resolves to the owner's rupee (INR, PKR, LKR, NPR). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = dict({
  rs: 'LOCAL_RUPEE', rupees: 'LOCAL_RUPEE', rupee: 'LOCAL_RUPEE', rupaye: 'LOCAL_RUPEE', rupaiye: 'LOCAL_RUPEE',
  rupay: 'LOCAL_RUPEE', rupya: 'LOCAL_RUPEE', rupiya: 'LOCAL_RUPEE', rupye: 'LOCAL_RUPEE', rupiye: 'LOCAL_RUPEE',
  inr: 'INR',
  dollars: 'LOCAL_DOLLAR', dollar: 'LOCAL_DOLLAR', bucks: 'LOCAL_DOLLAR', buck: 'LOCAL_DOLLAR', usd: 'USD',
  euro: 'EUR', euros: 'EUR', eur: 'EUR',
  pounds: 'GBP', quid: 'GBP', gbp: 'GBP',
  dirham: 'AED', dirhams: 'AED', dhs: 'AED', aed: 'AED',
  yen: 'JPY', yuan: 'CNY', rmb: 'CNY', baht: 'THB', ringgit: 'MYR', riyal: 'SAR', riyals: 'SAR',
  taka: 'BDT', francs: 'CHF', franc: 'CHF',
});

export const RUPEE_CURRENCIES = new Set(['INR', 'PKR', 'LKR', 'NPR']);
export const DOLLAR_CURRENCIES = new Set(['USD', 'SGD', 'AUD', 'CAD', 'NZD', 'HKD']);

/** Multipliers written after a number: "1.2k", "2 lakh", "do hazaar", "paanch sau". */
export const MULTIPLIERS: Readonly<Record<string, number>> = dict({
  k: 1_000, K: 1_000, thousand: 1_000, thousands: 1_000, grand: 1_000, hazaar: 1_000, hazar: 1_000, hajar: 1_000,
  hazzar: 1_000, hzr: 1_000, hundred: 100, hundreds: 100, sau: 100,
  lakh: 100_000, lakhs: 100_000, lac: 100_000, lacs: 100_000, lk: 100_000, l: 100_000,
  crore: 10_000_000, crores: 10_000_000, cr: 10_000_000, million: 1_000_000, mn: 1_000_000,
});

/** Magnitude words that can stand alone in a number phrase ("hundred", "sau"). */
export const MAGNITUDE_WORDS = new Set(['hundred', 'thousand', 'lakh', 'lakhs', 'lac', 'crore', 'million', 'sau', 'hazaar', 'hazar', 'hajar', 'hazzar']);

/** English number words below 100. */
export const EN_NUMBER_WORDS: Readonly<Record<string, number>> = dict({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
});

/** Hindi number words: only read as numbers before a magnitude ("do hazaar") or when unambiguous. */
export const HI_NUMBER_WORDS: Readonly<Record<string, number>> = dict({
  ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, paanch: 5, panch: 5, panj: 5, chhe: 6, chhah: 6, che: 6,
  saat: 7, aath: 8, ath: 8, nau: 9, das: 10, gyarah: 11, barah: 12, bara: 12, pandrah: 15, bees: 20, bis: 20,
  pachees: 25, pachchis: 25, pachis: 25, tees: 30, chalis: 40, chaalis: 40, pachas: 50, pachaas: 50,
  sattar: 70, assi: 80, nabbe: 90,
});

/** Hindi fractional prefixes: "dedh sau" = 150, "dhai sau" = 250, "sava sau" = 125. */
export const HI_FRACTIONS: Readonly<Record<string, number>> = dict({
  dedh: 1.5, derh: 1.5, dhai: 2.5, dhaai: 2.5, adhai: 2.5, sava: 1.25, savaa: 1.25, paune: 0.75,
});
/** "saade teen sau" = 350: adds a half to the number that follows. */
export const HI_PLUS_HALF = new Set(['saade', 'sade', 'saadhe', 'sadhe']);

/** Words right after a number that make it a quantity, not an amount ("2 kg", "3 plates"). */
export const QUANTITY_UNITS = new Set([
  'kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'g', 'gm', 'gms', 'gram', 'grams', 'gr',
  'ltr', 'ltrs', 'litre', 'litres', 'liter', 'liters', 'lt', 'ml', 'pcs', 'pc', 'piece', 'pieces', 'nos', 'no',
  'x', 'pint', 'pints', 'plate', 'plates', 'packet', 'packets', 'pkt', 'pkts', 'pack', 'packs', 'bottle', 'bottles',
  'btl', 'cup', 'cups', 'dozen', 'doz', 'dz', 'unit', 'units', 'box', 'boxes', 'glass', 'glasses', 'ticket', 'tickets',
  'people', 'persons', 'person', 'pax', 'night', 'nights', 'hrs', 'hr', 'hour', 'hours', 'min', 'mins', 'minutes',
  'km', 'kms', 'kilometers', 'kilometres', 'set', 'sets', 'pair', 'pairs', 'bag', 'bags', 'slice', 'slices', 'scoop',
  'scoops', 'roll', 'rolls', 'tablet', 'tablets', 'strip', 'strips', 'item', 'items', 'meal', 'meals', 'can', 'cans',
  'jar', 'jars', 'pouch', 'pouches', 'sachet', 'sachets', 'tin', 'tins', 'tray', 'trays', 'carton', 'cartons', 'loaf', 'loaves', 'bunch', 'bunches', 'bundle', 'bundles', 'peg', 'pegs', 'shot', 'shots', 'month', 'months', 'mo', 'week', 'weeks', 'year', 'years', 'yr', 'yrs', 'times', 'sessions', 'session',
  'classes', 'seats', 'seat', 'tins', 'tin', 'loaves', 'loaf', 'bunch', 'bunches', 'peg', 'pegs', 'shots', 'shot',
  'mugs', 'mug', 'bowl', 'bowls', 'kilometer', 'visits', 'rides', 'trips', 'nights', 'dabba', 'packets', 'quintal', 'baar',
]);

/** Separators between expenses in one message. */
export const SEPARATOR_WORDS = new Set(['and', 'aur', 'then', 'also', 'plus', 'n', 'phir', 'fir', 'nd', 'tatha']);

/** Prepositions (English) that open a chunk with a role. */
export const PREPOSITIONS: Readonly<Record<string, 'place' | 'purpose' | 'dest' | 'with' | 'in' | 'via'>> = dict({
  at: 'place', from: 'place', '@': 'place', frm: 'place',
  for: 'purpose', on: 'purpose', towards: 'purpose',
  to: 'dest', till: 'dest', until: 'dest',
  with: 'with', alongwith: 'with',
  in: 'in', inside: 'in', near: 'in', outside: 'in',
  via: 'via', by: 'via', through: 'via', using: 'via', thru: 'via',
  // "shake after workout", "snacks before the movie": a time reference, never the thing bought.
  after: 'via', before: 'via', during: 'via',
});

/** Hinglish postpositions: the chunk BEFORE them has the role ("dmart se", "mummy ke liye"). */
export const POSTPOSITIONS: Readonly<Record<string, 'place' | 'purpose' | 'in' | 'via' | 'drop'>> = dict({
  // "office ke baad", "movie se pehle": a time reference, ranked last like "via" when looking for the item.
  baad: 'via', pehle: 'via', pahle: 'via',
  se: 'place', sey: 'place', say: 'place',
  liye: 'purpose', liya: 'drop', pe: 'drop', par: 'drop',
  // "mandir mein daan": the chunk before "mein" is where, so the thing is found elsewhere first.
  mein: 'in', me: 'in', mai: 'in', mei: 'in',
});

/** Words that never belong in an item name (verbs, articles, Hinglish glue, filler). */
export const GLUE_WORDS = new Set([
  // English
  'spent', 'spend', 'spending', 'paid', 'pay', 'paying', 'bought', 'buy', 'buying', 'purchased', 'purchase',
  'got', 'get', 'had', 'have', 'took', 'take', 'ordered', 'order', 'gave', 'give', 'given', 'used', 'cost', 'costs',
  'costed', 'charged', 'gifted', 'gifting', 'sent', 'send', 'incl', 'including', 'inclusive', 'excl', 'excluding', 'was', 'were', 'is', 'are', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those',
  'a', 'an', 'the', 'my', 'our', 'me', 'i', 'we', 'us', 'some', 'just', 'only', 'approx', 'around', 'about',
  'worth', 'total', 'totally', 'each', 'per', 'also', 'again', 'today', 'today\'s', 'todays', 'yearly', 'annual', 'annually',
  'monthly', 'weekly', 'daily', 'expense', 'expenses', 'amount', 'rupees', 'money', 'cash', 'ok', 'okay', 'so',
  'pd', 'basically', 'bal', 'like', 'very', 'too', 'bit', 'quick', 'new', 'add', 'added', 'log', 'logged', 'record', 'note', 'entry', 'put',
  'towards', 'done', 'did', 'made', 'make', 'went', 'go', 'came', 'ate', 'drank', 'split', 'shared', 'share', 'booked',
  // Hinglish
  'ke', 'ka', 'ki', 'ko', 'pe', 'par', 'mein', 'me', 'mai', 'mei', 'diye', 'diya', 'di', 'de', 'diyaa', 'liya', 'liye', 'li',
  'le', 'kharcha', 'kharch', 'kharche', 'kharchaa', 'kiya', 'kiye', 'kari', 'kara', 'kiyaa', 'gaya', 'gaye', 'gayi', 'gya',
  'gye', 'hua', 'hue', 'hui', 'huaa', 'ho', 'hogaya', 'hogya', 'wala', 'wali', 'wale', 'waala', 'waali', 'waale', 'tha',
  'thi', 'hai', 'hain', 'h', 'bhi', 'abhi', 'aaj', 'maine', 'mene', 'mujhe', 'humne', 'apna', 'apni', 'apne', 'mera', 'meri',
  'mere', 'hamara', 'hamari', 'hamare', 'tera', 'teri',
  'lagaye', 'lage', 'laga', 'lagi', 'bhara', 'bhare', 'bharwaya', 'karwaya', 'kharida', 'kharidi', 'kharide', 'khareeda',
  'liyaa', 'piya', 'khaya', 'khaaya', 'kuch', 'bas', 'sirf', 'wo', 'woh', 'ye', 'yeh', 'ek',
  // Causative verbs ("recharge karaya", "petrol dalwaya", "pizza mangaya"): a slip away from nouns
  // such as "kiraya" (rent), so they must never reach spelling repair.
  'karaya', 'karaye', 'karayi', 'karwaya', 'karwaye', 'karwayi', 'karvaya', 'karvaye', 'dalwaya', 'dalvaya', 'dalaya',
  'dala', 'daala', 'dalwaye', 'mangaya', 'mangaye', 'mangwaya', 'mangvaya', 'mangwaye', 'banwaya', 'lagwaya', 'bharaya',
  'bharwaye', 'dilaya', 'dilwaya', 'dilaye', 'chukaya', 'bheja', 'bheje', 'bhej', 'mangai', 'manga', 'mangwa', 'karwa', 'karva',
  // Eating, seeing, going: "momos khaye", "movie dekhi", "baad mein".
  'khaye', 'khayi', 'khaaye', 'khaai', 'khai', 'piye', 'pee', 'dekhi', 'dekha', 'dekhe', 'dekhne', 'gaye',
  'liye', 'lene', 'dene',
  // English verbs of getting: "grabbed a bite", "picked up medicines", "filled petrol", "topped up".
  'grabbed', 'grab', 'picked', 'pick', 'filled', 'fill', 'topped', 'treated', 'treat', 'enjoyed', 'tried', 'needed', 'collected',
]);

/** Words that mark an expense even when no amount is given ("bought petrol" -> ask how much). */
export const EXPENSE_VERBS = new Set([
  'spent', 'paid', 'bought', 'purchased', 'ordered', 'gave', 'kharcha', 'kharch', 'kharida', 'kharidi', 'kharide',
  'khareeda', 'diye', 'diya', 'liya', 'bharwaya', 'bhara', 'booked', 'gifted',
]);

/** Words saying the thing was a present: "gifted a watch to dad" is a gift whatever a watch is. */
export const GIFT_WORDS = new Set(['gift', 'gifts', 'gifted', 'gifting', 'present', 'tohfa', 'shagun', 'shagan']);

/** Generic places: "at the stall" says where, not who; never a merchant name. */
export const GENERIC_PLACES = new Set([
  'stall', 'shop', 'store', 'market', 'mall', 'canteen', 'office', 'station', 'restaurant', 'cafe', 'café', 'home',
  'work', 'college', 'school', 'corner', 'local', 'nearby', 'roadside', 'street', 'vendor', 'thela', 'dukaan',
  'dukan', 'kirana', 'bakery', 'theatre', 'theater', 'cinema', 'pump', 'temple', 'hotel', 'dhaba', 'place', 'shack',
  'counter', 'outlet', 'branch', 'supermarket', 'hospital', 'clinic', 'pharmacy', 'chemist', 'medical', 'salon',
  'parlour', 'parlor', 'airport', 'mandi', 'bazaar', 'bazar', 'tapri', 'hawker', 'guy', 'uncle', 'bhaiya', 'wala',
  'gym', 'club', 'pub', 'bar', 'the', 'road', 'building', 'society', 'flat', 'apartment', 'there', 'here',
  'petrol', 'sabziwala', 'office canteen', 'food', 'court', 'foodcourt', 'petrolpump', 'friend', 'friends',
]);

/** Payment methods: "via upi", "by card", "in cash" say how, not what or where. */
export const PAYMENT_METHODS = new Set([
  'upi', 'gpay', 'googlepay', 'google', 'phonepe', 'paytm', 'cash', 'card', 'credit', 'debit', 'netbanking', 'cred',
  'bhim', 'wallet', 'amazonpay', 'neft', 'imps', 'cheque', 'check',
]);

/** Dropped from the edges of an item ("yearly", "for the flat" are handled by chunks). */
export const ITEM_TRIM = new Set(['and', 'aur', 'of', 'for', 'on', 'at', 'from', 'to', 'with', 'in', 'the', 'a', 'an', 'n', 'then', '&', 'x', 'by', 'via', 'run']);

/** Primary slugs and the words people use for them ("that was transport"). */
export const CATEGORY_WORDS: Readonly<Record<string, string>> = dict({
  food: 'food', transport: 'transport', travel: 'travel', shopping: 'shopping', housing: 'housing', rent: 'housing',
  utilities: 'utilities', utility: 'utilities', bills: 'utilities', health: 'health', medical: 'health',
  entertainment: 'entertainment', education: 'education', personal: 'personal_care', personal_care: 'personal_care',
  'personal care': 'personal_care', grooming: 'personal_care', gifts: 'gifts', gift: 'gifts', fees: 'fees', other: 'other',
  groceries: 'food', grocery: 'food', commute: 'transport',
});

/** Chat shorthand expanded before anything else ("bday cake" must not become "bay cake"). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = dict({
  'w/': 'with ', 'w/o': 'without', bday: 'birthday', "b'day": 'birthday', bdy: 'birthday', tkt: 'ticket', tkts: 'tickets',
  tix: 'tickets', amt: 'amount', grocs: 'groceries', veggies: 'vegetables', veggie: 'vegetable', bfast: 'breakfast',
  brkfst: 'breakfast', dinr: 'dinner', elec: 'electricity', ppl: 'people', yrly: 'yearly', mthly: 'monthly',
  // Verbs that name the thing bought: "recharged my phone" is a recharge.
  recharged: 'recharge', renewed: 'renewal', subscribed: 'subscription', tipped: 'tip', serviced: 'service',
  washed: 'wash', repaired: 'repair', booked: 'booked', donated: 'donation',
});

/** Describing words that never name a shop, even when the lexicon does not know them ("fresh juice"). */
export const DESCRIPTIVE = new Set([
  'fresh', 'hot', 'cold', 'iced', 'spicy', 'sweet', 'small', 'large', 'big', 'medium', 'extra', 'veg', 'nonveg', 'non',
  'chicken', 'mutton', 'paneer', 'egg', 'plain', 'masala', 'special', 'mini', 'jumbo', 'double', 'single', 'half', 'full',
  'birthday', 'wedding', 'party', 'office', 'family', 'kids', 'baby', 'home', 'homemade', 'local', 'street', 'roadside',
  'morning', 'evening', 'night', 'late', 'early', 'quick', 'cheap', 'expensive', 'good', 'nice', 'best', 'new', 'old',
  'organic', 'frozen', 'dry', 'wet', 'green', 'red', 'black', 'white', 'brown', 'yellow', 'desi', 'english', 'indian',
  'chinese', 'italian', 'mexican', 'thai', 'south', 'north', 'punjabi', 'gujarati', 'bengali', 'kerala', 'hyderabadi',
  'lucknowi', 'bombay', 'mumbai', 'delhi', 'pune', 'kolkata', 'chennai', 'goa', 'monthly', 'weekly', 'daily', 'annual',
  'my', 'our', 'his', 'her', 'their', 'friends', 'friend', 'team', 'some', 'more', 'another', 'second', 'third', 'first',
  // Hindi describing words ("naye joote", "garam chai", "taaza sabzi").
  'naya', 'naye', 'nayi', 'nai', 'purana', 'purane', 'purani', 'chhota', 'chhote', 'chhoti', 'bada', 'bade', 'badi', 'garam',
  'thanda', 'thandi', 'thande', 'taaza', 'taza', 'taazi', 'mehenga', 'mehnga', 'sasta', 'sasti', 'achha', 'accha', 'acchi',
  'ghar', 'ghar ka', 'desi', 'asli', 'special', 'spl', 'extra', 'ek', 'aur',
]);

/** People a payment goes to or is for: "gift to mom" never names a shop. */
export const RELATIONS = new Set([
  'mom', 'mum', 'mummy', 'mumma', 'maa', 'ma', 'mother', 'dad', 'daddy', 'papa', 'father', 'pops', 'wife', 'husband', 'hubby',
  'bhai', 'bhaiya', 'bro', 'brother', 'sis', 'sister', 'didi', 'behen', 'son', 'daughter', 'beta', 'beti', 'kids', 'kid',
  'baby', 'child', 'children', 'family', 'parents', 'friend', 'friends', 'buddy', 'colleague', 'colleagues', 'boss',
  'roommate', 'flatmate', 'landlord', 'neighbour', 'neighbor', 'uncle', 'aunty', 'auntie', 'aunt', 'chacha', 'chachi',
  'mama', 'mami', 'nana', 'nani', 'dada', 'dadi', 'cousin', 'nephew', 'niece', 'gf', 'bf', 'girlfriend', 'boyfriend',
  'partner', 'fiance', 'fiancee', 'grandma', 'grandpa', 'inlaws', 'saas', 'sasur', 'jiju', 'bhabhi', 'team', 'him', 'her',
  'them', 'someone', 'everyone', 'self', 'myself', 'wifey', 'sir', 'madam', 'maam',
]);

/** Cities people travel between: "bus to pune" is a trip, "bus to office" a commute. */
export const CITIES = new Set(`mumbai bombay pune delhi noida gurgaon gurugram ghaziabad faridabad bangalore bengaluru mysore mysuru
  chennai madras hyderabad secunderabad kolkata calcutta ahmedabad surat vadodara baroda rajkot jaipur udaipur jodhpur
  jaisalmer ajmer pushkar lucknow kanpur agra varanasi banaras allahabad prayagraj mathura vrindavan rishikesh haridwar
  dehradun mussoorie nainital shimla manali dharamshala chandigarh amritsar ludhiana jalandhar jammu srinagar leh ladakh
  indore bhopal ujjain nagpur nashik aurangabad kolhapur lonavala khandala mahabaleshwar alibaug shirdi goa panaji
  mangalore mangaluru udupi coorg ooty kodaikanal pondicherry puducherry madurai coimbatore trichy tirupati vijayawada
  visakhapatnam vizag warangal kochi cochin trivandrum thiruvananthapuram calicut kozhikode munnar alleppey alappuzha
  bhubaneswar puri cuttack patna ranchi gaya guwahati shillong gangtok darjeeling siliguri raipur bhilai jabalpur gwalior
  hubli belgaum hampi gokarna kasol dubai abudhabi sharjah muscat doha riyadh jeddah singapore bangkok phuket bali london
  paris newyork boston chicago seattle austin dallas houston toronto sydney melbourne kathmandu colombo dhaka tokyo
  patiala bathinda pathankot mohali panchkula ambala karnal hisar rohtak sonipat tezpur jorhat dibrugarh silchar sivasagar
  tinsukia nagaon panjim panaji margao vasco mapusa salem erode tirunelveli thanjavur vellore kanchipuram nagercoil
  hosur kumbakonam rameswaram kanyakumari thrissur kollam kottayam kannur palakkad guntur nellore kurnool karimnagar
  nizamabad kakinada rajahmundry tirupur solapur sangli satara ratnagiri jalgaon akola amravati latur nanded dhule
  belagavi davangere shimoga shivamogga bellary ballari gulbarga kalaburagi bijapur dharwad hassan mandya tumkur
  bareilly meerut aligarh moradabad gorakhpur jhansi ayodhya bikaner kota alwar bhilwara siliguri asansol durgapur
  kharagpur bhagalpur muzaffarpur darbhanga dhanbad jamshedpur bokaro sambalpur rourkela berhampur`.split(/\s+/));

/** Local spots that keep a ride local even with a city named ("auto to pune station"). */
export const LOCAL_SPOTS = new Set(['station', 'airport', 'office', 'home', 'mall', 'stand', 'depot', 'metro', 'hospital', 'market']);

/**
 * Head words that still say what kind of expense an unknown name was ("DEWA bill", "visa fee",
 * "farewell party"), used only when nothing else categorized it.
 */
export const HEAD_CATEGORIES: Readonly<Record<string, { primary: string; detail: string | null }>> = dict({
  bill: { primary: 'utilities', detail: null }, bills: { primary: 'utilities', detail: null },
  fee: { primary: 'fees', detail: null }, fees: { primary: 'fees', detail: null }, charge: { primary: 'fees', detail: null },
  charges: { primary: 'fees', detail: null }, tax: { primary: 'fees', detail: 'taxes' }, taxes: { primary: 'fees', detail: 'taxes' },
  fine: { primary: 'fees', detail: 'fines' }, penalty: { primary: 'fees', detail: 'fines' }, challan: { primary: 'fees', detail: 'fines' },
  party: { primary: 'entertainment', detail: 'events' }, celebration: { primary: 'entertainment', detail: 'events' },
  outing: { primary: 'entertainment', detail: 'events' }, show: { primary: 'entertainment', detail: 'concerts' },
  gig: { primary: 'entertainment', detail: 'concerts' }, concert: { primary: 'entertainment', detail: 'concerts' },
  fest: { primary: 'entertainment', detail: 'events' }, festival: { primary: 'entertainment', detail: 'events' },
  meal: { primary: 'food', detail: null }, bite: { primary: 'food', detail: null }, snack: { primary: 'food', detail: 'snacks' }, thali: { primary: 'food', detail: null }, curry: { primary: 'food', detail: null },
  fry: { primary: 'food', detail: null }, fish: { primary: 'food', detail: null }, sweets: { primary: 'food', detail: null },
  class: { primary: 'education', detail: null }, classes: { primary: 'education', detail: null }, course: { primary: 'education', detail: null },
  tuition: { primary: 'education', detail: null }, coaching: { primary: 'education', detail: null }, workshop: { primary: 'education', detail: null },
  subscription: { primary: 'entertainment', detail: 'streaming' }, membership: { primary: 'health', detail: null },
  donation: { primary: 'gifts', detail: 'donations' }, gift: { primary: 'gifts', detail: null }, present: { primary: 'gifts', detail: null },
  repair: { primary: 'housing', detail: null }, rent: { primary: 'housing', detail: null },
  ticket: { primary: 'entertainment', detail: null }, tickets: { primary: 'entertainment', detail: null },
  medicine: { primary: 'health', detail: null }, medicines: { primary: 'health', detail: null }, checkup: { primary: 'health', detail: null },
  haircut: { primary: 'personal_care', detail: null }, duty: { primary: 'fees', detail: 'taxes' }, cess: { primary: 'fees', detail: 'taxes' },
  emi: { primary: 'fees', detail: 'bank' },
});

/** Item heads that decide the category whatever the words before them ("property tax", "council tax"). */
export const DECIDING_HEADS: Readonly<Record<string, { primary: string; detail: string | null }>> = dict({
  tax: { primary: 'fees', detail: 'taxes' }, taxes: { primary: 'fees', detail: 'taxes' }, cess: { primary: 'fees', detail: 'taxes' },
  challan: { primary: 'fees', detail: 'fines' }, penalty: { primary: 'fees', detail: 'fines' },
});

/** Long-distance details by the vehicle word ("bus to pune" -> travel/buses). */
export const INTERCITY_DETAIL: Readonly<Record<string, string>> = dict({
  bus: 'buses', volvo: 'buses', sleeper: 'buses', train: 'trains', rail: 'trains', railway: 'trains', flight: 'flights',
});

/** Emoji people type instead of the word ("☕ 40", "⛽ 500", "🍕 350"). */
export const EMOJI_WORDS: Readonly<Record<string, string>> = dict({
  '☕': 'coffee', '🍵': 'tea', '🫖': 'tea', '🍕': 'pizza', '🍔': 'burger', '🍟': 'fries', '🌭': 'hot dog', '🥪': 'sandwich',
  '🌮': 'taco', '🍜': 'noodles', '🍝': 'pasta', '🍛': 'curry', '🍚': 'rice', '🍣': 'sushi', '🍰': 'cake', '🎂': 'cake',
  '🧁': 'cupcake', '🍩': 'donut', '🍪': 'cookie', '🍫': 'chocolate', '🍦': 'ice cream', '🍨': 'ice cream', '🍺': 'beer',
  '🍻': 'beer', '🍷': 'wine', '🥃': 'whisky', '🍸': 'cocktail', '🍹': 'cocktail', '🥤': 'cold drink', '🧃': 'juice',
  '🥛': 'milk', '🍞': 'bread', '🥚': 'eggs', '🍎': 'apples', '🍌': 'bananas', '🥭': 'mangoes', '🍇': 'grapes', '🥗': 'salad',
  '🥘': 'food', '🍱': 'lunch', '⛽': 'petrol', '🚕': 'taxi', '🚖': 'taxi', '🛺': 'auto', '🚌': 'bus', '🚇': 'metro', '🚆': 'train',
  '🚄': 'train', '✈️': 'flight', '✈': 'flight', '🏨': 'hotel', '🎬': 'movie', '🍿': 'popcorn', '🎟️': 'tickets', '🎟': 'tickets',
  '💊': 'medicine', '💇': 'haircut', '💇‍♂️': 'haircut', '💇‍♀️': 'haircut', '👕': 'shirt', '👖': 'jeans', '👟': 'shoes', '👗': 'dress',
  '📱': 'phone', '💡': 'electricity', '🎁': 'gift', '📚': 'books', '📖': 'book', '🛒': 'groceries', '🅿️': 'parking', '🅿': 'parking',
});
