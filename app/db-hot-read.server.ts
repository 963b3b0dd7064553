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

/** A read asked of the SQLite reader, run with the others asked in the same turn of the event loop. */
interface QueuedRead {
  statement: Database.Statement<unknown[]>;
  params: readonly (string | number)[];
  first: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function sqliteReader(file: string): HotReader {
  const db = new Database(file);
  db.pragma("busy_timeout = 10000");
  db.pragma("query_only = ON");
  db.pragma("cache_size = -65536");
  db.pragma("mmap_size = 268435456");
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  // Every read asked during one turn of the event loop runs in one read transaction, at the end of the
  // turn (setImmediate). On its own each statement is a transaction, and taking and releasing its locks
  // (fcntl on the database file, fstat) cost more CPU than an indexed row does: measured with
  // process.cpuUsage on a 250,000-account table, ≈ 14 µs a lookup alone against ≈ 7.5 µs each when eight
  // share a transaction. Under load a turn carries the reads of several requests (the panel alone asks
  // several). A transaction begins at the flush, after the reads were asked, so each still sees every
  // commit made before it (of any process, WAL); a statement that fails rejects only its own read.
  const begin = db.prepare("BEGIN");
  const commit = db.prepare("COMMIT");
  let queue: QueuedRead[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    const together = batch.length > 1;
    try {
      if (together) begin.run();
    } catch (error) {
      for (const read of batch) read.reject(error as Error);
      return;
    }
    for (const read of batch) {
      try {
        const params = read.params as unknown[];
        read.resolve(read.first ? (read.statement.get(...params) ?? undefined) : read.statement.all(...params));
      } catch (error) {
        read.reject(error as Error);
      }
    }
    if (together) endRead();
  };
  // Ending a read transaction cannot lose anything; if COMMIT fails, ROLLBACK ends it so that the next
  // BEGIN does not fail too.
  const endRead = () => {
    try {
      commit.run();
    } catch {
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  };
  const ask = (sql: string, params: readonly (string | number)[], first: boolean) =>
    new Promise<unknown>((resolve, reject) => {
      let statement: Database.Statement<unknown[]>;
      try {
        statement = prepared(sql);
      } catch (error) {
        return reject(error as Error);
      }
      if (queue.push({ statement, params, first, resolve, reject }) === 1) setImmediate(flush);
    });
  return {
    all: <T>(sql: string, params: readonly (string | number)[]) => ask(sql, params, false) as Promise<T[]>,
    one: <T>(sql: string, params: readonly (string | number)[]) => ask(sql, params, true) as Promise<T | undefined>,
    close: async () => {
      db.close();
    },
  };
}

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
