import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Runs after `npm run build` (dev/test.ts orders it so): the production server bundle and every
// source file under app/ must be free of the local Shopify stand-in.
const STANDIN_MARKERS = ["dev/standin", "routeShopifyAdminTo", "X-Standin-Shop", "createStandinApp", "attachWebhookSender"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe("production build", () => {
  it("GIVEN the built server WHEN it is searched THEN nothing of the stand-in is in it", () => {
    const server = files("build/server").filter((f) => f.endsWith(".js"));
    expect(server.length).toBeGreaterThan(0);
    const bundle = server.map((f) => readFileSync(f, "utf8")).join("\n");
    expect(bundle).toContain("shopifyApp"); // the real app is in it
    for (const marker of STANDIN_MARKERS) expect(bundle, marker).not.toContain(marker);
  });

  it("GIVEN the app's sources WHEN their imports are read THEN none reaches into dev/", () => {
    const sources = files("app").filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`));
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.filter(
      (f) => /from\s+["'](\.\.\/)+dev\//.test(readFileSync(f, "utf8")) || /import\(["'](\.\.\/)+dev\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
