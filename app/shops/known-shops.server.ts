import prisma from "../db.server";

const TTL_MS = 60_000;
const known = new Map<string, number>();

/**
 * Whether the shop ever installed Rapport (it has a Shop row until shop/redact). Webhooks for any other
 * shop are not stored. Positive answers are remembered for a minute: the inbox asks on every delivery.
 * @example if (!(await isKnownShop(shop))) return new Response(null, { status: 200 })
 */
export async function isKnownShop(shop: string): Promise<boolean> {
  if (isKnownShopNow(shop)) return true;
  const row = await prisma.shop.findUnique({ where: { shop }, select: { shop: true } });
  if (row) known.set(shop, Date.now() + TTL_MS);
  return row !== null;
}

/**
 * Whether a fresh positive answer of isKnownShop is remembered: lets the storefront's fast path answer
 * without a promise in between. False means "ask isKnownShop", not "unknown".
 * @example if (isKnownShopNow(shop)) return answerAtOnce()
 */
export function isKnownShopNow(shop: string): boolean {
  const until = known.get(shop);
  return until !== undefined && until > Date.now();
}

/** After shop/redact removed the shop, or in tests. */
export function forgetKnownShop(shop?: string): void {
  if (shop) known.delete(shop);
  else known.clear();
}
