import type { TaxonomyCategory } from '../store/types.ts';

/**
 * The Shopify Standard Product Taxonomy categories the demo catalog uses. Every id, name and full name was
 * copied from Shopify/product-taxonomy `dist/en/categories.txt` (commit d2a4067, "Categories: 2025-01-unstable";
 * the pet-food lines also match the 2024-07 file). Tacto's privacy rules key on these ids (the Health Care
 * subtree `hb-1` and maternity items are sensitive), so a made-up id would make those tests meaningless. A product
 * the taxonomy has no place for (the demo's guided trek) has no category rather than an invented one.
 */
function category(id: string, fullName: string): TaxonomyCategory {
  const name = fullName.split(' > ').at(-1)!;
  return { id, name, fullName };
}

export const TAXONOMY = {
  overcoats: category('aa-1-10-2-5', 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Overcoats'),
  parkas: category('aa-1-10-2-6', 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Parkas'),
  pufferJackets: category('aa-1-10-2-9', 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Puffer Jackets'),
  rainCoats: category('aa-1-10-2-10', 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Rain Coats'),
  glovesMittens: category('aa-2-13', 'Apparel & Accessories > Clothing Accessories > Gloves & Mittens'),
  scarvesShawls: category('aa-2-26', 'Apparel & Accessories > Clothing Accessories > Scarves & Shawls'),
  winterHats: category('aa-2-17-16', 'Apparel & Accessories > Clothing Accessories > Hats > Winter Hats'),
  weddingDresses: category(
    'aa-1-22-2',
    'Apparel & Accessories > Clothing > Wedding & Bridal Party Dresses > Wedding Dresses',
  ),
  bridalPartyDresses: category(
    'aa-1-22-1',
    'Apparel & Accessories > Clothing > Wedding & Bridal Party Dresses > Bridal Party Dresses',
  ),
  // The taxonomy has no veil leaf; veils sit in Bridal Accessories.
  bridalAccessories: category('aa-2-7', 'Apparel & Accessories > Clothing Accessories > Bridal Accessories'),
  maternityBelts: category('aa-2-21', 'Apparel & Accessories > Clothing Accessories > Maternity Belts & Support Bands'),
  mirrorlessCameras: category('co-2-2-7', 'Cameras & Optics > Cameras > Digital Cameras > Mirrorless Digital Cameras'),
  compactCameras: category('co-2-2-4', 'Cameras & Optics > Cameras > Digital Cameras > Compact Digital Cameras'),
  cameraLenses: category(
    'co-1-2-1',
    'Cameras & Optics > Camera & Optic Accessories > Camera & Video Camera Lenses > Camera Lenses',
  ),
  lensFilters: category('co-1-3-5', 'Cameras & Optics > Camera & Optic Accessories > Camera Lens Accessories > Lens Filters'),
  cameraBackpacks: category(
    'co-1-4-2-1',
    'Cameras & Optics > Camera & Optic Accessories > Camera Parts & Accessories > Camera Bags & Cases > Camera Backpacks',
  ),
  cameraShoulderBags: category(
    'co-1-4-2-5',
    'Cameras & Optics > Camera & Optic Accessories > Camera Parts & Accessories > Camera Bags & Cases > Camera Shoulder Bags',
  ),
  travelTripods: category('co-1-7-7', 'Cameras & Optics > Camera & Optic Accessories > Tripods & Monopods > Travel Tripods'),
  cameraBatteries: category('el-7-15-1-1', 'Electronics > Electronics Accessories > Power > Batteries > Camera Batteries'),
  fullSizedStrollers: category('bt-6-3-3', 'Baby & Toddler > Baby Transport > Baby Strollers > Full-Sized Strollers'),
  joggingStrollers: category('bt-6-3-4', 'Baby & Toddler > Baby Transport > Baby Strollers > Jogging Strollers'),
  // No cleaning-kit leaf exists; the parent category is the honest fit.
  strollerAccessories: category('bt-7-3', 'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories'),
  strollerRainCovers: category(
    'bt-7-3-5',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Rain Covers',
  ),
  strollerOrganizers: category(
    'bt-7-3-4',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Organizers',
  ),
  catFood: category('ap-2-2-1-1', 'Animals & Pet Supplies > Pet Supplies > Cat Supplies > Cat Food > Non-Prescription Cat Food'),
  catTreats: category('ap-2-2-6', 'Animals & Pet Supplies > Pet Supplies > Cat Supplies > Cat Treats'),
  dogFood: category('ap-2-3-3-1', 'Animals & Pet Supplies > Pet Supplies > Dog Supplies > Dog Food > Non-Prescription Dog Food'),
  dogTreats: category('ap-2-3-9', 'Animals & Pet Supplies > Pet Supplies > Dog Supplies > Dog Treats'),
  standardLeashes: category('ap-2-31-5', 'Animals & Pet Supplies > Pet Supplies > Pet Leashes > Standard Leashes'),
  carryOnSuitcases: category('lb-12-2', 'Luggage & Bags > Suitcases > Carry-On Suitcases'),
  duffelBags: category('lb-6', 'Luggage & Bags > Duffel Bags'),
  packingOrganizers: category('lb-9-6', 'Luggage & Bags > Luggage Accessories > Packing Organizers'),
  luggageTags: category('lb-9-5', 'Luggage & Bags > Luggage Accessories > Luggage Tags'),
  travelPouches: category('lb-9-8', 'Luggage & Bags > Luggage Accessories > Travel Pouches'),
  pregnancyTests: category('hb-1-15-5', 'Health & Beauty > Health Care > Medical Tests > Pregnancy Tests'),
  ovulationTests: category(
    'hb-1-4-8-2',
    'Health & Beauty > Health Care > Biometric Monitors > Fertility Monitors and Ovulation Tests > Ovulation Tests',
  ),
  // There is no prenatal leaf: prenatal vitamins are multivitamins in the taxonomy.
  multivitamins: category(
    'hb-1-9-6-7',
    'Health & Beauty > Health Care > Fitness & Nutrition > Vitamins & Supplements > Multivitamin Supplements',
  ),
  incontinencePads: category('hb-1-11-8', 'Health & Beauty > Health Care > Incontinence Aids > Incontinence Pads'),
  // What fills the showcase pages with complements (demo-products-accessories.ts, demo-products-travel.ts).
  earmuffs: category('aa-2-12', 'Apparel & Accessories > Clothing Accessories > Earmuffs'),
  hangers: category('hg-10-16-1-4', 'Home & Garden > Household Supplies > Storage & Organization > Clothing & Closet Storage > Hangers'),
  laundryDetergent: category('hg-10-9-17', 'Home & Garden > Household Supplies > Laundry Supplies > Laundry Detergent'),
  fabricShavers: category('hg-10-9-6', 'Home & Garden > Household Supplies > Laundry Supplies > Fabric Shavers'),
  monopods: category('co-1-7-3', 'Cameras & Optics > Camera & Optic Accessories > Tripods & Monopods > Monopods'),
  cameraBatteryChargers: category(
    'el-7-15-2-3',
    'Electronics > Electronics Accessories > Power > Battery Accessories > Camera Battery Chargers',
  ),
  electronicsCleaners: category('el-7-10', 'Electronics > Electronics Accessories > Electronics Cleaners'),
  strollerCupHolders: category(
    'bt-7-3-1',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Cup Holders',
  ),
  strollerFootmuffs: category(
    'bt-7-3-2',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Footmuffs',
  ),
  strollerHooks: category('bt-7-3-3', 'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Hooks'),
  strollerSunshades: category(
    'bt-7-3-6',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Sunshades',
  ),
  strollerTravelBags: category(
    'bt-7-3-7',
    'Baby & Toddler > Baby Transport Accessories > Baby Stroller Accessories > Stroller Travel Bags',
  ),
  transportLiners: category('bt-7-4', 'Baby & Toddler > Baby Transport Accessories > Baby Transport Liners & Sacks'),
  // Cat litter itself sits on the parent: its children are liners, mats and boxes.
  catLitter: category('ap-2-2-4', 'Animals & Pet Supplies > Pet Supplies > Cat Supplies > Cat Litter'),
  catScratchers: category(
    'ap-2-2-2-3',
    'Animals & Pet Supplies > Pet Supplies > Cat Supplies > Cat Furniture > Cat Scratchers & Scratching Posts',
  ),
  catToyWands: category('ap-2-2-5-12', 'Animals & Pet Supplies > Pet Supplies > Cat Supplies > Cat Toys > Wands'),
  petBowls: category('ap-2-14-2', 'Animals & Pet Supplies > Pet Supplies > Pet Bowls, Feeders & Waterers > Bowls'),
  donutPetBeds: category('ap-2-9-5', 'Animals & Pet Supplies > Pet Supplies > Pet Beds > Donuts'),
  hairCombs: category('aa-2-14-2', 'Apparel & Accessories > Clothing Accessories > Hair Accessories > Hair Combs'),
  garmentBags: category('lb-8', 'Luggage & Bags > Garment Bags'),
  garmentSteamers: category('hg-9-8-2', 'Home & Garden > Household Appliances > Laundry Appliances > Garment Steamers'),
  toiletryBags: category('lb-3-4', 'Luggage & Bags > Cosmetic & Toiletry Bags > Toiletry Bags'),
  travelBottles: category('lb-9-7', 'Luggage & Bags > Luggage Accessories > Travel Bottles & Containers'),
  travelAdapters: category('el-7-15-11', 'Electronics > Electronics Accessories > Power > Travel Converters & Adapters'),
  travelWallets: category(
    'aa-5-5-6',
    'Apparel & Accessories > Handbags, Wallets & Cases > Wallets & Money Clips > Travel Wallets',
  ),
} as const satisfies Record<string, TaxonomyCategory>;
