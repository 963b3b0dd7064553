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
    driver.current = connected;
    return connected;
  };
  const db = databaseKind(url) === "postgres" ? (new PostgresPrismaClient({ adapter }) as unknown as Db) : new PrismaClient({ adapter });
  drivers.set(db, driver);
  return db;
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
  startTransaction(): Promise<DriverTransaction>;
  dispose(): Promise<void>;
}

/** A driver adapter's transaction (Prisma's `Transaction`, the part the app uses). */
interface DriverTransaction {
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
