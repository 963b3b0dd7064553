import { Prisma, PrismaClient } from "@rapport/prisma-sqlite";
import { PrismaClient as PostgresPrismaClient } from "@rapport/prisma-pg";
import { createDriverAdapter, databaseKind } from "./db-adapter.server";

/**
 * The app's data access type. Both generated clients (SQLite and PostgreSQL) come from one data
 * model (prisma/schema.prisma → prisma/postgres/schema.prisma), so the app is typed against the
 * SQLite one and runs on either.
 */
export type Db = PrismaClient;

/** A client inside an interactive transaction: what domain functions that must commit together take. */
export type Tx = Prisma.TransactionClient;

export { Prisma };

/**
 * A Prisma client on the driver adapter that the URL names.
 * @example const db = createPrismaClient("postgresql://postgres@127.0.0.1:5432/rapport")
 */
export function createPrismaClient(url: string, options: { poolSize?: number } = {}): Db {
  const adapter = createDriverAdapter(url, options);
  if (databaseKind(url) === "postgres") return new PostgresPrismaClient({ adapter }) as unknown as Db;
  return new PrismaClient({ adapter });
}
