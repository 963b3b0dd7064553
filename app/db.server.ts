import { Prisma as SqlitePrisma } from "@rapport/prisma-sqlite";
import { Prisma as PostgresPrisma } from "@rapport/prisma-pg";
import { createPrismaClient, type Db, type Tx } from "./db-client.server";
import { databaseKind } from "./db-adapter.server";
import { env } from "./env.server";

export type { Db, Tx };

declare global {
  var rapportPrisma: Db | undefined;
}

// One client per process, kept on globalThis so Vite's dev reloads do not open a new pool per edit.
const prisma: Db = (globalThis.rapportPrisma ??= createPrismaClient(env.DATABASE_URL));
export default prisma;

/** The app database's kind: PostgreSQL takes row locks and SKIP LOCKED claims; SQLite has one writer. */
export const dbKind = databaseKind(env.DATABASE_URL);

/**
 * Building blocks for raw SQL (`SQL.join`, `SQL.sql`, `SQL.raw`, `SQL.empty`) from the runtime of the
 * client in use: each generated client recognises only its own fragments, and would bind a fragment
 * from the other one as a parameter.
 */
export const SQL = (dbKind === "postgres" ? PostgresPrisma : SqlitePrisma) as typeof SqlitePrisma;
