/**
 * @module categories/data/concepts
 * What people ask about ("how much on soft drinks / my car / going out?") mapped to categories,
 * concept tags and extra words. The lexicon supplies the rest: every item and merchant filed
 * under a listed category or carrying a listed tag becomes part of the concept.
 */

export interface ConceptDef {
  /** The normalized label shown back to the user. */
  label: string;
  /** Comma-separated phrasings that resolve to this concept (the label is implied). */
  aliases: string;
  /** Whole categories covered ("food/soft_drinks", or "food" for a whole primary). */
  cats: string[];
  /** Lexicon tags whose items and merchants match (e.g. painkiller). */
  tags?: string[];
  /** More words that mean a match though the lexicon files them elsewhere. */
  terms?: string;
  /** Words that must never count even if a tag or category pulls them in. */
  exclude?: string;
  /** Merchants (canonical names from the lexicon) that count though filed elsewhere. */
  merchants?: string;
  /** Every lexicon item whose phrase contains one of these words counts ("juice" → orange juice, abc juice…). */
  containing?: string;
}

export const CONCEPTS: readonly ConceptDef[] = [
  { label: 'soft drinks', aliases: `soft drink, fizzy drinks, fizzy drink, cold drinks, cold drink, sodas, soda, fizzy, colas,
    cola, aerated drinks, carbonated drinks, pop, soft drinks and sodas, thanda, energy drinks, soft`, cats: ['food/soft_drinks'],
    terms: 'coke, pepsi, sprite, cola, soft drink, cold drink' },
  { label: 'coffee', aliases: `coffees, caffeine, cafe, cafes, coffee shops, lattes, kaapi, coffee runs`, cats: ['food/coffee'] },
  { label: 'tea', aliases: `chai, teas, chai breaks, chai and snacks, cutting chai`, cats: ['food/tea'] },
  { label: 'alcohol', aliases: `drinks, drinking, booze, daaru, daru, liquor, sharab, alcoholic drinks, alcoholic beverages,
    spirits`, cats: ['food/alcohol', 'food/bars'], tags: ['alcohol'] },
  { label: 'bars', aliases: `bar, pubs, pub, bars and pubs, pub crawl, bar tabs, nightlife, clubbing, breweries`,
    cats: ['food/bars'] },
  { label: 'beer', aliases: `beers, pints, brews`, cats: [], tags: ['beer'], terms: 'beer, pint, pitcher, lager, ale, stout, ipa' },
  { label: 'medicine', aliases: `medicines, meds, medication, medications, pharmacy, chemist, dawai, dawa, dava, tablets, pills,
    drugs, pharmacy bills, medical store`, cats: ['health/pharmacy'] },
  { label: 'painkillers', aliases: `painkiller, pain killers, pain killer, pain relief, pain medication, pain meds,
    analgesics, headache pills, pain medicine, pain medicines, pain tablets, pain pills, painkiller tablets, pain killer tablets,
    headache tablets, headache medicine, body pain tablets`, cats: [], tags: ['painkiller'] },
  { label: 'vehicle', aliases: `car, my car, the car, our car, cars, scooter, my scooter, the scooter, scooty, bike, my bike,
    the bike, motorbike, motorcycle, vehicles, my vehicle, two wheeler, activa, car expenses, car costs, bike expenses,
    vehicle expenses, running costs, car running costs`,
    cats: ['transport/fuel', 'transport/vehicle', 'transport/parking', 'transport/tolls'],
    terms: 'petrol, diesel, service, servicing, puncture, tyre, tyres, car wash, fastag, parking, toll' },
  { label: 'fuel', aliases: `petrol, diesel, gas for the car, cng, fuel costs, petrol costs, gasoline, refuelling, refueling`,
    cats: ['transport/fuel'] },
  { label: 'going out', aliases: `outings, eating out and movies, nights out, night out, entertainment and dining, fun,
    fun stuff, socialising, socializing, hanging out, leisure`,
    cats: ['food/restaurant', 'food/bars', 'entertainment/movies', 'entertainment/concerts', 'entertainment/events'] },
  { label: 'eating out', aliases: `dining out, dine out, restaurants, restaurant, eating outside, outside food, dining`,
    cats: ['food/restaurant', 'food/meals'] },
  { label: 'sweets', aliases: `treats, sweet, desserts, dessert, mithai, sweet stuff, sugar, cakes`,
    cats: ['food/sweets'] },
  { label: 'ice cream', aliases: `ice creams, icecream, kulfi, gelato, frozen desserts`, cats: [], containing: 'ice cream',
    terms: `kulfi, kulfi falooda, gelato, sundae, cone, choco bar, chocobar, kulfi stick, froyo, frozen yogurt, falooda, magnum,
      cornetto`,
    merchants: `Baskin Robbins, Naturals Ice Cream, Kwality Walls, Havmor, Amul Ice Cream, Cream Stone, Giani's, Cold Stone,
      Ben & Jerry's, Haagen-Dazs, Huber & Holly, Corner House, Polar Bear, Hangyo, Keventers Ice Cream, Gelato Italiano` },
  { label: 'chocolates', aliases: `chocolate, choc, chocs, candy, candies, toffees`, cats: [], containing: 'chocolate',
    terms: `dairy milk, kitkat, kit kat, munch, five star, 5 star, perk, snickers, bounty, ferrero rocher, ferrero, toblerone,
      cadbury, silk, gems, candy, toffee, eclairs, hershey, hersheys, amul chocolate, truffle` },
  { label: 'biscuits', aliases: `biscuit, cookies, cookie`, cats: [], containing: 'biscuit, biscuits, cookies',
    terms: `parle g, marie, good day, hide and seek, bourbon biscuit, oreo, monaco, krackjack, rusk, khari, nankhatai,
      parle, britannia, sunfeast, unibic, jim jam, milk bikis, dark fantasy, cookie, cookies` },
  { label: 'chips', aliases: `crisps, wafers, namkeen, farsan`, cats: [], containing: 'chips',
    terms: `chips, crisps, lays, kurkure, bingo, uncle chips, namkeen, bhujia, aloo bhujia, mixture, chivda, farsan, pringles,
      doritos, cheetos, balaji wafers, banana chips, tapioca chips` },
  { label: 'juice', aliases: `juices, fresh juice, fruit juice, fruit juices, juice bars, shakes, smoothies`, cats: [],
    containing: 'juice, shake, smoothie',
    terms: `sugarcane, ganne ka ras, usacha ras, smoothie, milkshake, tropicana, real juice, minute maid, paper boat, juice center`,
    merchants: 'Raw Pressery, Jamba Juice, Keventers, Joos, Boost Juice, Juice Junction, Naturals Juice' },
  { label: 'hot drinks', aliases: `hot beverages, tea and coffee, coffee and tea, chai coffee, chai and coffee`,
    cats: ['food/coffee', 'food/tea'] },
  { label: 'snacks', aliases: `snack, munchies, nashta, chaat, street food, junk food, junk`, cats: ['food/snacks'] },
  { label: 'groceries', aliases: `grocery, groceries and vegetables, ration, kirana, provisions, supermarket,
    household groceries, grocery shopping, staples`, cats: ['food/groceries'] },
  { label: 'vegetables', aliases: `vegetable, veggies, veggie, sabzi, sabji, subzi, greens, sabzi mandi`, cats: [], tags: ['vegetable'] },
  { label: 'antibiotics', aliases: `antibiotic, antibiotic courses`, cats: [], tags: ['antibiotic'] },
  { label: 'cold medicine', aliases: `cough and cold, cold and cough, cough syrup, cough medicine, cold medicines, flu medicine,
    cough, cold, flu`, cats: [], tags: ['cold'] },
  { label: 'allergy medicine', aliases: `allergy, allergies, antihistamines, allergy pills`, cats: [], tags: ['allergy'] },
  { label: 'stomach medicine', aliases: `antacids, antacid, acidity, stomach, digestion, acidity medicine`, cats: [], tags: ['stomach'] },
  { label: 'first aid', aliases: `first aid supplies, bandages, band aids, antiseptics`, cats: [], tags: ['first_aid'] },
  { label: 'fruit', aliases: `fruits, fruit and juice, phal`, cats: ['food/fruits'] },
  { label: 'food delivery', aliases: `delivery, deliveries, takeaway, takeout, swiggy and zomato, ordering in, ordered food,
    online food`, cats: ['food/delivery'] },
  { label: 'meals', aliases: `lunches, dinners, breakfasts, tiffin, mess, canteen`, cats: ['food/meals'] },
  { label: 'taxis', aliases: `taxi, cabs, cab, autos, auto, rickshaw, auto rickshaw, rides, ride hailing, uber and ola, cab rides`,
    cats: ['transport/taxi'] },
  { label: 'commute', aliases: `commuting, public transport, bus and metro, metro, local train, buses, bus, trains local,
    transit, office commute`, cats: ['transport/commute'] },
  { label: 'subscriptions', aliases: `subscription, streaming, ott, streaming services, apps, memberships, streaming subscriptions,
    streaming subscription, ott subscriptions, ott platforms, streaming apps, monthly subscriptions`,
    cats: ['entertainment/streaming'] },
  { label: 'bills', aliases: `utility bills, utilities bills, monthly bills, house bills`, cats: ['utilities'] },
  { label: 'home', aliases: `house, household, home expenses, housing costs, flat`, cats: ['housing', 'utilities'] },
  { label: 'doctor', aliases: `doctors, doctor visits, consultations, clinic, clinics, medical consultations`,
    cats: ['health/doctor'] },
  { label: 'kids', aliases: `children, school, schooling, kids education, my kids, the kids`,
    cats: ['education'], terms: 'toys, toy, diapers, diaper, baby food, cerelac' },
  { label: 'clothes', aliases: `clothing, apparel, kapde, shoes, footwear, fashion, outfits`, cats: ['shopping/clothes'] },
  { label: 'gadgets', aliases: `electronics, gadget, tech, devices`, cats: ['shopping/electronics'] },
  { label: 'online shopping', aliases: `online orders, amazon and flipkart, ecommerce, online purchases`, cats: ['shopping/online'] },
  { label: 'travel', aliases: `trips, trip, travelling, traveling, vacation, vacations, holidays, holiday, safar, tours`,
    cats: ['travel'] },
  { label: 'flights', aliases: `flight, air tickets, air travel, flying, airfare`, cats: ['travel/flights'] },
  { label: 'hotels', aliases: `hotel, stays, accommodation, lodging`, cats: ['travel/hotels'] },
  { label: 'charity', aliases: `donations, donation, charities, daan, giving`, cats: ['gifts/donations'] },
  { label: 'smoking', aliases: `cigarettes, cigarette, tobacco, smokes, sutta, ciggies, bidi, vaping, hookah, paan masala`,
    cats: ['other/tobacco'] },
  { label: 'dairy', aliases: `dairy products, milk products, doodh dahi`, cats: [],
    terms: `milk, doodh, curd, dahi, yogurt, yoghurt, paneer, cheese, butter, ghee, cream, malai, khoya, buttermilk, chaas,
      lassi, milk packet, amul milk, toned milk, shrikhand, milkman, doodhwala, milk bill` },
  { label: 'meat', aliases: `non veg, nonveg, non vegetarian, meat and fish, chicken and mutton, seafood, fish and meat`, cats: [],
    terms: `meat, chicken, murgi, mutton, gosht, keema, mince, fish, machli, prawns, jhinga, shrimp, crab, pomfret, surmai,
      rohu, bangda, bombil, pork, bacon, ham, sausage, salami, beef, steak, lamb, eggs, egg, anda, licious, freshtohome`,
    merchants: 'Licious, FreshToHome' },
  { label: 'bakery', aliases: `baked goods, bakery items, breads, cakes and pastries, baker`, cats: [],
    terms: `bakery, bread, brown bread, pav, bun, cake, pastry, pastries, cupcake, brownie, muffin, cookies, cookie, biscuits,
      rusk, toast, khari, nankhatai, puff, veg puff, egg puff, cream roll, croissant, bagel, sourdough, baguette, donut, doughnut`,
    merchants: 'Theobroma, Monginis, Ribbons and Balloons, Cakezone, Bakingo, Krispy Kreme' },
  { label: 'baby', aliases: `baby stuff, baby things, baby products, infant, newborn, the baby, my baby`, cats: [],
    terms: `diapers, diaper, pampers, huggies, mamy poko, baby wipes, wipes, baby food, cerelac, formula milk, baby products,
      feeding bottle, baby clothes, rompers, baby lotion, baby powder, baby shampoo, pediatrician, paediatrician, creche,
      daycare, nanny`, merchants: 'FirstCry, Mothercare, Hamleys' },
  { label: 'cleaning supplies', aliases: `cleaning, cleaning products, cleaning stuff, detergents, housekeeping supplies`, cats: [],
    terms: `detergent, surf, surf excel, tide, ariel, rin, nirma, washing powder, liquid detergent, fabric softener, dishwash,
      vim, vim bar, pril, dish soap, scrubber, sponge, phenyl, harpic, lizol, colin glass cleaner, domex, toilet cleaner,
      floor cleaner, glass cleaner, bleach, broom, jhadu, mop, pochha, dustbin, garbage bags` },
  { label: 'kitchen', aliases: `kitchen stuff, kitchen items, utensils, cookware, bartan`, cats: [],
    terms: `utensils, bartan, vessels, cookware, pots, pans, kadai, tawa, pressure cooker, cooker, plates, bowls, glasses, cups,
      mugs, cutlery, spoons, forks, knife, knives, chopping board, containers, tiffin box, flask, mixer grinder, mixer,
      kettle, toaster, induction, air fryer, microwave, chimney, gas stove, stove` },
  { label: 'fast food', aliases: `junk food outlets, burgers and pizza, burgers, quick bites`, cats: [],
    terms: `burger, burgers, pizza, fries, french fries, nuggets, hot dog, sub, wrap, combo meal, happy meal, fried chicken`,
    merchants: `McDonald's, KFC, Domino's, Pizza Hut, Burger King, Subway, Taco Bell, Wendy's, Five Guys, La Pino'z, Burger Singh,
      Popeyes, Wow! Momo, Jumboking, Faasos, Oven Story` },
  { label: 'music', aliases: `songs, music subscriptions, music apps, gigs, live music`, cats: ['entertainment/concerts'],
    terms: `music, music subscription, spotify premium, concert, gig, guitar lessons, piano lessons, music class, music classes`,
    merchants: 'Spotify, Apple Music, YouTube Music, Gaana, JioSaavn, Wynk, Amazon Music' },
  { label: 'cricket', aliases: `cricket stuff, cricket gear, ipl`, cats: [],
    terms: `cricket, cricket bat, cricket ball, bat, box cricket, turf, cricket coaching, ipl ticket, ipl tickets,
      cricket match ticket, cricket kit, stumps` },
  { label: 'vitamins', aliases: `supplements, vitamin, vitamins and supplements, nutrition supplements, protein`, cats: [],
    terms: `vitamins, vitamin, multivitamin, vitamin d, vitamin c, vitamin b12, calcium, calcium tablets, shelcal, iron tablets,
      supradyn, becosules, zincovit, limcee, omega 3, fish oil, supplements, probiotic, whey, whey protein, protein powder,
      creatine, bcaa, mass gainer` },
  { label: 'jewellery', aliases: `jewelry, jewels, gold and silver, ornaments, gehne, gehna`, cats: [],
    terms: `jewellery, jewelry, earrings, necklace, chain, ring, bangles, bracelet, anklet, payal, mangalsutra, nose pin,
      artificial jewellery, imitation jewellery, gold, silver, gold coin`,
    merchants: 'Tanishq, Kalyan Jewellers, Malabar Gold, PN Gadgil, CaratLane, BlueStone, Joyalukkas, Senco Gold, Giva' },
  { label: 'skincare', aliases: `skin care, skin products, face products`, cats: [],
    terms: `skincare, skin care, face wash, facewash, cleanser, face toner, moisturiser, moisturizer, lotion, body lotion,
      cold cream, sunscreen, sunblock, spf, serum, face serum, night cream, day cream, face pack, sheet mask, facial` },
  { label: 'stationery', aliases: `stationary, office supplies, school stationery`, cats: ['shopping/books'] },
  { label: 'wedding', aliases: `weddings, shaadi, marriage, wedding expenses, wedding gifts`, cats: [],
    terms: `wedding, shaadi, wedding gift, wedding shagun, shagun, bridal makeup, mehendi, mehndi, sherwani, lehenga, wedding shopping` },
  { label: 'birthday', aliases: `birthdays, bday, birthday party, birthday expenses`, cats: [],
    terms: `birthday, bday, birthday gift, birthday cake, birthday party, birthday dinner, return gift, return gifts` },
  { label: 'diwali', aliases: `deepavali, diwali expenses, diwali shopping`, cats: [],
    terms: `diwali, deepavali, crackers, firecrackers, fire crackers, fireworks, patakhe, diwali gift, diwali gifts,
      diwali decoration, diwali crackers, diya, rangoli, lanterns, akash kandil, kandil, diwali sweets, diwali shopping` },
  { label: 'holi', aliases: `holi expenses`, cats: [],
    terms: `holi, holi colours, holi colors, gulal, pichkari, water balloons, holi party, thandai` },
  { label: 'festivals', aliases: `festival, festival expenses, tyohar, festive`, cats: [],
    terms: `festival, diwali, holi, ganpati, navratri, garba, dandiya, durga puja, christmas, eid, eidi, rakhi, pongal, onam,
      crackers, gulal, pichkari, pandal, ganpati chanda, vargani` },
  { label: 'grooming', aliases: `beauty, self care, grooming costs`, cats: ['personal_care'] },
  { label: 'insurance', aliases: `insurance premiums, premiums, policies, insurance policies`,
    cats: ['fees/insurance', 'health/insurance'] },
  { label: 'pets', aliases: `pet, pet expenses, my dog, the dog, dog, dogs, cat, cats, my cat, pet care, pet food`,
    cats: [], tags: ['pet'] },
  { label: 'loans', aliases: `emi, emis, loan, loan repayment, loan repayments, repayments`, cats: [],
    terms: 'emi, emis, loan, loan repayment, home loan emi, car emi, bike emi, car loan emi, bike loan emi, education loan emi' },
  { label: 'party', aliases: `parties, partying out, celebrations`,
    cats: ['food/restaurant', 'food/bars', 'entertainment/events'] },
];

