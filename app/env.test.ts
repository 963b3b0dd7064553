import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const valid = { SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", SHOPIFY_APP_URL: "https://rapport.example.com" };

describe("configuration at boot", () => {
  it("GIVEN the required variables WHEN parsed THEN defaults fill the rest", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./data/rapport.db");
    expect(env.SCOPES.split(",")).toContain("write_discounts");
  });

  it("GIVEN missing and malformed variables WHEN parsed THEN one error names each of them", () => {
    expect(() => parseEnv({ SHOPIFY_APP_URL: "not a url" })).toThrowError(
      /SHOPIFY_API_KEY[\s\S]*SHOPIFY_API_SECRET[\s\S]*SHOPIFY_APP_URL: SHOPIFY_APP_URL must be/,
    );
  });
});
