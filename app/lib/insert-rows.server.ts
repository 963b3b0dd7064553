import { SQL, type Tx } from "../db.server";

/** Bind parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows with multi-row INSERT statements inside the caller's transaction. Why not createMany:
 * Prisma's query compiler serialises every row through its engine, which cost more than the database
 * write for an order's lines and purchases (a third of order processing). Every row has the same keys
 * as the first; values are bound as parameters, as Prisma binds them (dates, bigints, numbers, text).
 * @example await insertRows(tx, "OrderLine", lines)
 */
export async function insertRows(tx: Tx, table: "OrderLine" | "Interaction", rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = SQL.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let at = 0; at < rows.length; at += perStatement) {
    const values = rows.slice(at, at + perStatement).map((row) => SQL.sql`(${SQL.join(columns.map((c) => row[c] ?? null))})`);
    await tx.$executeRaw`${head}${SQL.join(values)}`;
  }
}
