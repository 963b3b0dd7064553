import { dbKind, SQL, type Tx } from "../db.server";
import { executeInTransaction, type Prisma } from "../db-client.server";

/** Tables written in bulk by the recording paths. */
export type BulkTable = "Order" | "OrderLine" | "Interaction" | "Customer" | "LedgerEntry" | "LoyaltyAccount";

/** Rows per statement: a few MB of JSON at most. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Inserts rows inside the caller's transaction, many per statement. Every row has the same keys as the
 * first (the columns written); a value may be a string, number, bigint, boolean, Date or null.
 * Why not createMany or a multi-row VALUES list: Prisma's engine serialises and maps every bound value
 * (createMany cost 4× the database write for an order's lines, a VALUES list still 2×); here the rows
 * travel as one JSON parameter that the database unpacks itself (`json_each` on SQLite,
 * `json_populate_recordset` on PostgreSQL), so the cost no longer grows with the number of values; and
 * the statement goes straight to the driver's transaction (executeInTransaction), not through Prisma.
 * @example await insertRows(tx, "OrderLine", lines)
 */
export async function insertRows(tx: Tx, table: BulkTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = SQL.raw(columns.map((c) => `"${c}"`).join(", "));
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const source = jsonRows(columns, rows.slice(at, at + ROWS_PER_STATEMENT), { table }, "r");
    await executeInTransaction(tx, SQL.sql`INSERT INTO ${SQL.raw(`"${table}"`)} (${list}) SELECT ${list} FROM ${source}`);
  }
}

/** PostgreSQL types of ad-hoc columns (a table's own columns take the table's types). */
export type ColumnType = "text" | "bigint" | "integer" | "boolean" | "double precision" | "timestamp(3)";

/**
 * A FROM-clause source of rows sent as one JSON parameter, named `alias`, with the given columns:
 * typed as a table's columns (`table`), or by `types` for ad-hoc columns (PostgreSQL needs them;
 * SQLite's values keep their JSON type and take the affinity of the column they are written to).
 * @example SQL.sql`UPDATE … FROM ${jsonRows(["customerGid", "points"], rows, { types: { customerGid: "text", points: "integer" } }, "m")} WHERE …`
 */
export function jsonRows(
  columns: string[],
  rows: Record<string, unknown>[],
  shape: { table: BulkTable } | { types: Record<string, ColumnType> },
  alias: string,
): Prisma.Sql {
  if (dbKind === "postgres") {
    const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonValue(row[c], "postgres")]))));
    if ("table" in shape) return SQL.sql`json_populate_recordset(NULL::${SQL.raw(`"${shape.table}"`)}, ${json}::json) AS ${SQL.raw(alias)}`;
    const types = columns.map((c) => `"${c}" ${shape.types[c] ?? "text"}`).join(", ");
    return SQL.sql`json_to_recordset(${json}::json) AS ${SQL.raw(`${alias}(${types})`)}`;
  }
  const json = JSON.stringify(rows.map((row) => columns.map((c) => jsonValue(row[c], "sqlite"))));
  const select = columns.map((c, i) => `value->>${i} AS "${c}"`).join(", ");
  return SQL.sql`(SELECT ${SQL.raw(select)} FROM json_each(${json})) AS ${SQL.raw(alias)}`;
}

/**
 * A value as the driver adapters would bind it: dates as ISO text (SQLite's adapter writes `+00:00`
 * for `Z`), bigints as exact numbers (amounts are bounded far below 2^53) or digits, booleans as 0/1 on
 * SQLite, text well-formed (a lone surrogate becomes U+FFFD, as the UTF-8 a bound parameter is sent in).
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function jsonValue(value: unknown, kind: "sqlite" | "postgres"): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return SURROGATE.test(value) ? value.replace(LONE_SURROGATE, "\uFFFD") : value;
  if (value instanceof Date) return kind === "sqlite" ? value.toISOString().replace("Z", "+00:00") : value.toISOString();
  if (typeof value === "bigint")
    return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value.toString();
  if (typeof value === "boolean") return kind === "sqlite" ? (value ? 1 : 0) : value;
  return value;
}
