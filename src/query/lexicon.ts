/**
 * @module query/lexicon
 * The words the question planner knows, as data: which words ask for which operation, which name
 * a whole category, and which are only the glue of a question ("how much did I", "kitna gaya").
 * English and Hinglish side by side.
 */
import type { Primary } from '../categories/taxonomy.js';

/** Words that name a whole primary category. Details ("coffee", "rent") go through concepts instead. */
export const CATEGORY_WORDS: Record<string, Primary> = {
  food: 'food', foods: 'food', khana: 'food', khane: 'food', khaana: 'food', khaane: 'food', 'food and drink': 'food',
  'food and drinks': 'food', 'food & drink': 'food', eating: 'food', 'eating out and groceries': 'food',
  transport: 'transport', transportation: 'transport', 'getting around': 'transport', conveyance: 'transport',
  shopping: 'shopping', kharidari: 'shopping',
  housing: 'housing', house: 'housing', home: 'housing', ghar: 'housing',
  utilities: 'utilities', utility: 'utilities', bills: 'utilities', 'utility bills': 'utilities',
  health: 'health', medical: 'health', healthcare: 'health', 'health care': 'health', 'medical stuff': 'health',
  entertainment: 'entertainment', fun: 'entertainment', 'fun stuff': 'entertainment', manoranjan: 'entertainment',
  travel: 'travel', travelling: 'travel', traveling: 'travel', trips: 'travel', trip: 'travel', safar: 'travel',
  education: 'education', studies: 'education', padhai: 'education', school: 'education',
  'personal care': 'personal_care', 'personal_care': 'personal_care', grooming: 'personal_care', 'self care': 'personal_care',
  gifts: 'gifts', gift: 'gifts', 'gifts and donations': 'gifts',
  fees: 'fees', charges: 'fees', 'fees and charges': 'fees',
  other: 'other', misc: 'other', miscellaneous: 'other', 'other stuff': 'other', others: 'other',
};

/**
 * Glue words dropped before what is left is read as the subject ("fizzy drinks", "rapido").
 * Kept generous: a leftover glue word would otherwise become an "unknown thing" to look for.
 */
export const STOPWORDS = new Set(
  `a an the i me my mine we our us you your did do does done have has had having was were is are am be been being
  how much many what whats what's which who whom when where why much more most any anything some something all every everything whatever
  each total totals sum summary spent spend spends spending spendings expense expenses expenditure expenditures cost costs
  costed costing paid pay paying payment payments money amount amounts bucks rupees rupee rs inr dollars
  on in at to for of from by with and or vs versus than then so it its it's that this these those there here
  please pls plz tell show list give me let know check see find get got can could would will should shall
  ka ki ke ko pe par mein me main mai se tak wala wali wale waala kitna kitni kitne kya kab kaha kahan hua hui huye hue
  gaya gayi gaye gya gyi lage laga lagi kharch kharcha kharche kharach karcha kharchi batao bata bolo dikhao dikha
  mera meri mere apna apni apne hamara humne maine kiya kiye kari kara diya di de total-ka bhi aur ya toh to
  went go goes gone going go-to spent-on used use bought buy buying buys purchase purchased purchases ordered order
  had have drank ate eaten consumed got
  single one ones times time number count counted often frequently
  ever so far overall till now yet already just only also
  how's hows whats ok okay hey hi hello munshi bro yaar ji
  expensive costly big biggest largest highest largest top most least smallest cheapest lowest rank ranked ranking sort sorted
  average avg mean daily weekly monthly per days weeks months years
  compare compared comparison comparing difference breakdown break down split category categories wise
  item items thing things stuff entries entry records record transactions transaction purchases
  spent? lately recently recent
  gaya? hai hain tha thi the about same instead sirf bas baar bar dafa pi piya piyi peeya khaya khayi khaye liya li liye kharida kharidi kharide mangaya mangwaya
  logged log logging recorded record noted note entered enter added add adds tracked track saved put putting made make making
  altogether overall whole entire full far now till until date ever all come came comes coming amounted amount add-up
  really actually exactly roughly approximately approx around like kind sort
  blow blew blown wasted waste splurged splurge shelled forked took take taken taking visited
  i've ive i'd i'm im we've you've doing done
  kul milake milaake sab saare sare saara sara kuch koi ab abhi wagairah etc karwaya karwayi karvaya karaya karna kar
  bharwaya bharwayi bharwaye bharvaya bharaya dalwaya dalwayi dalwaye lagwaya lagwayi mangwayi mangvaya aaya aayi aaye aya ayi aye
  pada padi pade hui given gave booked book damage summary recap overview
  khareeda khareedi khareede khareeda kharida kharide kharidi mangaye mangayi mangwaye piye khaye
  hisaab hisab kitaab hisaab-kitaab percentage percent share proportion fraction
  paise paisa rupaye rupaiye rupay rupiya rupiye as lose lost losing
  lagaa gayaa huaa kiyaa diyaa roz rozana roj mahine mahina hafte hafta din saal
  name less fewer increase increased decrease decreased change changed go goes went gone higher lower
  costliest priciest dearest pricey mehenga mehengi mehnga mehnge sasta sasti saste
  tally tallied tallies amounts amounted under into onto towards toward upon across over regarding related together grand net gross whole-lot lot lots
  lagaya lagaye lagayi chukaya chukaye chukayi bhara bhare bhari diye dena dene uda udaya udaye udaaye
  usual usually typical typically normal normally regular regularly
  thanks thank thx ty cheers quick quickly wondering wonder curious feeling feel felt broke broken bit little ended end ending
  question questions query lol haha hehe hmm umm pls plz blowing burning burnt burned splurging wasting kaunsa konsa kaunsi konsi kaun kon konse kaunse`.split(/\s+/).filter(Boolean),
);

