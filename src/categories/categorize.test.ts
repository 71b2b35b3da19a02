/**
 * @module categories/categorize.test
 * categorize() across every primary: Indian and international items, dishes, brands and
 * merchants, Hinglish words, typos, item/merchant interplay, context words and overrides.
 */
import { describe, expect, it } from 'vitest';
import { categorize, correctSpelling } from './index.js';
import type { CategoryOverride } from './overrides.js';
import { overrideKey } from './overrides.js';

const cat = (item: string | null, merchant: string | null = null, context?: string): string => {
  const r = categorize({ item, merchant, ...(context ? { context } : {}) });
  return r.detail ? `${r.primary}/${r.detail}` : r.primary;
};

// [item, expected] — item words alone.
const ITEMS: [string, string][] = [
  // food: tea, coffee, drinks
  ['chai', 'food/tea'], ['cutting chai', 'food/tea'], ['masala chai', 'food/tea'], ['green tea', 'food/tea'],
  ['tea', 'food/tea'], ['irani chai', 'food/tea'], ['bubble tea', 'food/tea'],
  ['coffee', 'food/coffee'], ['filter coffee', 'food/coffee'], ['latte', 'food/coffee'], ['cappuccino', 'food/coffee'],
  ['cold brew', 'food/coffee'], ['espresso', 'food/coffee'], ['americano', 'food/coffee'], ['kaapi', 'food/coffee'],
  ['coke', 'food/soft_drinks'], ['pepsi', 'food/soft_drinks'], ['sprite', 'food/soft_drinks'], ['limca', 'food/soft_drinks'],
  ['thums up', 'food/soft_drinks'], ['maaza', 'food/soft_drinks'], ['frooti', 'food/soft_drinks'],
  ['mountain dew', 'food/soft_drinks'], ['7up', 'food/soft_drinks'], ['fanta', 'food/soft_drinks'],
  ['red bull', 'food/soft_drinks'], ['soda', 'food/soft_drinks'], ['cold drink', 'food/soft_drinks'],
  ['coca-cola', 'food/soft_drinks'], ['nimbu pani', 'food/soft_drinks'], ['bisleri', 'food/soft_drinks'],
  ['beer', 'food/alcohol'], ['budweiser', 'food/alcohol'], ['kingfisher', 'food/alcohol'], ['bira', 'food/alcohol'],
  ['whisky', 'food/alcohol'], ['rum', 'food/alcohol'], ['vodka', 'food/alcohol'], ['wine', 'food/alcohol'],
  ['pint', 'food/alcohol'], ['daaru', 'food/alcohol'], ['old monk', 'food/alcohol'], ['pub', 'food/bars'],
  // food: dishes and snacks
  ['poha', 'food/meals'], ['misal pav', 'food/snacks'], ['vada pav', 'food/snacks'], ['bhel', 'food/snacks'],
  ['pani puri', 'food/snacks'], ['dosa', 'food/meals'], ['masala dosa', 'food/meals'], ['idli', 'food/meals'],
  ['biryani', 'food/meals'], ['chicken biryani', 'food/meals'], ['thali', 'food/meals'], ['paratha', 'food/meals'],
  ['chole bhature', 'food/meals'], ['samosa', 'food/snacks'], ['kachori', 'food/snacks'], ['bakarwadi', 'food/snacks'],
  ['momos', 'food/snacks'], ['pav bhaji', 'food/snacks'], ['dhokla', 'food/snacks'], ['pizza', 'food/meals'],
  ['burger', 'food/meals'], ['sandwich', 'food/snacks'], ['chips', 'food/snacks'], ['kurkure', 'food/snacks'],
  ['jalebi', 'food/sweets'], ['gulab jamun', 'food/sweets'], ['ice cream', 'food/sweets'], ['kulfi', 'food/sweets'],
  ['cake', 'food/sweets'], ['chocolate', 'food/sweets'], ['ladoo', 'food/sweets'], ['mithai', 'food/sweets'],
  ['lassi', 'food/snacks'], ['buttermilk', 'food/snacks'], ['chaas', 'food/snacks'],
  ['tender coconut', 'food/fruits'], ['nariyal pani', 'food/fruits'], ['sugarcane juice', 'food/fruits'],
  ['orange juice', 'food/fruits'], ['bananas', 'food/fruits'], ['mango', 'food/fruits'], ['apples', 'food/fruits'],
  // groceries and Hinglish
  ['groceries', 'food/groceries'], ['atta', 'food/groceries'], ['rice', 'food/groceries'], ['dal', 'food/groceries'],
  ['sabzi', 'food/groceries'], ['vegetables', 'food/groceries'], ['milk', 'food/groceries'], ['doodh', 'food/groceries'],
  ['eggs', 'food/groceries'], ['bread', 'food/groceries'], ['ration', 'food/groceries'], ['kirana', 'food/groceries'],
  ['onions', 'food/groceries'], ['aloo', 'food/groceries'], ['paneer', 'food/groceries'], ['chicken', 'food/groceries'],
  ['khana', 'food/meals'], ['nashta', 'food/meals'], ['lunch', 'food/meals'], ['dinner', 'food/meals'],
  ['breakfast', 'food/meals'], ['tiffin', 'food/meals'],
  // transport
  ['petrol', 'transport/fuel'], ['diesel', 'transport/fuel'], ['cng', 'transport/fuel'], ['fuel', 'transport/fuel'],
  ['uber', 'transport/taxi'], ['ola', 'transport/taxi'], ['auto', 'transport/taxi'], ['rickshaw', 'transport/taxi'],
  ['cab', 'transport/taxi'], ['taxi', 'transport/taxi'], ['rapido', 'transport/taxi'],
  ['metro', 'transport/commute'], ['bus', 'transport/commute'], ['local train', 'transport/commute'],
  ['bus pass', 'transport/commute'], ['metro card recharge', 'transport/commute'], ['train pass', 'transport/commute'],
  ['parking', 'transport/parking'], ['valet', 'transport/parking'], ['toll', 'transport/tolls'],
  ['fastag recharge', 'transport/tolls'], ['car service', 'transport/vehicle'], ['puncture', 'transport/vehicle'],
  ['tyre', 'transport/vehicle'], ['car wash', 'transport/vehicle'], ['oil change', 'transport/vehicle'],
  ['bike service', 'transport/vehicle'], ['helmet', 'transport/vehicle'],
  // shopping
  ['shirt', 'shopping/clothes'], ['jeans', 'shopping/clothes'], ['kurta', 'shopping/clothes'], ['saree', 'shopping/clothes'],
  ['shoes', 'shopping/clothes'], ['chappal', 'shopping/clothes'], ['laptop', 'shopping/electronics'],
  ['phone charger', 'shopping/electronics'], ['earphones', 'shopping/electronics'], ['mixer grinder', 'shopping/electronics'],
  ['bucket', 'shopping/household'], ['detergent', 'shopping/household'], ['broom', 'shopping/household'],
  ['bulb', 'shopping/household'], ['agarbatti', 'shopping/household'], ['ebook', 'shopping/books'],
  ['book', 'shopping/books'], ['printer ink', 'shopping/books'], ['stationery', 'shopping/books'], ['notebook', 'shopping/books'],
  ['yoga mat', 'shopping/sports'], ['cricket bat', 'shopping/sports'], ['dumbbells', 'shopping/sports'],
  // housing
  ['rent', 'housing/rent'], ['house rent', 'housing/rent'], ['kiraya', 'housing/rent'], ['maintenance', 'housing/maintenance'],
  ['society charges', 'housing/maintenance'], ['pest control', 'housing/maintenance'], ['plumber', 'housing/repairs'],
  ['electrician', 'housing/repairs'], ['carpenter', 'housing/repairs'], ['maid salary', 'housing/help'],
  ['maid', 'housing/help'], ['cook salary', 'housing/help'], ['sofa', 'housing/furniture'], ['mattress', 'housing/furniture'],
  // utilities
  ['electricity bill', 'utilities/electricity'], ['light bill', 'utilities/electricity'], ['bijli bill', 'utilities/electricity'],
  ['bijli', 'utilities/electricity'], ['water bill', 'utilities/water'], ['cylinder', 'utilities/gas'], ['lpg', 'utilities/gas'],
  ['gas cylinder', 'utilities/gas'], ['wifi', 'utilities/internet'], ['broadband', 'utilities/internet'],
  ['wifi bill', 'utilities/internet'], ['recharge', 'utilities/mobile'], ['mobile recharge', 'utilities/mobile'],
  ['postpaid bill', 'utilities/mobile'], ['dth', 'utilities/dth'], ['dth recharge', 'utilities/dth'],
  // health
  ['medicine', 'health/pharmacy'], ['medicines', 'health/pharmacy'], ['tablets', 'health/pharmacy'], ['paracetamol', 'health/pharmacy'],
  ['ibuprofen', 'health/pharmacy'], ['crocin', 'health/pharmacy'], ['dolo', 'health/pharmacy'], ['dawai', 'health/pharmacy'],
  ['doctor', 'health/doctor'], ['dentist', 'health/doctor'], ['ent', 'health/doctor'], ['physiotherapy', 'health/doctor'],
  ['consultation', 'health/doctor'], ['lab test', 'health/lab'], ['blood test', 'health/lab'], ['mri', 'health/lab'],
  ['gym', 'health/gym'], ['gym membership', 'health/gym'], ['yoga class', 'health/gym'], ['hospital bill', 'health/hospital'],
  ['health insurance', 'health/insurance'],
  // entertainment
  ['movie', 'entertainment/movies'], ['movie tickets', 'entertainment/movies'], ['netflix', 'entertainment/streaming'],
  ['spotify', 'entertainment/streaming'], ['hotstar', 'entertainment/streaming'], ['concert', 'entertainment/concerts'],
  ['standup comedy', 'entertainment/concerts'], ['games', 'entertainment/games'], ['bowling', 'entertainment/games'],
  ['zoo', 'entertainment/events'], ['museum ticket', 'entertainment/events'], ['water park', 'entertainment/events'],
  // travel
  ['flight', 'travel/flights'], ['flight tickets', 'travel/flights'], ['hotel', 'travel/hotels'], ['resort', 'travel/hotels'],
  ['room', 'travel/hotels'], ['train ticket', 'travel/trains'], ['railway ticket', 'travel/trains'], ['tatkal', 'travel/trains'],
  ['bus ticket', 'transport/commute'], ['volvo', 'travel/buses'], ['sleeper bus', 'travel/buses'], ['sightseeing', 'travel/trips'], ['trek', 'travel/trips'],
  // education
  ['school fees', 'education/fees'], ['tuition', 'education/courses'], ['coaching', 'education/courses'],
  ['guitar lessons', 'education/courses'], ['course', 'education/courses'], ['classes', 'education/courses'],
  ['udemy', 'education/courses'], ['textbooks', 'education/supplies'],
  // personal care
  ['haircut', 'personal_care/salon'], ['salon', 'personal_care/salon'], ['manicure', 'personal_care/salon'],
  ['pedicure', 'personal_care/salon'], ['facial', 'personal_care/salon'], ['shampoo', 'personal_care/cosmetics'],
  ['toothpaste', 'personal_care/cosmetics'], ['spa', 'personal_care/spa'], ['massage', 'personal_care/spa'],
  // gifts
  ['gift', 'gifts/gifts'], ['birthday gift', 'gifts/gifts'], ['shagun', 'gifts/gifts'], ['donation', 'gifts/donations'],
  ['temple', 'gifts/donations'], ['charity', 'gifts/donations'],
  // fees
  ['bank charges', 'fees/bank'], ['atm fee', 'fees/bank'], ['gst', 'fees/taxes'], ['income tax', 'fees/taxes'],
  ['tax', 'fees/taxes'], ['penalty', 'fees/fines'], ['fine', 'fees/fines'], ['challan', 'fees/fines'],
  ['late fee', 'fees/fines'], ['insurance premium', 'fees/insurance'], ['lic premium', 'fees/insurance'],
  ['car insurance', 'fees/insurance'],
];

