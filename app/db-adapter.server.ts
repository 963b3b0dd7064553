import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

/** The embedded default: a SQLite file under ./data (created on first use). */
export const DEFAULT_DATABASE_URL = "file:./data/rapport.db";

export type DatabaseKind = "sqlite" | "postgres";

/**
 * Which database a URL names: `postgres://`/`postgresql://` is PostgreSQL, anything else is SQLite.
 * @example databaseKind("postgresql://postgres@127.0.0.1:5432/rapport") // "postgres"
 */
export function databaseKind(url: string | undefined): DatabaseKind {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/**
 * The Prisma driver adapter for a database URL — one code path for both databases
 * (docs/decisions/001-prisma-driver-adapters.md).
 */
export function createDriverAdapter(url: string | undefined = DEFAULT_DATABASE_URL) {
  if (databaseKind(url) === "postgres") {
    return new PrismaPg({ connectionString: url, max: 10 });
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaLibSQL({ url: url.startsWith("file:") ? url : `file:${url}` });
}
