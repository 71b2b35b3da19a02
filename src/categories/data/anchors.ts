/**
 * @module categories/data/anchors
 * WordNet anchor synsets ("lemma#sense", senses numbered from 1 as in WordNet 3.1) and the
 * category each one stands for. A word the lexicon lacks is placed under the nearest anchor
 * among its hypernyms. Weak anchors are broad (fuel, drug, vehicle) and lose to a proper anchor
 * reached through a less frequent sense: coke#1 is a coal fuel, coke#2 is Coca-Cola.
 */

export interface Anchor {
  synset: string;
  cat: string;
  weak?: boolean;
}

export const ANCHORS: readonly Anchor[] = [
  { synset: 'coffee#1', cat: 'food/coffee' }, { synset: 'coffee#3', cat: 'food/coffee' },
  { synset: 'tea#1', cat: 'food/tea' }, { synset: 'tea#5', cat: 'food/tea' },
  { synset: 'soft_drink#1', cat: 'food/soft_drinks' },
  { synset: 'alcohol#1', cat: 'food/alcohol' }, { synset: 'bar#1', cat: 'food/alcohol' },
  { synset: 'fruit_juice#1', cat: 'food/fruits' }, { synset: 'edible_fruit#1', cat: 'food/fruits' },
  { synset: 'juice#1', cat: 'food/fruits', weak: true },
  { synset: 'dessert#1', cat: 'food/sweets' }, { synset: 'sweet#3', cat: 'food/sweets' }, { synset: 'candy#1', cat: 'food/sweets' },
  { synset: 'snack_food#1', cat: 'food/snacks' }, { synset: 'cake#1', cat: 'food/sweets' }, { synset: 'cookie#1', cat: 'food/snacks' },
  { synset: 'baked_goods#1', cat: 'food/snacks', weak: true },
  { synset: 'dish#2', cat: 'food/meals' }, { synset: 'meal#1', cat: 'food/meals' },
  { synset: 'vegetable#1', cat: 'food/groceries' }, { synset: 'dairy_product#1', cat: 'food/groceries' },
  { synset: 'meat#1', cat: 'food/groceries' }, { synset: 'seafood#1', cat: 'food/groceries' },
  { synset: 'grain#2', cat: 'food/groceries' }, { synset: 'condiment#1', cat: 'food/groceries' },
  { synset: 'spice#2', cat: 'food/groceries' }, { synset: 'herb#2', cat: 'food/groceries' },
  { synset: 'bread#1', cat: 'food/groceries' }, { synset: 'foodstuff#1', cat: 'food/groceries' },
  { synset: 'foodstuff#2', cat: 'food/groceries', weak: true },
  { synset: 'restaurant#1', cat: 'food/restaurant' },
  { synset: 'beverage#1', cat: 'food', weak: true }, { synset: 'food#1', cat: 'food', weak: true },
  { synset: 'food#2', cat: 'food', weak: true }, { synset: 'nutriment#1', cat: 'food', weak: true },
  { synset: 'gasoline#1', cat: 'transport/fuel' }, { synset: 'fuel#1', cat: 'transport/fuel', weak: true },
  { synset: 'cab#3', cat: 'transport/taxi' },
  { synset: 'bus#1', cat: 'transport/commute' }, { synset: 'public_transport#1', cat: 'transport/commute', weak: true },
  { synset: 'auto_part#1', cat: 'transport/vehicle' }, { synset: 'car#1', cat: 'transport/vehicle', weak: true },
  { synset: 'vehicle#1', cat: 'transport/vehicle', weak: true },
  { synset: 'train#1', cat: 'travel/trains' },
  { synset: 'airplane#1', cat: 'travel/flights' }, { synset: 'flight#2', cat: 'travel/flights' },
  { synset: 'hotel#1', cat: 'travel/hotels' }, { synset: 'lodging#1', cat: 'travel/hotels' },
  { synset: 'clothing#1', cat: 'shopping/clothes' }, { synset: 'garment#1', cat: 'shopping/clothes' },
  { synset: 'footwear#1', cat: 'shopping/clothes' }, { synset: 'footwear#2', cat: 'shopping/clothes' },
  { synset: 'jewelry#1', cat: 'shopping/clothes' }, { synset: 'bag#4', cat: 'shopping/clothes' },
  { synset: 'electronic_equipment#1', cat: 'shopping/electronics' }, { synset: 'computer#1', cat: 'shopping/electronics' },
  { synset: 'telephone#1', cat: 'shopping/electronics' }, { synset: 'camera#1', cat: 'shopping/electronics' },
  { synset: 'home_appliance#1', cat: 'shopping/electronics' },
  { synset: 'book#2', cat: 'shopping/books' }, { synset: 'book#1', cat: 'shopping/books', weak: true },
  { synset: 'stationery#1', cat: 'shopping/books' }, { synset: 'writing_implement#1', cat: 'shopping/books' },
  { synset: 'toy#1', cat: 'shopping/household' }, { synset: 'tool#1', cat: 'shopping/household' },
  { synset: 'kitchen_utensil#1', cat: 'shopping/household' }, { synset: 'cutlery#2', cat: 'shopping/household' },
  { synset: 'cleansing_agent#1', cat: 'shopping/household', weak: true },
  { synset: 'sports_equipment#1', cat: 'shopping/sports' },
  { synset: 'musical_instrument#1', cat: 'shopping' }, { synset: 'scientific_instrument#1', cat: 'shopping/electronics' },
  { synset: 'calculator#2', cat: 'shopping/electronics' }, { synset: 'lamp#2', cat: 'shopping/household' },
  { synset: 'source_of_illumination#1', cat: 'shopping/household', weak: true },
  { synset: 'building_material#1', cat: 'housing/repairs' }, { synset: 'coating#1', cat: 'housing/repairs', weak: true },
  { synset: 'bed_linen#1', cat: 'shopping/household' }, { synset: 'white_goods#1', cat: 'shopping/household', weak: true },
  { synset: 'strainer#1', cat: 'shopping/household' }, { synset: 'vessel#3', cat: 'shopping/household', weak: true },
  { synset: 'glass#2', cat: 'shopping/household', weak: true }, { synset: 'case#5', cat: 'shopping/clothes', weak: true },
  { synset: 'medical_instrument#1', cat: 'health/pharmacy' },
  { synset: 'fertilizer#1', cat: 'shopping/household' }, { synset: 'pesticide#1', cat: 'shopping/household' },
  { synset: 'furniture#1', cat: 'housing/furniture' },
  { synset: 'toiletry#1', cat: 'personal_care/cosmetics' }, { synset: 'dentifrice#1', cat: 'personal_care/cosmetics' },
  { synset: 'soap#1', cat: 'personal_care/cosmetics' }, { synset: 'cosmetic#1', cat: 'personal_care/cosmetics' },
  { synset: 'medicine#2', cat: 'health/pharmacy' }, { synset: 'drug#1', cat: 'health/pharmacy', weak: true },
  { synset: 'medical_practitioner#1', cat: 'health/doctor' },
  { synset: 'hospital#1', cat: 'health/hospital' }, { synset: 'hospital#2', cat: 'health/hospital' },
  { synset: 'movie#1', cat: 'entertainment/movies' },
  { synset: 'show#3', cat: 'entertainment/concerts' }, { synset: 'performance#1', cat: 'entertainment/concerts' },
  { synset: 'course#1', cat: 'education/courses' }, { synset: 'school#1', cat: 'education/fees', weak: true },
  { synset: 'tax#1', cat: 'fees/taxes' }, { synset: 'fine#1', cat: 'fees/fines' }, { synset: 'insurance#1', cat: 'fees/insurance' },
  { synset: 'gift#1', cat: 'gifts/gifts' }, { synset: 'donation#1', cat: 'gifts/donations' },
];
