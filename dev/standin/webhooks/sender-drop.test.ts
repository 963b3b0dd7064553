import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandinStore } from "../store";
import type { StandinContext } from "../context";
import { attachWebhookSender } from "./sender";
import * as mutations from "../mutations";

const SHOP = "drop-test.myshopify.com";
let server: Server;
let receivedTopics: string[] = [];
let ctx: StandinContext;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      receivedTopics.push(String(req.headers["x-shopify-topic"]));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const store = new StandinStore();
  store.ensureShop(SHOP).appInstalled = true;
  ctx = {
    store,
    standinUrl: "http://127.0.0.1:1",
    app: {
      apiKey: "k",
      apiSecret: "s",
      url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      tomlPath: path.resolve("shopify.app.toml"),
    },
    defaultShop: SHOP,
  };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("lost webhooks", () => {
  it("GIVEN a sender that drops app/scopes_update WHEN scopes change twice THEN nothing is sent and both deliveries are recorded as dropped", async () => {
    receivedTopics = [];
    const sender = attachWebhookSender(ctx, { drop: (d) => d.topic === "app/scopes_update" });
    mutations.changeScopes(ctx.store, SHOP, ["a"], ["b"]);
    mutations.changeScopes(ctx.store, SHOP, ["b"], ["c"]);
    await sender.idle();
    sender.detach();
    expect(receivedTopics).toEqual([]);
    expect(sender.deliveries.map((d) => [d.topic, d.status, d.attempts])).toEqual([
      ["app/scopes_update", "dropped", 0],
      ["app/scopes_update", "dropped", 0],
    ]);
  });

  it("GIVEN a sender whose drop rule is set later and then cleared WHEN changes happen THEN only the one in between is lost", async () => {
    receivedTopics = [];
    const sender = attachWebhookSender(ctx);
    mutations.changeScopes(ctx.store, SHOP, ["a"], ["b"]);
    sender.setDrop(() => true);
    mutations.changeScopes(ctx.store, SHOP, ["b"], ["c"]);
    sender.setDrop(undefined);
    mutations.changeScopes(ctx.store, SHOP, ["c"], ["d"]);
    await sender.idle();
    sender.detach();
    expect(sender.deliveries.map((d) => d.status)).toEqual(["delivered", "dropped", "delivered"]);
    expect(receivedTopics).toEqual(["app/scopes_update", "app/scopes_update"]);
  });
});
