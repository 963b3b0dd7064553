import type { StandinCollection, StandinProduct } from "../standin/store";
import { slug } from "./online-retail";

/** A custom collection and the title words that put a product in it. */
interface CollectionRule {
  title: string;
  words: string[];
}

/**
 * The demo shop's collections, matched on whole words of the product title (the dataset has no
 * categories). Rule order decides which two a product keeps when it matches more.
 */
export const COLLECTION_RULES: readonly CollectionRule[] = [
  { title: "Christmas", words: ["christmas", "xmas", "santa", "reindeer", "advent", "snowflake", "bauble", "snowman", "nativity"] },
  { title: "Bags", words: ["bag", "bags", "tote", "purse", "shopper", "backpack", "rucksack"] },
  { title: "Candles & Lights", words: ["candle", "candles", "light", "lights", "lantern", "lamp", "tealight", "nightlight"] },
  {
    title: "Kitchen",
    words: [
      "cake",
      "mug",
      "cup",
      "teacup",
      "teapot",
      "kitchen",
      "jar",
      "bowl",
      "plate",
      "baking",
      "lunch",
      "cutlery",
      "pantry",
      "coffee",
      "apron",
    ],
  },
  { title: "Vintage", words: ["vintage", "retro", "antique", "retrospot"] },
  { title: "Garden", words: ["garden", "bird", "birdhouse", "plant", "watering", "planter"] },
];

const MAX_PER_PRODUCT = 2;

/**
 * The collections for a catalogue, each product in at most two (most in none or one), in rule order.
 * @example collectionsFor(products, () => store.nextId())[0] // { id, title: "Christmas", handle: "christmas", productIds: [...] }
 */
export function collectionsFor(products: Iterable<StandinProduct>, nextId: () => number): StandinCollection[] {
  const collections = COLLECTION_RULES.map((rule) => ({
    id: nextId(),
    title: rule.title,
    handle: slug(rule.title),
    productIds: [] as number[],
  }));
  for (const product of products) {
    const words = new Set(product.title.toLowerCase().split(/[^a-z]+/));
    COLLECTION_RULES.map((rule, i) => (rule.words.some((w) => words.has(w)) ? collections[i]! : null))
      .filter((c) => c !== null)
      .slice(0, MAX_PER_PRODUCT)
      .forEach((c) => c.productIds.push(product.id));
  }
  return collections;
}
