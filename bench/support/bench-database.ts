import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import { databaseKind, type DatabaseKind } from "../../app/db-adapter.server";
import { ensureMigrated } from "../../app/db-migrate.server";

/** PostgreSQL on this machine (trust auth), used when a bench needs PostgreSQL and `--database` is not given. */
export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated database for one benchmark. */
export interface BenchDatabase {
  url: string;
  kind: DatabaseKind;
  /** A client on it (the bench's own; the app's global client reads DATABASE_URL). */
  db: Db;
  /** Disconnects, and drops the database when it is a PostgreSQL one made here. */
  close(): Promise<void>;
}

/**
 * Creates and migrates a fresh database: a SQLite file in `tmpDir` when `databaseUrl` is null, or a new
 * database on the PostgreSQL server that `databaseUrl` names (the URL's own database is only used to
 * run CREATE/DROP DATABASE; nothing is written to it).
 * @example
 * const bench = await createBenchDatabase({ tmpDir, databaseUrl: context.databaseUrl, name: "webhooks" });
 * try { await generateSyntheticStore(bench.db, { shop, customers: 1000, orders: 5000, products: 500 }); }
 * finally { await bench.close(); }
 */
export async function createBenchDatabase(options: { tmpDir: string; databaseUrl: string | null; name?: string }): Promise<BenchDatabase> {
  const label = (options.name ?? "bench").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!options.databaseUrl || databaseKind(options.databaseUrl) === "sqlite") {
    const url = options.databaseUrl ?? `file:${path.join(options.tmpDir, `${label}.db`)}`;
    await ensureMigrated(url);
    const db = createPrismaClient(url);
    return { url, kind: "sqlite", db, close: () => db.$disconnect() };
  }
  const name = `rapport_bench_${label}_${randomBytes(4).toString("hex")}`;
  const server = new URL(options.databaseUrl);
  await adminQuery(options.databaseUrl, `CREATE DATABASE ${name}`);
  server.pathname = `/${name}`;
  const url = server.toString();
  await ensureMigrated(url);
  const db = createPrismaClient(url);
  return {
    url,
    kind: "postgres",
    db,
    close: async () => {
      await db.$disconnect();
      await adminQuery(options.databaseUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
