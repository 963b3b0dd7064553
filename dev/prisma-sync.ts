// Derives prisma/postgres/schema.prisma from prisma/schema.prisma: the two databases share one data
// model and differ only in provider and generated-client folder. tests/schema-sync.test.ts fails on drift.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../node_modules/@rapport/prisma-sqlite"', 'output     = "../../node_modules/@rapport/prisma-pg"')
    .replace(/\/\/ @shopify\/shopify-app-session-storage-prisma imports[\s\S]*?generator libraryDefault \{[\s\S]*?\}\n\n/, "")
    .replace(
      /^\/\/ Rapport data model\..*\n(\/\/.*\n)*/m,
      "// GENERATED from prisma/schema.prisma by `npm run prisma:sync`. Do not edit.\n",
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync("prisma/postgres/schema.prisma", postgresSchemaFrom(readFileSync("prisma/schema.prisma", "utf8")));
}
