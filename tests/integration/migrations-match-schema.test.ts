import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import prisma, { dbKind } from "../../app/db.server";

/** Columns prisma/schema.prisma declares: each model's scalar fields, with whether they may be null. */
function declared(): Map<string, boolean> {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1]!, body: m[2]! }));
  const modelNames = new Set(models.map((m) => m.name));
  const columns = new Map<string, boolean>();
  for (const model of models) {
    for (const [, field, type, list, optional] of model.body.matchAll(/^\s+(\w+)\s+(\w+)(\[\])?(\?)?/gm)) {
      if (!modelNames.has(type!) && !list) columns.set(`${model.name}.${field}`, Boolean(optional));
    }
  }
  return columns;
}

/** Columns the migrated database has (this test file's database was built by the migrations alone). */
async function migrated(): Promise<Map<string, boolean>> {
  const columns = new Map<string, boolean>();
  if (dbKind === "postgres") {
    const rows = await prisma.$queryRaw<{ table_name: string; column_name: string; is_nullable: string }[]>`
      SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    for (const r of rows) columns.set(`${r.table_name}.${r.column_name}`, r.is_nullable === "YES");
    return columns;
  }
  const tables = await prisma.$queryRaw<
    { name: string }[]
  >`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`;
  for (const { name } of tables) {
    const info = await prisma.$queryRawUnsafe<{ name: string; notnull: number | bigint; pk: number | bigint }[]>(
      `PRAGMA table_info("${name}")`,
    );
    for (const c of info) columns.set(`${name}.${c.name}`, Number(c.notnull) === 0 && Number(c.pk) === 0);
  }
  return columns;
}

describe("migrations and the data model", () => {
  it("GIVEN a database built by the migrations alone WHEN compared with prisma/schema.prisma THEN they have the same columns, nullable alike", async () => {
    const [model, database] = [declared(), await migrated()];
    expect([...database.keys()].sort()).toEqual([...model.keys()].sort());
    const nullability = [...model].filter(([column, nullable]) => database.get(column) !== nullable).map(([column]) => column);
    expect(nullability).toEqual([]);
  });
});
