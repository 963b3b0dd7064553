import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseImportFile, readImportSource } from "./import-file";

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/loyalty-import/${name}`, import.meta.url), "utf8");

describe("reading loyalty exports", () => {
  it("GIVEN Smile.io's customer export (BOM, CRLF, a quoted comma) WHEN read THEN each row is a command or a refusal", () => {
    const file = parseImportFile(fixture("smile-customers.csv"), "auto");
    expect(file.source).toBe("smile");
    expect(file.rows).toEqual([
      { line: 2, ok: true, shopifyCustomerId: null, email: "jane.doe@example.com", balance: 300, earned: 300, spent: 0, tierName: "Gold" },
      { line: 3, ok: true, shopifyCustomerId: null, email: "ada@example.com", balance: 1250, earned: 1250, spent: 0, tierName: "Silver" },
      { line: 4, ok: true, shopifyCustomerId: null, email: "guest@example.com", balance: 80, earned: 80, spent: 0, tierName: null },
      { line: 5, ok: false, email: "neg@example.com", reason: "points_balance is negative (-20)" },
      { line: 6, ok: true, shopifyCustomerId: null, email: "nobody@example.com", balance: 55, earned: 55, spent: 0, tierName: null },
    ]);
  });

  it("GIVEN LoyaltyLion's customer export WHEN read THEN approved + pending is the balance and spent the history", () => {
    const file = parseImportFile(fixture("loyaltylion-customers.csv"), "loyaltylion");
    expect(file.source).toBe("loyaltylion");
    expect(file.rows[0]).toEqual({
      line: 2,
      ok: true,
      shopifyCustomerId: "1001",
      email: "alice@example.com",
      balance: 700,
      earned: 1200,
      spent: 500,
      tierName: "Gold",
    });
    expect(file.rows[2]).toEqual({
      line: 4,
      ok: false,
      email: "carol@example.com",
      reason: 'points_approved "12.5" is not a whole number of points',
    });
  });

  it("GIVEN columns in another order, other labels and a quoted line break WHEN read THEN the same figures come out", () => {
    const text = 'VIP Tier,POINTS BALANCE,Note,E-mail\n"Gold",42,"two\nlines, and a comma",x@y.co\n';
    const file = parseImportFile(text.replace("E-mail", "Email"), "smile");
    expect(file.rows).toEqual([
      { line: 3, ok: true, shopifyCustomerId: null, email: "x@y.co", balance: 42, earned: 42, spent: 0, tierName: "Gold" },
    ]);
    expect(readImportSource("\uFEFFmerchant_id,points_approved\r\n", "auto")).toBe("loyaltylion");
  });

  it("GIVEN bad rows WHEN read THEN each is refused with its reason and the others still import", () => {
    const text = [
      "email,points_approved,points_spent,merchant_id",
      "not-an-email,10,0,",
      ",10,0,",
      "a@b.co,10,-3,",
      "a@b.co,10,0,abc",
      "a@b.co,10",
      "a@b.co,1 000,0,",
      "ok@b.co,7,3,12345678901234567",
    ].join("\n");
    expect(parseImportFile(text, "auto").rows.map((r) => (r.ok ? r : r.reason))).toEqual([
      '"not-an-email" is not an email address',
      "No email address or Shopify customer id to find the customer by",
      "points_spent is negative (-3)",
      'merchant_id "abc" is not a Shopify customer id',
      "The row has 2 fields where the header has 4",
      'points_approved "1 000" is not a whole number of points',
      { line: 8, ok: true, shopifyCustomerId: "12345678901234567", email: "ok@b.co", balance: 7, earned: 10, spent: 3, tierName: null },
    ]);
  });

  it("GIVEN a file that is not an export WHEN read THEN the field it belongs to gets a clear error", () => {
    const error = (text: string, source: "auto" | "smile" = "auto") => {
      try {
        parseImportFile(text, source);
      } catch (e) {
        return { field: (e as { field: string }).field, message: (e as Error).message };
      }
      return null;
    };
    expect(error("")).toEqual({ field: "file", message: "The file is empty" });
    expect(error("name,age\nAda,3\n")?.message).toMatch(/not a Smile.io or LoyaltyLion customer export/);
    expect(error('email,points_balance\n"unclosed,3\n')?.message).toMatch(/^The file is not a readable CSV file/);
    expect(error("email,points_balance\n")).toEqual({ field: "file", message: "The file has a header but no customers" });
    expect(error("email,points_approved\na@b.co,1\n", "smile")).toEqual({
      field: "source",
      message: "This file is a LoyaltyLion export, not Smile.io",
    });
  });
});
