import { AsyncLocalStorage } from "node:async_hooks";
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
  const driver: { current: DriverStatements | null } = { current: null };
  // The adapter Prisma connects is remembered (and forgotten when Prisma disposes of it) for `driverOf`.
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connected = await connect();
    const dispose = connected.dispose.bind(connected);
    connected.dispose = () => {
      if (driver.current === connected) driver.current = null;
      return dispose();
    };
    // The transaction Prisma starts for an interactive `$transaction` is kept for `executeInTransaction`.
    const startTransaction = connected.startTransaction.bind(connected);
    connected.startTransaction = async (...args: Parameters<typeof startTransaction>) => {
      const transaction = await startTransaction(...args);
      const slot = openTransaction.getStore();
      if (slot && slot.transaction === null) {
        slot.transaction = transaction;
        // Once ended, never used again: a PostgreSQL connection goes back to the pool on commit/rollback.
        for (const end of ["commit", "rollback"] as const) {
          const finish = transaction[end].bind(transaction);
          transaction[end] = () => {
            slot.transaction = null;
            return finish();
          };
        }
      }
      return transaction;
    };
    driver.current = connected;
    return connected;
  };
  const db = databaseKind(url) === "postgres" ? (new PostgresPrismaClient({ adapter }) as unknown as Db) : new PrismaClient({ adapter });
  drivers.set(db, driver);
  driverUrls.set(db, url);
  // Each interactive transaction runs in its own slot, where the adapter's startTransaction (called
  // from within it) leaves the driver transaction it opened.
  const transaction = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  db.$transaction = ((...args: unknown[]) =>
    typeof args[0] === "function"
      ? openTransaction.run({ transaction: null }, () => transaction(...args))
      : transaction(...args)) as Db["$transaction"];
  return db;
}

/** The driver transaction under the interactive `$transaction` whose callback is running (see executeInTransaction). */
const openTransaction = new AsyncLocalStorage<{ transaction: DriverTransaction | null }>();

/**
 * Runs a raw statement inside the caller's interactive transaction, straight on the driver adapter's
 * transaction — the same connection and transaction Prisma's own `tx` queries use — when it can be
 * reached; otherwise through `tx.$executeRaw` (the same statement, the same effect).
 * Why: Prisma's raw-query path passes every argument through its query compiler (WebAssembly): for a
 * bulk insert whose rows travel as one JSON parameter of 1–2 MB (app/lib/insert-rows.server.ts) that
 * cost ≈ 40% more CPU than the statement itself on the driver (5,600 order lines: 117–168 ms against
 * 76–105 ms, docs/decisions/014). Errors are the adapter's own (`DriverAdapterError`, its cause naming
 * the kind, e.g. UniqueConstraintViolation): app/lib/prisma-errors.ts reads both forms.
 * @returns the number of rows the statement affected
 * @example await executeInTransaction(tx, SQL.sql`INSERT INTO "OrderLine" … FROM json_each(${json})`)
 */
export async function executeInTransaction(tx: Tx, statement: Prisma.Sql): Promise<number> {
  const transaction = openTransaction.getStore()?.transaction;
  // Only for a transaction client (it has no $transaction of its own): the app's client, called from
  // inside a transaction's callback, must not write into that transaction.
  if (!transaction || typeof (tx as { $transaction?: unknown }).$transaction === "function") return tx.$executeRaw(statement);
  const postgres = transaction.provider === "postgres";
  return transaction.executeRaw({
    sql: postgres ? statement.text : statement.sql,
    args: statement.values,
    argTypes: statement.values.map(argType),
  });
}

/**
 * Runs a query on the driver adapter (see `driverOf`), outside any transaction, and returns its rows as
 * objects keyed by column name, each value as the adapter reads it (text as strings).
 * Why: Prisma maps every row of a result through its engine; for the inbox's bodies (≈ 38 KB each in
 * the bench) a batch of 200 cost 63–69 ms of CPU through `findMany` against 6–43 ms here (docs/decisions/014).
 * @example const rows = await queryOnDriver(prisma, SQL.sql`SELECT "deliveryId", "body" FROM "WebhookDeliveryBody" WHERE …`)
 */
