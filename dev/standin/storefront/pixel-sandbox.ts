import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import express from "express";
import type { PixelOrder, PixelProduct } from "./pixel-events";

const PIXEL_SOURCE = path.resolve("extensions/rapport-pixel/src/index.ts");
const HERE = path.resolve("dev/standin/storefront");
export const PIXEL_ASSETS = "/standin/pixel";

// The extension imports `@shopify/web-pixels-extension`; in the preview that is the sandbox stand-in.
const sandboxApi: Plugin = {
  name: "standin-web-pixels-api",
  setup(b) {
    b.onResolve({ filter: /^@shopify\/web-pixels-extension$/ }, () => ({ path: path.join(HERE, "pixel-runtime.ts") }));
  },
};

// Rebuilt when a source changed (the demo keeps running while the preview is worked on).
const bundles = new Map<string, Promise<string>>();
function bundle(entry: string): Promise<string> {
  const sources = [
    entry,
    ...readdirSync(HERE)
      .filter((f) => f.startsWith("pixel-"))
      .map((f) => path.join(HERE, f)),
  ];
  const key = `${entry}@${Math.max(...sources.map((f) => statSync(f).mtimeMs))}`;
  if (!bundles.has(key)) {
    const code = build({ entryPoints: [entry], bundle: true, write: false, format: "iife", target: "es2022", plugins: [sandboxApi] }).then(
      (r) => r.outputFiles[0]!.text,
    );
    bundles.set(key, code);
    code.catch(() => bundles.delete(key));
  }
  return bundles.get(key)!;
}

/**
 * The pixel sandbox's scripts: `worker.js` is the real extensions/rapport-pixel source with the
 * sandbox API in place of Shopify's, `host.js` the page side (pixel-host.ts).
 */
export function pixelAssetsRouter(): express.Router {
  const router = express.Router();
  const serve = (entry: string) => (_req: express.Request, res: express.Response, next: express.NextFunction) =>
    void bundle(entry)
      .then((code) => res.type("text/javascript").set("Cache-Control", "no-store").send(code))
      .catch(next);
  router.get(`${PIXEL_ASSETS}/worker.js`, serve(PIXEL_SOURCE));
  router.get(`${PIXEL_ASSETS}/host.js`, serve(path.join(HERE, "pixel-host.ts")));
  return router;
}

/** What a page tells the pixel host: the pixel's settings as the merchant's install sets them, and the page's events. */
export interface PixelPage {
  shop: string;
  appUrl: string;
  currency: string;
  customer: { id: number; email: string; firstName: string; lastName: string } | null;
  product?: PixelProduct | null;
  order?: PixelOrder | null;
}

/** The tags every preview page carries in its head: the page's pixel data and the host script. */
export function pixelTags(page: PixelPage): string {
  const data = {
    workerUrl: `${PIXEL_ASSETS}/worker.js`,
    settings: { shop: page.shop, endpoint: `${page.appUrl}/pixel/events` },
    currency: page.currency,
    customer: page.customer && { ...page.customer, id: String(page.customer.id) },
    product: page.product ?? null,
    order: page.order ?? null,
  };
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/json" id="standin-pixel-data">${json}</script>\n<script src="${PIXEL_ASSETS}/host.js" defer></script>`;
}