/** Glue that only counts at the edges of a subject ("run" in "ration run", "rides" in "rapido rides"). */
export const TRAILING_NOUNS = new Set([
  'run', 'runs', 'ride', 'rides', 'trip', 'trips', 'visit', 'visits', 'purchase', 'purchases', 'order', 'orders',
  'bill', 'bills', 'session', 'sessions', 'stuff', 'shopping', 'expense', 'expenses', 'spend', 'spending', 'costs',
  'kharcha', 'wala', 'wali', 'waala', 'booking', 'bookings', 'payment', 'payments',
  // "petrol fill-up", "fastag top-up": one occasion of filling, not a thing of its own.
  'up', 'ups', 'fill', 'fills', 'fillup', 'fillups', 'topup', 'topups',
  // "pediatrician fees", "pampers packs": what was paid for is the word before.
  'fee', 'fees', 'charge', 'charges', 'pack', 'packs', 'packet', 'packets',
]);

/** Operation cues, tried in this order; the first that matches wins. */
export const OP_CUES: { op: 'compare' | 'breakdown' | 'average' | 'count' | 'top' | 'kinds' | 'list' | 'sum'; re: RegExp }[] = [
  { op: 'breakdown', re: /\b(what did i spend (the )?most on|where (did|do) i spend (the )?most|what (do|did) i spend (the )?most on|which category|which categories|(top|biggest|main|largest|highest) (spending |expense )?categor(y|ies)|spending categor(y|ies)|kis cheez|kis chiz|kis cheej|kaun si category|which (shops?|stores?|merchants?|places?|brands?|apps?|restaurants?)\b.*\b(most|top|biggest|highest)|summary|summari[sz]e|recap|overview)\b/ },
  { op: 'breakdown', re: /\b(which day|what day|which date|biggest day|costliest day|most expensive day|priciest day|kis din|kaun sa din|konsa din)\b/ },
  { op: 'kinds', re: /\b(most frequent|most often|most common|usually buy|frequently buy|typically buy|normally buy)\b/ },
  { op: 'compare', re: /\b(compare|compared|comparison|versus|vs\.?|v\/s|difference between|more than last|less than last|than last|how much (more|less|extra)|(go|goes|went|gone) (up|down)|increased?|decreased?|changed?|up or down|higher or lower)\b/ },
  { op: 'average', re: /\b(average|avg|averages|mean|(typical|usual|normal|regular) (day|week|month)|(daily|weekly|monthly) (spend|spending|spends|cost|costs|bill|kharcha|expenses?)|per day|per week|per month|a day on average|daily average|on average|roz ka|har din|per din|typical(?:ly)?|(?:usually|normally) (?:costs?|spend|pay|comes? to)|(?:usual|normal|regular) (?:[\w']+ ){0,2}(?:bills?|costs?|spends?|price|amount|fares?|orders?|rides?|tickets?|recharges?|fill ?ups?|top ?ups?))\b/ },
  { op: 'breakdown', re: /\b(breakdown|break down|broken down|break-up|breakup|split|by category|per category|category[- ]?wise|categorywise|by merchant|per merchant|merchant[- ]?wise|by day|day[- ]?by[- ]?day|day[- ]?wise|per item|by item|item[- ]?wise|where did (all |most |the bulk )?(of )?my money go|where (has|did) (all |most )?(of )?(my )?money gone|kahan gaya|kaha gaya|kahan gaye|kaha gaye)\b/ },
  { op: 'count', re: /\b(kitn[ei] (\w+ )?(rides|orders|trips|visits|times|entries|expenses|transactions|purchases|bills|baar|bar|dafa|cups|glasses|plates)|how many times|how many|how often|number of times|no\.? of times|number of|no\.? of|count of|kitni baar|kitni bar|kitne baar|kitni dafa|count)\b/ },
  { op: 'top', re: /\b(biggest|largest|highest|most expensive|costliest|priciest|top \d+|top|rank|ranked|cost the most|costed the most|spent the most|the most|smallest|cheapest|lowest|least expensive|sabse (bada|badi|bade|zyada|jyada|mehenga|mehengi|mehnga|sasta|sasti|kam))\b/ },
  { op: 'sum', re: /\b(how much|total|totals|the damage|tally|tallied|add up|added up|adds up|come to|came to|comes to|amount to|amounted to|amounts to|kitna|kitni|kitne|sum of|sum|kharch|kharcha|kharche|spend on|spent on|spending on|paid|pay)\b/ },
  { op: 'kinds', re: /\b(what kinds? of|which kinds? of|what types? of|which types? of|what sorts? of|kaun kaun|kaun se|konsi|kaunsi)\b/ },
  { op: 'list', re: /\b(list|show|display|which|what did i (buy|get|order|have|eat|drink)|what have i (bought|had|got|ordered)|details|itemi[sz]e|every|each|all (my|the)|have i (bought|had|got|spent|paid|ordered)|did i (buy|get|have|order)|any|anything|dikhao|dikha|batao kya|kya kya|kab kab|entries|transactions)\b/ },
];

/** "top 3", "3 largest", "3 biggest": an explicit N. */
export const TOP_N = /\b(?:top|first|biggest|largest|highest|smallest|cheapest|lowest|costliest|priciest)\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:largest|biggest|highest|most expensive|costliest|priciest|smallest|cheapest|lowest|top)\b/;

/** Words that make a ranking plural ("biggest expenses") and so default to 5 rather than 1. */
export const PLURAL_RANK = /\b(expenses|purchases|items|spends|things|payments|transactions|ones|entries|kharche)\b/;
export const SMALLEST = /\b(smallest|cheapest|lowest|least expensive|sabse (sasta|sasti|kam))\b/;

/** Signals that a text is about the owner's spending at all (otherwise munshi cannot plan it). */
export const SPEND_SIGNAL = /\b(spend|spent|spends|spending|expense|expenses|expenditure|cost|costs|costed|paid|pay|payment|total|how much|how many|kitna|kitni|kitne|kharch|kharcha|kharche|bought|buy|purchase|purchased|had|have i|drank|ate|ordered|list|show|top|biggest|largest|average|avg|compare|breakdown|split|money|went|gaya|gayi|gaye|lage|laga|sum|rank|times|any|anything|cheapest|smallest|highest|dikhao|batao|which|budget|paise|rupees|bucks|number of|no\.? of|count|logged|recorded|tally|tallied|tallies|add up|added up|adds up|come to|came to|comes to|amount to|amounted to|amounts to|altogether|overall|damage|hisaab|hisab|blow|blew|blown|splurge|splurged|wasted|shelled|forked|percentage|percent|share|last time|when did i last|kya kya|kab kab|khareeda|khareedi|khareede|kharida|kharide|kharidi|liya|liye|mangaya|mangwaya|khaya|piya|summary|summari[sz]e|recap|overview|so far|till now|till date|to date|ab tak|abhi tak|in total|dollars|euros|pounds|dirhams)\b|[₹$€£]/;