export async function queryOnDriver(db: Db, statement: Prisma.Sql): Promise<Record<string, unknown>[]> {
  const driver = await driverOf(db);
  const { columnNames, rows } = await driver.queryRaw({
    sql: databaseKind(driverUrls.get(db)) === "postgres" ? statement.text : statement.sql,
    args: statement.values,
    argTypes: statement.values.map(argType),
  });
  return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, row[i]])));
}

/** How the adapter should bind a value (as Prisma's engine would tell it). */
function argType(value: unknown): DriverStatement["argTypes"][number] {
  const scalarType =
    value === null || typeof value === "string"
      ? "string"
      : typeof value === "bigint"
        ? "bigint"
        : typeof value === "boolean"
          ? "boolean"
          : typeof value === "number"
            ? Number.isInteger(value)
              ? "int"
              : "float"
            : value instanceof Date
              ? "datetime"
              : null;
  if (scalarType === null) throw new TypeError(`executeInTransaction: cannot bind ${String(value)}`);
  return { scalarType, arity: "scalar" };
}

/** A statement for the driver adapter: `?` placeholders on SQLite, `$n` on PostgreSQL; each argument's type. */
export interface DriverStatement {
  sql: string;
  args: unknown[];
  argTypes: { scalarType: "string" | "int" | "bigint" | "float" | "boolean" | "datetime" | "json"; arity: "scalar" }[];
}

/** What the app uses of a connected driver adapter. */
export interface DriverStatements {
  executeRaw(statement: DriverStatement): Promise<number>;
  queryRaw(statement: DriverStatement): Promise<{ columnNames: string[]; rows: unknown[][] }>;
  startTransaction(): Promise<DriverTransaction>;
  dispose(): Promise<void>;
}

/** A driver adapter's transaction (Prisma's `Transaction`, the part the app uses). */
interface DriverTransaction {
  readonly provider: string;
  /** True when the adapter's commit() and rollback() end the transaction (libsql); false when the caller sends COMMIT/ROLLBACK (pg). */
  readonly options: { usePhantomQuery: boolean };
  executeRaw(statement: DriverStatement): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const END = (sql: "COMMIT" | "ROLLBACK"): DriverStatement => ({ sql, args: [], argTypes: [] });

/**
 * Runs statements on the driver adapter (see `driverOf`) in one transaction: all of them commit, or
 * none. The adapters end a transaction differently (libsql commits in `commit()`; pg's `commit()` only
 * releases the connection, Prisma's engine having sent COMMIT itself), so this does what the engine does.
 * @returns each statement's count of affected rows
 * @example await executeTogether(prisma, [insertDeliveries, insertBodies])
 */
export async function executeTogether(db: Db, statements: DriverStatement[]): Promise<number[]> {
  const tx = await (await driverOf(db)).startTransaction();
  const counts: number[] = [];
  try {
    for (const statement of statements) counts.push(await tx.executeRaw(statement));
    if (!tx.options.usePhantomQuery) await tx.executeRaw(END("COMMIT"));
  } catch (error) {
    if (!tx.options.usePhantomQuery) await tx.executeRaw(END("ROLLBACK")).catch(() => undefined);
    await tx.rollback();
    throw error;
  }
  // Outside the catch: commit() releases the adapter's lock or connection even when it fails, and
  // must not be followed by a rollback() that would release it twice.
  await tx.commit();
  return counts;
}

const drivers = new WeakMap<Db, { current: DriverStatements | null }>();
const driverUrls = new WeakMap<Db, string>();

/**
 * The driver adapter under a client — the same connection (SQLite, behind the adapter's own lock, so
 * never beside one of Prisma's transactions) or pool (PostgreSQL) that Prisma uses — for a statement
 * Prisma's own raw-query path makes expensive. Why: a multi-row INSERT of webhook bodies (~8 KB each)
 * cost ≈ 350 µs of CPU per row through `$executeRaw` (the client's query compiler and argument
 * serialisation) against ≈ 50 µs on the driver (dev measurement, 20-row batches). Arguments are mapped
 * by the adapter exactly as for Prisma's queries (dates as Prisma stores them).
 * @example await (await driverOf(prisma)).executeRaw({ sql, args, argTypes })
 */
export async function driverOf(db: Db): Promise<DriverStatements> {
  const driver = drivers.get(db);
  if (!driver) throw new Error("driverOf: the client was not made by createPrismaClient");
  if (!driver.current) await db.$connect();
  if (!driver.current) throw new Error("driverOf: the client did not connect its driver adapter");
  return driver.current;
}