/** Extra phrasings for a whole primary ("transport", "getting around"). */
export const PRIMARY_ALIASES: Record<string, string> = {
  food: 'food and drinks, food and drink, food & drink, eating, khana, f&b, food expenses',
  transport: 'transportation, getting around, conveyance, transport costs, travel local',
  shopping: 'shopping, purchases, things i bought, stuff i bought',
  housing: 'housing, house costs, home costs, rent and maintenance',
  utilities: 'utility, utilities, utility bills',
  health: 'health, healthcare, health care, medical, medical expenses, wellness',
  entertainment: 'entertainment, fun and entertainment, recreation',
  travel: 'travel, travelling',
  education: 'education, studies, learning, classes, courses and classes',
  personal_care: 'personal care, self care, grooming and beauty',
  gifts: 'gifts, presents, gifting',
  fees: 'fees, charges, fees and charges, bank fees',
  other: 'other, misc, miscellaneous, uncategorized, others',
};

/**
 * More phrasings for single details, mostly Hinglish and everyday words that name the whole
 * category rather than one item ("bijli" is every electricity bill, "doodh" is only milk).
 */
export const DETAIL_ALIASES: Record<string, string> = {
  'food/groceries': 'kirana, kiraana, ration, provisions, monthly ration, grocery bills',
  'food/restaurant': 'restaurants, restaurant bills, dining, hotel khana',
  'food/delivery': 'swiggy zomato, online food orders',
  'food/meals': 'khana, khaana, meals, lunch and dinner',
  'food/bars': 'pub, pubs, bar, bars',
  'transport/taxi': 'cab, cabs, auto, autos, rickshaw, taxi fares, cab fares, uber ola',
  'transport/commute': 'bus, buses, metro, local train, train pass, bus pass',
  'transport/vehicle': 'car service, servicing, repairs car, vehicle maintenance, car maintenance, bike maintenance',
  'transport/tolls': 'toll, fastag',
  'transport/parking': 'parking fees, parking charges',
  'housing/rent': 'kiraya, kiraaya, bhada, house rent, flat rent, rents',
  'housing/maintenance': 'society, society maintenance, society charges, maintenance charges',
  'housing/help': 'maid, maids, bai, kaamwali, cook, driver, nanny, househelp, house help, domestic help, staff salaries',
  'housing/repairs': 'repair, plumber, electrician, carpenter, home repairs',
  'housing/furniture': 'furniture',
  'utilities/electricity': 'bijli, light bill, light bills, current bill, power bill, electricity bills, power',
  'utilities/water': 'water bill, water bills, pani bill, water tanker',
  'utilities/gas': 'gas, cylinder, cylinders, lpg, gas cylinder, cooking gas, gas bill',
  'utilities/internet': 'wifi, wi fi, broadband, internet bill, net bill',
  'utilities/mobile': 'recharge, recharges, phone bill, mobile bill, mobile recharge, phone recharge, postpaid',
  'utilities/dth': 'dth, cable tv, tv recharge, dish',
  'health/pharmacy': 'chemist, pharmacy',
  'health/doctor': 'doctor, doctors, consultation fees',
  'health/hospital': 'hospital, hospitals, hospital bills, surgery',
  'health/lab': 'tests, blood tests, diagnostics, scans',
  'health/gym': 'gym, gyms, fitness, workout',
  'health/insurance': 'health insurance, mediclaim',
  'entertainment/movies': 'movie, cinema, films, picture, pikchar',
  'entertainment/streaming': 'netflix and prime, ott subscriptions',
  'entertainment/games': 'gaming, video games',
  'travel/trains': 'train, trains, train tickets, railway, irctc tickets',
  'travel/buses': 'bus tickets long distance, volvo',
  'education/fees': 'school fees, college fees, fees school',
  'education/courses': 'tuition, tuitions, classes, coaching, courses',
  'personal_care/salon': 'haircut, haircuts, salon, parlour, barber',
  'personal_care/cosmetics': 'toiletries, cosmetics, makeup',
  'gifts/donations': 'donation, donations, daan, charity',
  'fees/taxes': 'tax, gst, income tax',
  'fees/fines': 'fines, penalty, penalties, challan, challans',
  'fees/bank': 'bank charges, bank fees',
  'fees/insurance': 'insurance, premiums, insurance premiums',
};

