import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Client, Config, TransactionMode } from "@libsql/client";
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
 * Settings every SQLite connection needs: foreign keys enforced (cascades behave as on PostgreSQL),
 * a busy timeout so another process reading the file waits instead of failing, WAL so readers never
 * block the writer, and NORMAL sync (durable across an app crash; WAL's usual pairing).
 */
const SQLITE_PRAGMAS = [
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
];

/**
 * Why a subclass: @libsql/client hands its connection to each transaction and opens a fresh one for
 * whatever comes next, so per-connection PRAGMAs set once would be lost after the first transaction.
 * Each new connection is opened here, eagerly, with the PRAGMAs applied.
 */
class PrismaLibSQLWithPragmas extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const configure = () => Promise.all(SQLITE_PRAGMAS.map((sql) => client.execute(sql)));
    const ready = configure();
    const transaction = client.transaction.bind(client);
    const execute = client.execute.bind(client);
    client.execute = (async (...args: Parameters<Client["execute"]>) => {
      await ready;
      return execute(...args);
    }) as Client["execute"];
    client.transaction = (async (mode?: TransactionMode) => {
      await ready;
      const tx = await transaction(mode);
      await Promise.all(SQLITE_PRAGMAS.filter((sql) => !sql.includes("journal_mode")).map((sql) => execute(sql))); // the next connection
      return tx;
    }) as Client["transaction"];
    return client;
  }
}

/**
 * The Prisma driver adapter for a database URL — one code path for both databases
 * (docs/decisions/001-prisma-driver-adapters.md).
 */
export function createDriverAdapter(url: string | undefined = DEFAULT_DATABASE_URL, options: { poolSize?: number } = {}) {
  if (databaseKind(url) === "postgres") {
    return new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaLibSQLWithPragmas({ url: url.startsWith("file:") ? url : `file:${url}` });
}
