import type { StandinMetafield, StandinVariant } from "../standin/store";
import { decimalOf, minorOf } from "../standin/money";
import { unitOf } from "./data-hash";

/**
 * What the dataset does not say about a product but a real shop has: reviews on some products (the
 * `reviews.rating` metafield in Shopify's `rating` JSON plus `reviews.rating_count`), a "was" price
 * on a few, and a few that may be sold past zero stock. Derived from the stock code, so stable.
 */
export function reviewMetafields(code: string, at: string): Record<string, StandinMetafield> {
  if (unitOf(`reviewed|${code}`) >= 0.45) return {};
  // Ratings lean positive, as shop reviews do: 3.0–5.0 with one decimal.
  const rating = (30 + Math.floor(unitOf(`rating|${code}`) * 21)) / 10;
  const count = 1 + Math.floor(unitOf(`rating-count|${code}`) ** 2 * 240);
  return {
    "reviews.rating": {
      type: "rating",
      value: JSON.stringify({ value: rating.toFixed(1), scale_min: "1.0", scale_max: "5.0" }),
      updatedAt: at,
    },
    "reviews.rating_count": { type: "number_integer", value: String(count), updatedAt: at },
  };
}

/** About one product in ten is on sale: its compare-at price is a quarter above the price. */
export function compareAtPrice(code: string, price: string): string | null {
  return unitOf(`sale|${code}`) < 0.1 ? decimalOf(Math.round(minorOf(price) * 1.25)) : null;
}

/** About one product in ten keeps selling when out of stock (made to order). */
export function inventoryPolicy(code: string): StandinVariant["inventoryPolicy"] {
  return unitOf(`policy|${code}`) < 0.1 ? "CONTINUE" : "DENY";
}
