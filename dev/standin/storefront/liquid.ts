import { readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";

/**
 * liquidjs set up like Shopify's Liquid for what Rapport's blocks and the preview pages use: the
 * `t` filter over the extension's locale file (with `{{ name }}` interpolation), `asset_url`,
 * `stylesheet_tag`, `script_tag`, `money`, `image_url`. liquidjs has no Shopify objects or filters
 * of its own, so these few are written here.
 */
export function shopifyLiquid(extensionRoot: string, themeRoot: string, currency: () => string): Liquid {
  const engine = new Liquid({ root: [themeRoot, extensionRoot], extname: ".liquid", strictFilters: true, jsTruthy: false });
  const locale = JSON.parse(readFileSync(path.join(extensionRoot, "locales", "en.default.json"), "utf8")) as Record<string, unknown>;
  engine.registerFilter("t", (key: string, ...args: [string, unknown][]) => {
    const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale);
    if (typeof text !== "string") return `translation missing: en.${key}`;
    const values = Object.fromEntries(args);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ""));
  });
  engine.registerFilter("asset_url", (name: string) => `/extensions/${path.basename(extensionRoot)}/assets/${name}`);
  engine.registerFilter("stylesheet_tag", (url: string) => `<link rel="stylesheet" href="${url}">`);
  engine.registerFilter("script_tag", (url: string) => `<script src="${url}" defer></script>`);
  engine.registerFilter("image_url", (url: string) => url);
  engine.registerFilter("money", (minor: number) =>
    new Intl.NumberFormat("en-GB", { style: "currency", currency: currency() }).format(Number(minor) / 100),
  );
  return engine;
}

export interface BlockFile {
  /** The block's Liquid without its `{% schema %}`. */
  source: string;
  schema: { name: string; target: string; javascript?: string; stylesheet?: string; settings?: { id: string; default?: unknown }[] };
}

/**
 * Reads an app block and splits off its `{% schema %}` JSON, as Shopify does before rendering
 * (the schema configures the block; it is never output).
 */
export function readBlock(extensionRoot: string, name: string): BlockFile {
  const raw = readFileSync(path.join(extensionRoot, "blocks", `${name}.liquid`), "utf8");
  const match = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(raw);
  if (!match) throw new Error(`block ${name} has no {% schema %}`);
  return { source: raw.replace(match[0], ""), schema: JSON.parse(match[1]!) };
}

/** Settings from the schema's defaults, overridden by what the merchant (here: the preview) chose. */
export function blockSettings(block: BlockFile, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries((block.schema.settings ?? []).map((s) => [s.id, s.default])), ...overrides };
}
