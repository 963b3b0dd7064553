import { z } from "zod";
import { STRATEGY_NAMES } from "./engine/strategies";

/** Most events one batch may carry (a block shows at most 24 cards; a page has a few blocks). */
export const MAX_BLOCK_EVENTS = 100;

const productId = z
  .string()
  .regex(/^(gid:\/\/shopify\/Product\/)?\d{1,20}$/)
  .transform((v) => (v.startsWith("gid://") ? v : `gid://shopify/Product/${v}`));

const event = z.object({
  /** The block's own id for the event (a re-sent batch is kept once). */
  id: z.string().regex(/^[\w:-]{8,80}$/),
  kind: z.enum(["impression", "click"]),
  product: productId,
  surface: z.enum(["home", "product", "cart"]),
  strategy: z.enum([...STRATEGY_NAMES, "pinned", "popular", "newest"]),
  position: z.number().int().min(0).max(99),
  /** Milliseconds since the epoch, in the shopper's clock. */
  at: z.number().int().positive(),
});

/** One impression or click of a card, as the storefront block reports it. */
export type BlockEvent = z.output<typeof event>;

const batch = z.object({
  events: z.array(event).min(1).max(MAX_BLOCK_EVENTS),
  visitorId: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});

/**
 * Parses a batch the block sent; null when it is not one (the caller answers 400). Times in the future
 * (a shopper's wrong clock) are clamped to `now`.
 * @example parseBlockEvents({ events: [{ id: "e-12345678", kind: "click", product: "42", surface: "home", strategy: "for-you", position: 0, at: Date.now() }] }, new Date())
 */
export function parseBlockEvents(body: unknown, now: Date): { events: BlockEvent[]; visitorId: string | null } | null {
  const parsed = batch.safeParse(body);
  if (!parsed.success) return null;
  return {
    visitorId: parsed.data.visitorId ?? null,
    events: parsed.data.events.map((e) => ({ ...e, at: Math.min(e.at, now.getTime()) })),
  };
}
