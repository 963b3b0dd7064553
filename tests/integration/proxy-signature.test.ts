import { createHmac } from "node:crypto";
import { InvalidHmacError } from "@shopify/shopify-api";
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { verificationApi } from "../../app/shopify/verification-api.server";
import { verifyProxyQuery } from "../../app/storefront/proxy-signature.server";
import { SHOP } from "../helpers/webhook-request";

// The fast path's synchronous app-proxy check (node:crypto) against shopify-api's own
// `validateHmac(query, { signator: "appProxy" })`: the same verdict on every query below.

/** Signs pairs the way Shopify's app proxy does: keys in locale order, a repeated key's values joined with ",". */
function signed(pairs: [string, string][], options: { secret?: string } = {}): URLSearchParams {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  const message = [...byKey.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((k) => `${k}=${byKey.get(k)!.join(",")}`)
    .join("");
  const query = new URLSearchParams(pairs);
  query.append(
    "signature",
    createHmac("sha256", options.secret ?? API_SECRET_KEY)
      .update(message)
      .digest("hex"),
  );
  return query;
}

const now = () => String(Math.floor(Date.now() / 1000));
const base = (at = now()): [string, string][] => [
  ["shop", SHOP],
  ["logged_in_customer_id", "17850"],
  ["path_prefix", "/apps/rapport"],
  ["timestamp", at],
];

async function library(query: URLSearchParams): Promise<boolean> {
  try {
    return await verificationApi.utils.validateHmac(query, { signator: "appProxy" });
  } catch (error) {
    if (error instanceof InvalidHmacError) return false;
    throw error;
  }
}

const CASES: [string, boolean, () => URLSearchParams][] = [
  ["a signed-in shopper", true, () => signed(base())],
  [
    "a guest (empty customer id)",
    true,
    () => signed([...base().filter(([k]) => k !== "logged_in_customer_id"), ["logged_in_customer_id", ""]]),
  ],
  ["extra parameters", true, () => signed([...base(), ["surface", "product"], ["product_id", "701"], ["views", "1,2,3"]])],
  [
    "keys whose locale order differs from code-point order",
    true,
    () => signed([...base(), ["Zeta", "1"], ["alpha", "2"], ["_under", "3"], ["a-b", "4"], ["a_b", "5"], ["B", "6"]]),
  ],
  ["non-ASCII values", true, () => signed([...base(), ["q", "crème brûlée ☕"]])],
  ["a repeated unsigned-by-Shopify parameter", true, () => signed([...base(), ["views", "1"], ["views", "2"]])],
  ["a timestamp 80 s old", true, () => signed(base(String(Number(now()) - 80)))],
  ["a timestamp 91 s old", false, () => signed(base(String(Number(now()) - 91)))],
  ["a timestamp 91 s ahead", false, () => signed(base(String(Number(now()) + 91)))],
  ["a timestamp that is not an integer", false, () => signed(base(`${now()}.5`))],
  ["no timestamp", false, () => signed(base().filter(([k]) => k !== "timestamp"))],
  ["another app's secret", false, () => signed(base(), { secret: "not-the-app-secret" })],
  [
    "a value changed after signing",
    false,
    () => {
      const q = signed(base());
      q.set("logged_in_customer_id", "17851");
      return q;
    },
  ],
  [
    "a parameter added after signing",
    false,
    () => {
      const q = signed(base());
      q.append("extra", "1");
      return q;
    },
  ],
  [
    "the signature in upper case",
    false,
    () => {
      const q = signed(base());
      q.set("signature", q.get("signature")!.toUpperCase());
      return q;
    },
  ],
  ["no signature", false, () => new URLSearchParams(base())],
  [
    "a repeated signature",
    false,
    () => {
      const q = signed(base());
      q.append("signature", q.get("signature")!);
      return q;
    },
  ],
  [
    "plain keys that differ only after a prefix or by an underscore",
    true,
    () => signed([...base(), ["a_b", "1"], ["ab", "2"], ["a", "3"], ["a_", "4"], ["path", "5"], ["surface", "6"], ["surface_", "7"]]),
  ],
  [
    "a signature with a character that is not hex",
    false,
    () => {
      const q = signed(base());
      q.set("signature", `${q.get("signature")!.slice(0, -1)}g`);
      return q;
    },
  ],
  [
    "a signature one character short",
    false,
    () => {
      const q = signed(base());
      q.set("signature", q.get("signature")!.slice(0, -1));
      return q;
    },
  ],
  ["a repeated shop", false, () => signed([...base(), ["shop", SHOP]])],
  ["a repeated timestamp", false, () => signed([...base(), ["timestamp", now()]])],
];

describe("app-proxy signature on the fast path", () => {
  it.each(CASES)("GIVEN %s THEN valid is %s, as the library says", async (_name, valid, make) => {
    const query = make();
    const verdict = verifyProxyQuery(query);
    expect(await library(query)).toBe(valid);
    expect(!("refused" in verdict)).toBe(valid);
  });

  it("GIVEN signed queries with random keys of lowercase letters and underscores, in any order THEN each is valid, as the library says", async () => {
    // Such keys are sorted by code unit rather than by the collator (proxy-signature.server.ts): the
    // signature Shopify made over the collation's order must still match.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const letters = "ab_yz";
    for (let i = 0; i < 40; i++) {
      const names = new Set<string>();
      while (names.size < 6) names.add(Array.from({ length: 1 + random(4) }, () => letters[random(letters.length)]).join(""));
      const extra = [...names]
        .filter((k) => !["shop", "timestamp", "signature", "hmac"].includes(k))
        .map((k): [string, string] => [k, String(i)]);
      const query = signed([...extra.slice(0, 3), ...base(), ...extra.slice(3)]);
      expect(await library(query)).toBe(true);
      expect(verifyProxyQuery(query)).toEqual({ shop: SHOP, customerGid: "gid://shopify/Customer/17850" });
    }
  });

  it("GIVEN a valid query THEN the identity is the signed shop and customer", () => {
    expect(verifyProxyQuery(signed(base()))).toEqual({ shop: SHOP, customerGid: "gid://shopify/Customer/17850" });
    expect(verifyProxyQuery(signed([...base().slice(0, 1), ...base().slice(2), ["logged_in_customer_id", ""]]))).toEqual({
      shop: SHOP,
      customerGid: null,
    });
  });

  it("GIVEN a customer id or a path prefix given twice (both values signed) THEN it is refused, where the library would read the first", async () => {
    for (const key of ["logged_in_customer_id", "path_prefix"]) {
      const query = signed([...base(), [key, key === "path_prefix" ? "/apps/other" : "17851"]]);
      expect(await library(query)).toBe(true);
      expect(verifyProxyQuery(query)).toEqual({ refused: `Query parameter "${key}" must not appear more than once.` });
    }
  });

  it("GIVEN a signed query for a domain that is not a shop, or a customer id that is not one THEN it is refused", () => {
    expect(verifyProxyQuery(signed([["shop", "evil.example.com"], ...base().slice(1)]))).toEqual({ refused: "shop is not a shop domain" });
    expect(
      verifyProxyQuery(signed([...base().filter(([k]) => k !== "logged_in_customer_id"), ["logged_in_customer_id", "17850x"]])),
    ).toEqual({
      refused: "logged_in_customer_id is not a customer id",
    });
  });
});
