import Database from "libsql";
import pg from "pg";
import prisma from "./db.server";
import { databaseKind } from "./db-adapter.server";
import { env } from "./env.server";

// Why a second way into the database: the storefront's app-proxy endpoints answer from a few indexed
// rows, and a query through Prisma (query compilation and interpretation in the client, then the driver
// adapter, which prepares the statement anew on every call) measured ~0.5 ms of CPU per query under
// load, several times the rest of the request. These reads go straight to the driver on a connection
// of their own, each statement prepared once: a read-only SQLite connection (WAL: it sees every commit
// of any process at its next statement), or a small pg pool with named prepared statements. Nothing is
// cached: every answer is the database's current row, on one process or many.

/** A row-returning SELECT with `?` placeholders, written in SQL both databases accept (quoted identifiers). */
export interface HotReader {
  /** The rows of a SELECT. */
  all<T>(sql: string, params: readonly (string | number)[]): Promise<T[]>;
  /** The first row of a SELECT (undefined: none). */
  one<T>(sql: string, params: readonly (string | number)[]): Promise<T | undefined>;
  close(): Promise<void>;
}

const POOL_SIZE = 4;

function sqliteReader(file: string): HotReader {
  const db = new Database(file);
  // Waits for a writer's lock like the app's connections do, and refuses any write by mistake.
  db.pragma("busy_timeout = 10000");
  db.pragma("query_only = ON");
  // The storefront reads single rows at random across a shop's accounts: SQLite's default 2 MB page
  // cache misses on most of them at 250,000 customers (a read() per page). A 64 MB cache and reads
  // through mmap made the indexed account read ≈ 40% cheaper in a tight loop (dev measurement).
  db.pragma("cache_size = -65536");
  db.pragma("mmap_size = 268435456");
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    all<T>(sql: string, params: readonly (string | number)[]) {
      try {
        return Promise.resolve(prepared(sql).all(...(params as unknown[])) as T[]);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    one<T>(sql: string, params: readonly (string | number)[]) {
      try {
        return Promise.resolve((prepared(sql).get(...(params as unknown[])) ?? undefined) as T | undefined);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    close: async () => {
      db.close();
    },
  };
}

// Timestamps come back as UTC instants whatever the server's time zone (Prisma writes `timestamp(3)` in UTC).
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function postgresReader(url: string): HotReader {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, allowExitOnIdle: true });
  // An idle connection ended by the server (restart, a dropped test database) must not end the process.
  pool.on("error", () => undefined);
  const names = new Map<string, { name: string; text: string }>();
  return {
    async all<T>(sql: string, params: readonly (string | number)[]) {
      let named = names.get(sql);
      if (!named) {
        let n = 0;
        named = { name: `rapport_hot_${names.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
        names.set(sql, named);
      }
      const result = await pool.query({ ...named, values: params as unknown[], types });
      return result.rows as T[];
    },
    async one<T>(sql: string, params: readonly (string | number)[]) {
      return (await this.all<T>(sql, params))[0];
    },
    close: () => pool.end(),
  };
}

/** An in-memory SQLite database is private to its connection: reads go through Prisma's. */
function prismaReader(): HotReader {
  return {
    all: <T>(sql: string, params: readonly (string | number)[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    one: async <T>(sql: string, params: readonly (string | number)[]) => (await prisma.$queryRawUnsafe<T[]>(sql, ...params))[0],
    close: async () => undefined,
  };
}

/**
 * A reader for the database at `url`.
 * @example const rows = await createHotReader(url).all<{ balance: number }>(`SELECT "balance" FROM "LoyaltyAccount" WHERE "shop" = ?`, [shop])
 */
export function createHotReader(url: string): HotReader {
  if (databaseKind(url) === "postgres") return postgresReader(url);
  const file = url.replace(/^file:/, "");
  return file === ":memory:" || file.startsWith(":memory:?") ? prismaReader() : sqliteReader(file);
}

declare global {
  var rapportHotReader: HotReader | undefined;
}

/**
 * The process's hot reader on the app database, opened on first use.
 * @example const [row] = await hotReader().all<{ balance: number }>(sql, [shop, customerGid])
 */
export function hotReader(): HotReader {
  return (globalThis.rapportHotReader ??= createHotReader(env.DATABASE_URL));
}

/** Closes the hot reader (tests, shutdown); the next read opens a new one. */
export async function closeHotReader(): Promise<void> {
  const reader = globalThis.rapportHotReader;
  globalThis.rapportHotReader = undefined;
  await reader?.close();
}
