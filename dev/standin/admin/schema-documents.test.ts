import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "./schema";

/**
 * Every `#graphql` template literal under app/, with the file it lives in. The marker must be followed
 * by whitespace, so a comment that merely names it ("the `#graphql` marker") is not taken for a document.
 */
function appDocuments(): { file: string; source: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === "generated") return [];
      return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
    });
  return walk("app").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/`#graphql(\s[\s\S]*?)`/g)].map((match) => ({ file, source: match[1]! })),
  );
}

const validationErrors = (source: string) => {
  try {
    return validate(adminSchema(), parse(source)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
};

describe("Admin GraphQL documents in app/", () => {
  const documents = appDocuments();

  it("GIVEN the app's operations WHEN collected THEN there are some, each named", () => {
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const { file, source } of documents) expect(source, file).toMatch(/^\s*(query|mutation)\s+[A-Z]\w+/);
  });

  it.each(documents.map((d) => [`${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.source)?.[2]}`, d.source]))(
    "GIVEN %s WHEN validated against the real Admin 2026-07 schema THEN graphql-js finds no error",
    (_name, source) => {
      expect(validationErrors(source)).toEqual([]);
    },
  );

  it("GIVEN a document with a field the schema lacks WHEN validated THEN the validator reports it", () => {
    expect(validationErrors("query Bad { shop { nmae } orders(first: 1) { edges { node { grandTotal } } } }")).toEqual([
      'Cannot query field "nmae" on type "Shop". Did you mean "name"?',
      expect.stringMatching(/Cannot query field "grandTotal" on type "Order"/),
    ]);
  });
});
