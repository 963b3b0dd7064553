import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "./json";

describe("lossless JSON", () => {
  it("GIVEN ids beyond 2^53 WHEN parsed THEN they stay exact as digit strings", () => {
    const parsed = parseJsonLossless(
      '{"id":820982911946154508,"other":820982911946154509,"line_items":[{"product_id":9007199254740993}]}',
    ) as any;
    expect(parsed.id).toBe("820982911946154508");
    expect(parsed.other).toBe("820982911946154509");
    expect(parsed.line_items[0].product_id).toBe("9007199254740993");
  });

  it("GIVEN ordinary numbers WHEN parsed THEN they are numbers", () => {
    expect(parseJsonLossless('{"quantity":2,"subtotal":89.99,"id":17850,"n":-3}')).toEqual({
      quantity: 2,
      subtotal: 89.99,
      id: 17850,
      n: -3,
    });
    expect(parseJsonLossless('{"note":"ref 12345678901234567890","id":5}')).toEqual({ note: "ref 12345678901234567890", id: 5 });
  });

  it("GIVEN long digit runs in decimals, exponents and strings WHEN parsed THEN only integer literals are kept as text", () => {
    expect(parseJsonLossless('{"a":0.12345678901234567890,"b":1e-12345678901234567,"c":12345678901234567890.5}')).toEqual({
      a: Number("0.12345678901234567890"),
      b: 0,
      c: Number("12345678901234567890.5"),
    });
    expect(parseJsonLossless('{"s":"say \\"12345678901234567890\\" then","ids":[-9007199254740993,9007199254740991]}')).toEqual({
      s: 'say "12345678901234567890" then',
      ids: ["-9007199254740993", 9007199254740991],
    });
  });

  it("GIVEN strings ending in escaped backslashes or quotes WHEN parsed THEN the integers after them are still found", () => {
    expect(
      parseJsonLossless('{"a":"x\\\\","id":12345678901234567890,"b":"q\\"12345678901234567890","c":[1,-12345678901234567890]}'),
    ).toEqual({
      a: "x\\",
      id: "12345678901234567890",
      b: 'q"12345678901234567890',
      c: [1, "-12345678901234567890"],
    });
    expect(parseJsonLossless("12345678901234567890")).toBe("12345678901234567890");
  });

  it("GIVEN text that is not JSON WHEN parsed THEN a SyntaxError", () => {
    expect(() => parseJsonLossless("{not json")).toThrow(SyntaxError);
    expect(() => parseJsonLossless('{"id":12345678901234567890')).toThrow(SyntaxError);
  });
});
