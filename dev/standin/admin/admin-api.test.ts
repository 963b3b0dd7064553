import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphqlQueryError } from "@shopify/shopify-api";
import { startTestWorld, TEST_SHOP } from "../test-world";
import { mintSessionToken } from "../session-token";

let world: Awaited<ReturnType<typeof startTestWorld>>;
beforeAll(async () => {
  world = await startTestWorld({ limits: { maximumAvailable: 200, restoreRate: 100 } });
});
afterAll(async () => world.close());

describe("stand-in Admin API through the official @shopify/shopify-api client", () => {
  it("GIVEN a session token signed with the app secret WHEN exchanged THEN an offline token with the toml scopes comes back", async () => {
    const session = await world.install();
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.scope).toContain("write_discounts");
    expect(world.shop.appInstalled).toBe(true);
  });

  it("GIVEN a forged session token WHEN exchanged THEN Shopify's invalid_subject_token error is raised", async () => {
    const forged = await mintSessionToken({ shop: TEST_SHOP, apiKey: world.app.apiKey, apiSecret: "wrong-secret" });
    const res = await fetch(`${world.ctx.standinUrl}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-standin-shop": TEST_SHOP },
      body: JSON.stringify({
        client_id: world.app.apiKey,
        client_secret: world.app.apiSecret,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: forged,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_subject_token" });
  });

  it("GIVEN an installed app WHEN it queries orders THEN data and extensions.cost come back", async () => {
    const client = new world.api.clients.Graphql({ session: await world.install() });
    const response = await client.request(`#graphql
      query Orders { orders(first: 5) { edges { node { id name customer { id firstName } currentSubtotalPriceSet { shopMoney { amount currencyCode } } lineItems(first: 5) { edges { node { sku quantity product { handle } } } } } } } }`);
    const order = (response.data as any).orders.edges[0].node;
    expect(order).toMatchObject({
      name: "#1001",
      customer: { firstName: "Ada" },
      currentSubtotalPriceSet: { shopMoney: { amount: "8.00", currencyCode: "GBP" } },
    });
    expect(order.lineItems.edges.map((e: any) => e.node.sku)).toEqual(["MUG1", "MUG2"]);
    expect((response.extensions as any).cost).toMatchObject({
      requestedQueryCost: expect.any(Number),
      throttleStatus: { maximumAvailable: 200 },
    });
  });

  it("GIVEN a document the real schema rejects WHEN sent THEN graphql-js's validation error is the answer", async () => {
    const client = new world.api.clients.Graphql({ session: await world.install() });
    await expect(client.request(`query { shop { nmae } }`)).rejects.toThrow(GraphqlQueryError);
    await expect(client.request(`query { shop { nmae } }`)).rejects.toThrow(/Cannot query field "nmae" on type "Shop"/);
  });

  it("GIVEN no or an unknown access token WHEN the Admin API is called THEN 401", async () => {
    const res = await fetch(`${world.ctx.standinUrl}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-standin-shop": TEST_SHOP, "x-shopify-access-token": "shpat_nope" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(res.status).toBe(401);
  });

  it("GIVEN a small bucket WHEN expensive queries burst THEN THROTTLED, and the bucket refills", async () => {
    const session = await world.install();
    const send = () =>
      fetch(`${world.ctx.standinUrl}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-standin-shop": TEST_SHOP, "x-shopify-access-token": session.accessToken! },
        body: JSON.stringify({ query: "{ products(first: 20) { edges { node { title } } } }" }),
      }).then((r) => r.json() as Promise<any>);
    const first = await send();
    expect(first.extensions.cost.requestedQueryCost).toBe(22);
    const answers = [first];
    for (let i = 0; i < 20 && !answers.at(-1).errors; i += 1) answers.push(await send());
    const throttled = answers.find((a) => a.errors?.[0]?.extensions?.code === "THROTTLED");
    expect(answers.length).toBeGreaterThan(5); // the bucket held several queries before it ran dry
    expect(throttled).toBeDefined();
    expect(throttled.extensions.cost.actualQueryCost).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect((await send()).data.products.edges).toHaveLength(3);
  });

  it("GIVEN discountCodeBasicCreate with a code in use WHEN created THEN userErrors say so", async () => {
    const client = new world.api.clients.Graphql({ session: await world.install() });
    const create = () =>
      client.request(
        `#graphql
      mutation Create($input: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $input) { codeDiscountNode { id } userErrors { field message } } }`,
        {
          variables: {
            input: {
              title: "5 off",
              code: "RAPPORT-5",
              startsAt: new Date().toISOString(),
              context: { all: "ALL" },
              customerGets: { value: { discountAmount: { amount: "5.00", appliesOnEachItem: false } }, items: { all: true } },
            },
          },
        },
      );
    expect(((await create()).data as any).discountCodeBasicCreate.userErrors).toEqual([]);
    expect(((await create()).data as any).discountCodeBasicCreate.userErrors[0].message).toMatch(/must be unique/);
  });

  it("GIVEN a bulk query over orders WHEN it completes THEN JSONL lines carry __parentId and a finish change is emitted", async () => {
    const client = new world.api.clients.Graphql({ session: await world.install() });
    const finished = new Promise((resolve) => world.store.once("change", resolve));
    const run = await client.request(
      `#graphql
      mutation Bulk($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) { bulkOperation { id status } userErrors { field message } } }`,
      { variables: { q: "{ orders { edges { node { id name lineItems { edges { node { id sku } } } } } } }" } },
    );
    const op = (run.data as any).bulkOperationRunQuery.bulkOperation;
    expect(await finished).toMatchObject({ topic: "bulk_operations/finish", shop: TEST_SHOP });
    const status = await client.request(`query Status($id: ID!) { node(id: $id) { ... on BulkOperation { status url objectCount } } }`, {
      variables: { id: op.id },
    });
    const node = (status.data as any).node;
    expect(node).toMatchObject({ status: "COMPLETED", objectCount: "3" });
    const lines = (await (await fetch(node.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ name: "#1001" });
    expect(lines.slice(1).every((l) => l.__parentId === lines[0].id)).toBe(true);
  });
});
