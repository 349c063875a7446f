/**
 * Coarse categories for Online Retail, which has none: an observer in the leakage benchmark guesses a
 * shopper's most-bought category, so categories must exist. Derived from each stock code's description by
 * ordered keyword rules on whole words: seasonal themes first (a Christmas candle is "christmas"), then what the
 * thing is for (bags, candles & lights, kitchen & baking, …); the first rule with a matching word wins, and a
 * description no rule matches is "other". The shares these rules give are printed by `npm run bench`.
 */
const RULES: readonly (readonly [category: string, words: readonly string[]])[] = [
  ['christmas', ['CHRISTMAS', 'XMAS', 'ADVENT', 'SANTA', 'REINDEER', 'SNOWFLAKE', 'SNOWMAN', 'BAUBLE', 'NATIVITY']],
  ['easter', ['EASTER', 'EGG', 'EGGS', 'CHICK', 'CHICKS', 'BUNNY', 'RABBIT']],
  ['jewellery', ['NECKLACE', 'BRACELET', 'EARRINGS', 'RING', 'RINGS', 'DIAMANTE', 'CHARM', 'BEAD', 'BEADS', 'BROOCH', 'HAIR', 'HAIRCLIP', 'BANGLE', 'PENDANT']],
  ['bags', ['BAG', 'BAGS', 'SHOPPER', 'TOTE', 'PURSE', 'RUCKSACK', 'BACKPACK', 'HANDBAG', 'LUGGAGE', 'TAG', 'PASSPORT', 'WALLET']],
  ['candles & lights', ['CANDLE', 'CANDLES', 'LIGHT', 'LIGHTS', 'T-LIGHT', 'TLIGHT', 'LANTERN', 'LAMP', 'NIGHTLIGHT', 'LAMPSHADE', 'INCENSE', 'OIL', 'BURNER', 'CANDLEHOLDER']],
  ['kitchen & baking', ['CAKE', 'CAKES', 'BAKING', 'CAKESTAND', 'MUG', 'MUGS', 'CUP', 'CUPS', 'TEA', 'TEACUP', 'TEAPOT', 'COFFEE', 'BOWL', 'BOWLS', 'PLATE', 'PLATES', 'KITCHEN', 'CUTLERY', 'SPOON', 'SPOONS', 'JAR', 'JARS', 'PANTRY', 'APRON', 'TRAY', 'DISH', 'JUG', 'LUNCH', 'BOTTLE', 'NAPKINS', 'SAUCER', 'TOAST', 'CHOPSTICKS', 'COASTER', 'COASTERS', 'BISCUIT', 'PICNIC', 'RECIPE', 'TINS', 'TIN', 'PAN', 'BEAKER', 'FOOD', 'BREAD', 'HERB', 'GLASSES', 'TUMBLER']],
  ['party & gift wrap', ['PARTY', 'WRAP', 'RIBBON', 'RIBBONS', 'BUNTING', 'BALLOON', 'BALLOONS', 'NAPKIN', 'GIFT', 'BIRTHDAY', 'CONFETTI', 'TISSUE', 'TISSUES', 'GARLAND', 'STRAWS', 'CRACKER', 'FLAG', 'FLAGS']],
  ['stationery & cards', ['CARD', 'CARDS', 'NOTEBOOK', 'PEN', 'PENS', 'PENCIL', 'PENCILS', 'STICKERS', 'STICKER', 'ENVELOPE', 'ENVELOPES', 'ERASER', 'PAPER', 'NOTEPAD', 'BOOK', 'JOURNAL', 'CALENDAR', 'STAMP', 'STAMPS', 'TAPE', 'CRAYONS', 'CHALK', 'MAGNETS', 'MAGNET', 'BOOKMARK', 'SKETCHBOOK', 'PAD', 'MARKER', 'PAPERWEIGHT', 'LETTERS']],
  ['toys & games', ['TOY', 'TOYS', 'GAME', 'GAMES', 'DOLLY', 'DOLL', 'PUZZLE', 'JIGSAW', 'SPACEBOY', 'TEDDY', 'SOLDIER', 'SKIPPING', 'PLAYHOUSE', 'KIT', 'FELTCRAFT', 'MAGIC', 'BLOCKS', 'DOMINOES', 'SNAP', 'MARBLES', 'CHILDRENS', 'CHILDS', 'KIDS', 'BALL', 'HELICOPTER', 'MOBILE']],
  ['garden & outdoor', ['GARDEN', 'PLANT', 'PLANTER', 'POT', 'POTS', 'WATERING', 'BIRD', 'BIRDHOUSE', 'FEEDER', 'ZINC', 'DOORMAT', 'PARASOL', 'UMBRELLA', 'FLOWERPOT', 'HAMMOCK', 'PEG', 'PEGS', 'BUCKET']],
  ['storage & organising', ['BOX', 'BOXES', 'STORAGE', 'DRAWER', 'DRAWERS', 'CABINET', 'BASKET', 'BASKETS', 'HOOK', 'HOOKS', 'HANGER', 'HANGERS', 'KEY', 'CASE', 'CASES', 'HOLDER', 'RACK', 'TRUNK', 'CRATE', 'SHELF', 'CHEST', 'TRINKET', 'BIN']],
  ['home decor', ['FRAME', 'FRAMES', 'MIRROR', 'CLOCK', 'CUSHION', 'SIGN', 'PLAQUE', 'WALL', 'ART', 'DECORATION', 'ORNAMENT', 'VASE', 'DOORSTOP', 'KNOB', 'KNOBS', 'THROW', 'BLANKET', 'QUILT', 'PICTURE', 'PHOTO', 'HANGING', 'HEART', 'HEARTS', 'WREATH', 'FLOWER', 'FLOWERS', 'ROSE', 'ROSES', 'TILE', 'CURTAIN', 'DOILY', 'BELL', 'CHANDELIER', 'FAN', 'FEATHER', 'COVER', 'MAT', 'BOARD', 'BUTTERFLY', 'STAR']],
  ['bath & beauty', ['BATH', 'SOAP', 'TOWEL', 'TOWELS', 'SPONGE', 'MAKE', 'MAKEUP', 'COSMETIC', 'COMPACT', 'NAIL', 'FLANNEL', 'WASHBAG', 'LIP', 'GLOSS']],
  ['textiles & fashion', ['SCARF', 'GLOVES', 'HAT', 'UMBRELLA', 'SLIPPERS', 'SOCKS', 'COAT', 'POUFFE', 'APRONS', 'FABRIC', 'FELT', 'WARMER', 'HOT']],
];

export const COARSE_CATEGORIES: readonly string[] = [...RULES.map(([category]) => category), 'other'];

export function coarseCategoryOf(description: string): string {
  const words = new Set(description.toUpperCase().split(/[^A-Z-]+/).flatMap((w) => [w, w.replace(/-/g, '')]));
  for (const [category, keys] of RULES) if (keys.some((k) => words.has(k))) return category;
  return 'other';
}
