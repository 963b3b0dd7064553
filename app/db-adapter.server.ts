import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Client, Config, InStatement, Transaction, TransactionMode } from "@libsql/client";
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
 * block the writer, NORMAL sync (durable across an app crash; WAL's usual pairing), and a 64 MB page
 * cache (SQLite's default is 2 MB: a batch of orders re-read from the OS the index pages it writes).
 */
const SQLITE_PRAGMAS = [
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA cache_size = -65536",
];

/**
 * Why a subclass: @libsql/client runs each transaction on the connection it has and opens a fresh one
 * for whatever comes next, so every transaction paid for a new connection — the schema parsed again, a
 * cold page cache, PRAGMAs set again. The Prisma adapter already holds its lock for a transaction's
 * whole length (nothing else runs on the client meanwhile), so here a transaction is BEGIN … COMMIT on
 * the client's one connection, which keeps its cache and its PRAGMAs.
 */
class PrismaLibSQLWithPragmas extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const execute = client.execute.bind(client);
    const ready = Promise.all(SQLITE_PRAGMAS.map((sql) => execute(sql)));
    client.execute = (async (...args: Parameters<Client["execute"]>) => {
      await ready;
      return execute(...args);
    }) as Client["execute"];
    client.transaction = (async (mode?: TransactionMode) => {
      await ready;
      await execute(mode === "write" ? "BEGIN IMMEDIATE" : mode === "read" ? "BEGIN TRANSACTION READONLY" : "BEGIN DEFERRED");
      return sameConnectionTransaction(client, execute);
    }) as Client["transaction"];
    return client;
  }
}

/** A transaction on the client's own connection (see PrismaLibSQLWithPragmas). */
function sameConnectionTransaction(client: Client, execute: Client["execute"]): Transaction {
  let closed = false;
  const end = async (sql: "COMMIT" | "ROLLBACK") => {
    if (closed) return;
    closed = true;
    try {
      await execute(sql);
    } catch (error) {
      // A failed COMMIT leaves the transaction open: end it, or the connection's next BEGIN fails.
      if (sql === "COMMIT") await execute("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
  const live = () => {
    if (closed) throw new Error("the transaction is closed");
  };
  return {
    execute: ((stmt: InStatement) => (live(), execute(stmt))) as Transaction["execute"],
    batch: async (stmts: InStatement[]) => {
      const results = [];
      for (const stmt of stmts) results.push((live(), await execute(stmt)));
      return results;
    },
    executeMultiple: () => Promise.reject(new Error("executeMultiple is not available inside a transaction")),
    commit: () => end("COMMIT"),
    rollback: () => end("ROLLBACK").catch(() => undefined), // SQLite may have rolled back already (an error it aborts on)
    close: () => void end("ROLLBACK").catch(() => undefined),
    get closed() {
      return closed;
    },
  };
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