describe('categorize: items', () => {
  it.each(ITEMS)('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });
});

// [merchant, expected] — merchant alone.
const MERCHANTS: [string, string][] = [
  ['Swiggy', 'food/delivery'], ['Zomato', 'food/delivery'], ['Uber Eats', 'food/delivery'], ['Deliveroo', 'food/delivery'],
  ['Blinkit', 'food/groceries'], ['Zepto', 'food/groceries'], ['Instamart', 'food/groceries'], ['BigBasket', 'food/groceries'],
  ['DMart', 'food/groceries'], ['D-Mart', 'food/groceries'], ['Reliance Fresh', 'food/groceries'], ['More Supermarket', 'food/groceries'],
  ["Spencer's", 'food/groceries'], ["Nature's Basket", 'food/groceries'], ['Tesco', 'food/groceries'], ['Walmart', 'food/groceries'],
  ['Uber', 'transport/taxi'], ['Ola', 'transport/taxi'], ['Rapido', 'transport/taxi'], ['Namma Yatri', 'transport/taxi'],
  ['BluSmart', 'transport/taxi'], ['Lyft', 'transport/taxi'], ['IRCTC', 'travel/trains'], ['RedBus', 'travel/buses'], ['redbus', 'travel/buses'], ['Yatra', 'travel/trips'], ['yatra.com', 'travel/flights'],
  ['MakeMyTrip', 'travel/trips'], ['Goibibo', 'travel/trips'], ['OYO', 'travel/hotels'], ['Airbnb', 'travel/hotels'],
  ['IndiGo', 'travel/flights'], ['Air India', 'travel/flights'], ['Vistara', 'travel/flights'], ['Akasa Air', 'travel/flights'],
  ['SpiceJet', 'travel/flights'], ['Starbucks', 'food/coffee'], ['CCD', 'food/coffee'], ['Cafe Coffee Day', 'food/coffee'],
  ['Third Wave', 'food/coffee'], ['Blue Tokai', 'food/coffee'], ['Chaayos', 'food/tea'], ['Costa', 'food/coffee'],
  ['Pret', 'food/coffee'], ["McDonald's", 'food/restaurant'], ['McDonalds', 'food/restaurant'], ['KFC', 'food/restaurant'],
  ["Domino's", 'food/restaurant'], ['Pizza Hut', 'food/restaurant'], ['Burger King', 'food/restaurant'], ['Subway', 'food/restaurant'],
  ["Haldiram's", 'food/sweets'], ['Chitale', 'food/sweets'], ['Apollo', 'health/pharmacy'], ['MedPlus', 'health/pharmacy'],
  ['Netmeds', 'health/pharmacy'], ['PharmEasy', 'health/pharmacy'], ['1mg', 'health/pharmacy'], ['Wellness Forever', 'health/pharmacy'],
  ['Practo', 'health/doctor'], ['Cult.fit', 'health/gym'], ['cult fit', 'health/gym'], ['Netflix', 'entertainment/streaming'],
  ['JioHotstar', 'entertainment/streaming'], ['Prime Video', 'entertainment/streaming'], ['Spotify', 'entertainment/streaming'],
  ['YouTube Premium', 'entertainment/streaming'], ['BookMyShow', 'entertainment/concerts'], ['PVR', 'entertainment/movies'],
  ['INOX', 'entertainment/movies'], ['Amazon', 'shopping/online'], ['Flipkart', 'shopping/online'], ['Myntra', 'shopping/online'],
  ['Ajio', 'shopping/online'], ['Meesho', 'shopping/online'], ['Nykaa', 'personal_care/cosmetics'], ['Decathlon', 'shopping/sports'],
  ['Croma', 'shopping/electronics'], ['Reliance Digital', 'shopping/electronics'], ['IKEA', 'shopping/household'],
  ['Pepperfry', 'shopping/household'], ['Urban Company', 'housing/repairs'], ['Jio', 'utilities/mobile'], ['Airtel', 'utilities/mobile'],
  ['Vi', 'utilities/mobile'], ['Vodafone Idea', 'utilities/mobile'], ['BSNL', 'utilities/mobile'], ['ACT Fibernet', 'utilities/internet'],
  ['Tata Play', 'utilities/dth'], ['MSEDCL', 'utilities/electricity'], ['MSEB', 'utilities/electricity'], ['BESCOM', 'utilities/electricity'],
  ['Tata Power', 'utilities/electricity'], ['Adani Electricity', 'utilities/electricity'], ['Indane', 'utilities/gas'],
  ['HP Gas', 'utilities/gas'], ['Bharat Gas', 'utilities/gas'], ['Bharat Petroleum', 'transport/fuel'], ['HP petrol pump', 'transport/fuel'],
  ['Indian Oil', 'transport/fuel'], ['Shell', 'transport/fuel'], ['PMPML', 'transport/commute'], ['BEST bus', 'transport/commute'],
  ['DTC', 'transport/commute'], ['BMTC', 'transport/commute'], ['Udemy', 'education/courses'], ['Coursera', 'education/courses'],
  ["Byju's", 'education/courses'], ['Costa Coffee', 'food/coffee'], ['Pret A Manger', 'food/coffee'], ['Sainsbury\'s', 'food/groceries'],
];

describe('categorize: merchants', () => {
  it.each(MERCHANTS)('%s → %s', (merchant, expected) => {
    expect(cat(null, merchant)).toBe(expected);
  });
});

describe('categorize: item and merchant together', () => {
  it.each([
    ['latte', 'Starbucks', 'food/coffee'],
    ['food', 'Swiggy', 'food/delivery'],
    ['lunch', "McDonald's", 'food/restaurant'],
    ['lunch', 'Taj', 'food/meals'],
    ['stuff', 'DMart', 'food/groceries'],
    ['order', 'Amazon', 'shopping/online'],
    ['ticket', 'PVR', 'entertainment/movies'],
    ['tickets', 'IRCTC', 'travel/trains'],
    ['paracetamol', 'Amazon', 'health/pharmacy'],
    ['milk', 'Blinkit', 'food/groceries'],
    ['beer', 'Toit', 'food/alcohol'],
    ['bill', 'Airtel', 'utilities/mobile'],
    ['ride', 'Rapido', 'transport/taxi'],
    ['shoes', 'Decathlon', 'shopping/clothes'],
  ])('%s at %s → %s', (item, merchant, expected) => {
    expect(cat(item, merchant)).toBe(expected);
  });

  it('uses context words when item and merchant say nothing', () => {
    expect(cat('stuff', null, 'stuff for the car service')).toBe('transport/vehicle');
    expect(cat(null, null, 'paid the plumber today')).toBe('housing/repairs');
  });

  it('reports lexicon hits with high confidence and unknown words as other', () => {
    expect(categorize({ item: 'latte', merchant: null })).toEqual({ primary: 'food', detail: 'coffee', confidence: 0.95, via: 'lexicon' });
    const unknown = categorize({ item: 'qwzx', merchant: null });
    expect(unknown).toMatchObject({ primary: 'other', detail: null, via: 'fallback' });
    expect(unknown.confidence).toBeLessThan(0.5);
    expect(categorize({ item: null, merchant: null }).primary).toBe('other');
  });
});

describe('categorize: typos and plurals', () => {
  it.each([
    ['cofee', 'food/coffee'], ['coffe', 'food/coffee'], ['grocries', 'food/groceries'], ['jiuce', 'food/fruits'],
    ['lunh', 'food/meals'], ['petrl', 'transport/fuel'], ['biryni', 'food/meals'], ['medicnes', 'health/pharmacy'],
    ['elecricity bill', 'utilities/electricity'], ['samosas', 'food/snacks'], ['movies', 'entertainment/movies'],
    ['haircutt', 'personal_care/salon'], ['capuccino', 'food/coffee'], ['vegetabels', 'food/groceries'],
  ])('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });
});

describe('categorize: WordNet fallback for words the lexicon lacks', () => {
  it.each([
    ['sherry', 'food/alcohol'], ['brioche', 'food/groceries'], ['brooch', 'shopping/clothes'],
    ['surgeon', 'health/doctor'], ['kerosene', 'transport/fuel'], ['harmonica', null],
  ])('%s → %s', (item, expected) => {
    const r = categorize({ item, merchant: null });
    if (expected === null) {
      expect(r.via).not.toBe('lexicon');
    } else {
      expect(`${r.primary}/${r.detail}`).toBe(expected);
      expect(r.via).toBe('wordnet');
      expect(r.confidence).toBeLessThan(0.95);
    }
  });
});

describe('categorize: user overrides win', () => {
  const overrides = new Map<string, CategoryOverride>([
    [overrideKey('Coffee Beans'), { key: overrideKey('Coffee Beans'), category: 'food', detail: 'groceries' }],
    [overrideKey('Uber'), { key: overrideKey('Uber'), category: 'travel', detail: 'trips' }],
    [overrideKey('Cafe Coffee Day'), { key: overrideKey('Cafe Coffee Day'), category: 'entertainment', detail: 'events' }],
  ]);

  it('for the item', () => {
    expect(categorize({ item: 'coffee beans', merchant: null }, overrides)).toEqual({ primary: 'food', detail: 'groceries', confidence: 1, via: 'override' });
  });
  it('for the merchant', () => {
    expect(categorize({ item: 'ride', merchant: 'uber' }, overrides)).toMatchObject({ primary: 'travel', detail: 'trips', via: 'override' });
  });
  it("for a merchant's other spelling", () => {
    expect(categorize({ item: 'latte', merchant: 'CCD' }, overrides)).toMatchObject({ primary: 'entertainment', via: 'override' });
  });
  it('not for unrelated expenses', () => {
    expect(categorize({ item: 'coffee', merchant: null }, overrides)).toMatchObject({ primary: 'food', detail: 'coffee', via: 'lexicon' });
  });
});

describe('categorize: everyday extras', () => {
  it.each([
    ['cigarettes', 'other/tobacco'], ['paan', 'food/snacks'], ['crackers', 'entertainment/events'], ['kite', 'entertainment/events'],
    ['courier', 'other'], ['packers and movers', 'housing/maintenance'], ['cycle repair', 'transport/vehicle'],
    ['school bus', 'education/fees'], ['water', 'food/soft_drinks'], ['water bill', 'utilities/water'],
    ['kiraana', 'food/groceries'], ['dhobi', 'housing/help'], ['tube fare', 'transport/commute'], ['chai sutta', 'food/tea'],
    ['ravi', 'other'], ['fare', 'transport'], ['exam fees', 'education/fees'], ['mgl', 'utilities/gas'],
    ['lenskart', 'health/pharmacy'], ['milkman', 'food/groceries'], ['locksmith', 'housing/repairs'], ['sourdough', 'food/groceries'],
  ])('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });
});

describe('categorize: containers and compounds', () => {
  it.each([
    ['bottle of water', 'food/soft_drinks'], ['cup of coffee', 'food/coffee'], ['plate of momos', 'food/snacks'],
    ['can of beer', 'food/alcohol'], ['packet of chips', 'food/snacks'], ['2 plates', 'shopping/household'],
    ['milk powder', 'food/groceries'], ['espresso machine', 'shopping/electronics'], ['coffee mug', 'shopping/household'],
    ['phone cover', 'shopping/electronics'], ['phone bill', 'utilities/mobile'], ['pizza slice', 'food/meals'],
  ])('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });
});

describe('categorize: generic words beside a merchant or a festival', () => {
  it.each([
    ['premium', 'Netflix', 'entertainment/streaming'], ['shopping', 'DMart', 'food/groceries'], ['bottle', 'Decathlon', 'shopping/sports'],
    ['lunch', 'Taj', 'food/meals'], ['water', 'PVR', 'food/soft_drinks'],
  ])('%s at %s → %s', (item, merchant, expected) => {
    expect(cat(item, merchant)).toBe(expected);
  });

  it.each([
    ['christmas lunch', 'food/meals'], ['diwali sweets', 'food/sweets'], ['birthday cake', 'food/sweets'], ['holi party', 'entertainment/events'],
    ['netflix premium', 'entertainment/streaming'], ['scooty rental', 'transport/commute'], ['7 up', 'food/soft_drinks'],
  ])('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });
});

describe('categorize: Hinglish possessives and longer typos', () => {
  it.each([
    ['paani ka bill', 'utilities/water'], ['light ka bill', 'utilities/electricity'], ['phone ka recharge', 'utilities/mobile'],
    ['ganne ka ras', 'food/fruits'], ['ghar ka kiraya', 'housing/rent'], ['bike ka petrol', 'transport/fuel'],
    ['restorant', 'food/restaurant'], ['sandwhich', 'food/snacks'], ['brekfast', 'food/meals'], ['chiken biriyani', 'food/meals'],
  ])('%s → %s', (item, expected) => {
    expect(cat(item)).toBe(expected);
  });

  it('does not turn a Hindi word into a short English one two edits away', () => {
    expect(correctSpelling('bacchon')).toBe('bacchon');
    expect(cat('bacchon ki fees')).not.toBe('food/groceries');
  });
});
