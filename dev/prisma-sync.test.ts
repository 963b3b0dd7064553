import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom } from "./prisma-sync";

describe("the PostgreSQL data model", () => {
  it("GIVEN prisma/schema.prisma WHEN the PostgreSQL schema is derived THEN the committed one is identical (run npm run prisma:sync)", () => {
    const derived = postgresSchemaFrom(readFileSync("prisma/schema.prisma", "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(derived);
  });
});