/**
 * Words that name the same thing, so a question about one finds rows written with another
 * ("doodh" ↔ "milk"). Each line is one group.
 */
export const SYNONYMS: string = `
  milk, doodh, dudh
  egg, eggs, anda, ande
  onion, onions, pyaz, pyaaz, kanda
  potato, potatoes, aloo, batata
  tomato, tomatoes, tamatar
  rice, chawal
  tea, chai, chaha
  coffee, kaapi, kapi
  vegetables, veggies, sabzi, sabji, subzi, bhaji
  fruit, fruits, phal
  banana, bananas, kela, kele
  mango, mangoes, aam
  water, paani
  medicine, medicines, dawai, dawa, dava
  rent, kiraya, kiraaya, bhada
  electricity, bijli, light bill, current bill
  groceries, kirana, ration
  alcohol, daaru, daru, sharab, booze
  food, khana, khaana
  snacks, nashta, naashta
  sweets, mithai
  fish, machli
  chicken, murgi
  flour, atta, aata
  sugar, cheeni
  salt, namak
  ginger, adrak
  garlic, lahsun
  lemon, nimbu, limbu
  petrol, gasoline
  tender coconut, nariyal pani, coconut water
  buttermilk, chaas, chhaas, mattha
  haircut, hair cut
`;
