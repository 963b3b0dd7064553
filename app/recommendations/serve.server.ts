import { randomUUID } from "node:crypto";
import prisma from "../db.server";
import { JsonText, type FastProxyHandler, type FastProxyRequest, type FastProxyResponse } from "../storefront/fast-proxy";
import { isGid, toGid } from "../lib/gid";
import { recordInteractions } from "../interactions/record-interactions.server";
import { composeServed, mergeSeedLists } from "./engine/serve-compose";
import type { RankStrategyName } from "./engine/strategies";
import { STRATEGY_NAMES } from "./engine/strategies";
import { getLists, listVersion, listVersionNow, rememberAnswer, rememberedAnswer } from "./list-store.server";
import { cardSubject, queueRecsBuild, type StoredCard } from "./recs-build-job.server";
import { customerSubject, productSubject, TRENDING_SUBJECT } from "./build-lists";
import { recommend } from "./recommend.server";
import { servedSettings, servedSettingsNow, type PersonalizationSettings } from "./settings.server";
import { isSurface } from "./surfaces";
import type { Surface } from "./strategy";
import { parseBlockEvents } from "./block-events";
import { recordBlockEvents } from "./record-block-events.server";

export type ProxyRequest = FastProxyRequest;
export type ProxyResponse = FastProxyResponse;

const MAX_IDS = 20;

function productIds(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .slice(0, MAX_IDS)
    .map((v) => v.trim())
    .map((v) => (isGid(v, "Product") ? v : /^\d{1,20}$/.test(v) ? toGid("Product", v) : null))
    .filter((v): v is string => v !== null);
}

const queued = new Set<string>();

/**
 * GET /apps/rapport/recommendations?surface=home|product|cart[&strategy=][&product_id=][&views=][&cart=][&dismissed=][&limit=]
 * Served from precomputed lists in memory; `views` (this session's product ids, oldest first), `cart`
 * and `dismissed` make it react in real time without any computation.
 * POST { dismiss: productId, visitorId? }: "Not interested", recorded as a dismiss interaction.
 * A remembered answer comes back synchronously (no promise) when the build version and the settings were
 * read within their time to live: the fast path then answers in the same turn as the request.
 */
export const recommendationsProxy: FastProxyHandler = (req) => {
  if (req.method === "POST") return (req.body as { events?: unknown } | null)?.events ? blockEvents(req) : dismiss(req);
  const surface = req.query.get("surface") ?? "home";
  if (!isSurface(surface)) return { status: 400, body: { error: "surface must be home, product or cart" } };
  const override = req.query.get("strategy");
  if (override && !(STRATEGY_NAMES as readonly string[]).includes(override)) return { status: 400, body: { error: "unknown strategy" } };
  const limit = Math.min(Math.max(Number(req.query.get("limit")) || 8, 1), 24);
  const [productGid] = productIds(req.query.get("product_id"));
  const asked: Asked = {
    surface,
    override: override as RankStrategyName | null,
    limit,
    productGid: productGid ?? null,
    views: productIds(req.query.get("views")),
    cart: productIds(req.query.get("cart")),
    dismissed: productIds(req.query.get("dismissed")),
  };
  // Without this session's views, cart or dismissals the answer follows from the lists and the settings
  // alone (the same for every guest on a product page): remembered until either changes.
  if (asked.views.length || asked.cart.length || asked.dismissed.length) return composeAnswer(req, asked).then((made) => made.response);
  const key = `${surface}|${override ?? ""}|${limit}|${asked.productGid ?? ""}|${req.customerGid ?? ""}`;
  const version = listVersionNow(req.shop);
  const settings = servedSettingsNow(req.shop);
  const remembered = version !== undefined && settings ? rememberedAnswer<ProxyResponse>(req.shop, key, version, settings) : undefined;
  return remembered ?? rememberedOrComposed(req, asked, key);
};

/** The remembered answer once the build version and the settings are read (if due), or a new one, remembered. */
async function rememberedOrComposed(req: ProxyRequest, asked: Asked, key: string): Promise<ProxyResponse> {
  const [version, settings] = await Promise.all([listVersion(req.shop), servedSettings(req.shop)]);
  const remembered = rememberedAnswer<ProxyResponse>(req.shop, key, version, settings);
  if (remembered) return remembered;
  const made = await composeAnswer(req, asked);
  if (made.settings) {
    const response = { ...made.response, body: new JsonText(JSON.stringify(made.response.body)) };
    rememberAnswer(req.shop, key, made.version, made.settings, response);
    return response;
  }
  return made.response;
}

/** A GET's parameters, checked. */
interface Asked {
  surface: Surface;
  override: RankStrategyName | null;
  limit: number;
  productGid: string | null;
  /** This session's product views (oldest first), cart and dismissed products. */
  views: string[];
  cart: string[];
  dismissed: string[];
}

