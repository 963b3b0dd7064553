import { PrismaClient } from "./generated/prisma-sqlite";
import { createDriverAdapter, databaseKind } from "./db-adapter.server";
import { env } from "./env.server";

/**
 * One Prisma client for the process. Both generated clients (SQLite and PostgreSQL) come from the
 * same data model, so the app is typed against the SQLite one and runs on either.
 */
export type Db = PrismaClient;

declare global {
  // eslint-disable-next-line no-var
  var rapportPrisma: Promise<Db> | undefined;
}

async function createClient(url: string): Promise<Db> {
  const adapter = createDriverAdapter(url);
  if (databaseKind(url) === "postgres") {
    const { PrismaClient: PgClient } = await import("./generated/prisma-pg");
    return new PgClient({ adapter }) as unknown as Db;
  }
  return new PrismaClient({ adapter });
}

// Kept on globalThis so Vite's dev reloads do not open a new pool per edit.
globalThis.rapportPrisma ??= createClient(env.DATABASE_URL);

const prisma: Db = await globalThis.rapportPrisma;
export default prisma;