/** The answer from the lists and settings of now, with the build version and settings it was made from. */
async function composeAnswer(
  req: ProxyRequest,
  { surface, override, limit, productGid, views, cart, dismissed }: Asked,
): Promise<{ response: ProxyResponse; version: number; settings: PersonalizationSettings | null }> {
  const cacheControl = req.customerGid || views.length || cart.length || dismissed.length ? "private, max-age=30" : "public, max-age=300";

  const seeds = [...(productGid ? [productGid] : []), ...[...cart].reverse()];
  const latestViews = [...views].reverse();
  const subjects = [
    TRENDING_SUBJECT,
    ...seeds.flatMap((p) => [productSubject(p, "bought-together"), productSubject(p, "similar")]),
    ...latestViews.flatMap((p) => [productSubject(p, "similar"), cardSubject(p)]),
    ...(req.customerGid ? [customerSubject(req.customerGid, "for-you"), customerSubject(req.customerGid, "buy-again")] : []),
  ];
  const { version, lists: got } = await getLists(req.shop, subjects);
  if (version === 0) {
    // Never built: queue the build once per process and answer with the live fallback meanwhile.
    if (!queued.has(req.shop)) {
      queued.add(req.shop);
      await queueRecsBuild(prisma, req.shop);
    }
    const result = await recommend({ shop: req.shop, customerGid: req.customerGid, productGid: productGid ?? null, limit }, surface);
    return {
      version,
      settings: null,
      response: {
        status: 200,
        body: { ...result, heading: result.strategy === "bought-together" ? "frequently_bought_together" : "trending_now" },
        headers: { "Cache-Control": cacheControl },
      },
    };
  }
  const list = (subject: string) => got.get(subject) ?? [];
  const personal = req.customerGid ? list(customerSubject(req.customerGid, "for-you")) : [];
  const session = mergeSeedLists(
    latestViews.map((p) =>
      list(productSubject(p, "similar")).map((c) => ({
        ...c,
        why: c.why.replace(/^(?:Shoppers who viewed|Similar to) (.*?)(?: also viewed this)?$/, "Because you viewed $1"),
      })),
    ),
  );
  const lists: Partial<Record<RankStrategyName, StoredCard[]>> = {
    "for-you": personal.length ? mergeSeedLists([session.slice(0, 3), personal]) : session,
    "bought-together": mergeSeedLists(seeds.map((p) => list(productSubject(p, "bought-together")))),
    similar: mergeSeedLists(seeds.map((p) => list(productSubject(p, "similar")))),
    "recently-viewed": latestViews.flatMap((p) => list(cardSubject(p))),
    "buy-again": req.customerGid ? list(customerSubject(req.customerGid, "buy-again")) : [],
    trending: list(TRENDING_SUBJECT),
  };
  const settings = await servedSettings(req.shop);
  const blocks = settings.blocks;
  const config = override ? { primary: override, fallbacks: blocks[surface].fallbacks } : blocks[surface];
  const exclude = new Set([...(productGid ? [productGid] : []), ...cart, ...dismissed]);
  const block = composeServed(lists, config, exclude, limit, { personal: personal.length > 0, session: session.length > 0 });
  return {
    version,
    settings,
    response: {
      status: 200,
      headers: { "Cache-Control": cacheControl },
      body: {
        strategy: block.strategy,
        heading: block.heading,
        products: block.products.map((c) => ({
          id: c.id,
          handle: c.handle,
          title: c.title,
          price: Number(c.priceMinor),
          currencyCode: c.currencyCode,
          imageUrl: c.imageUrl,
          url: `/products/${c.handle}`,
          why: c.why,
          strategy: c.strategy,
        })),
      },
    },
  };
}

/** POST { events: [...], visitorId? }: the block's impressions and clicks, sent in batches with consent. */
async function blockEvents(req: ProxyRequest): Promise<ProxyResponse> {
  const batch = parseBlockEvents(req.body, new Date());
  if (!batch) return { status: 400, body: { error: "events must be a batch of impressions and clicks" } };
  const recorded = await recordBlockEvents(req.shop, { customerGid: req.customerGid, visitorId: batch.visitorId }, batch.events);
  return { status: 200, body: { recorded } };
}

async function dismiss(req: ProxyRequest): Promise<ProxyResponse> {
  const body = (req.body ?? {}) as { dismiss?: unknown; visitorId?: unknown };
  const [productGid] = productIds(typeof body.dismiss === "string" ? body.dismiss : null);
  const visitorId = typeof body.visitorId === "string" && /^[\w-]{8,64}$/.test(body.visitorId) ? body.visitorId : null;
  if (!productGid || (!req.customerGid && !visitorId)) return { status: 400, body: { error: "dismiss needs a product and a shopper" } };
  await prisma.$transaction((tx) =>
    recordInteractions(tx, req.shop, [
      { eventId: `dismiss:${randomUUID()}`, customerGid: req.customerGid, visitorId, productGid, kind: "dismiss", at: new Date() },
    ]),
  );
  return { status: 200, body: { dismissed: productGid } };
}
