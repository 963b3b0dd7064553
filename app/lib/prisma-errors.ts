/**
 * True when Prisma reports a unique-constraint violation: P2002 from a model query, or P2010 (a raw
 * query failed) whose driver error is one — the bulk writes are raw statements — or the driver
 * adapter's own error when a statement went to it directly.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, name, cause } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    name?: string;
    cause?: { kind?: string };
  };
  return (
    code === "P2002" ||
    (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") ||
    // A statement sent straight to the driver adapter (db-client's executeInTransaction, executeTogether).
    (name === "DriverAdapterError" && cause?.kind === "UniqueConstraintViolation")
  );
}

/**
 * True when a transaction lost to a concurrent one and may simply run again: a unique violation on a
 * row the other created first, a write conflict or deadlock (P2034; PostgreSQL 40001/40P01), or SQLite
 * reporting the database busy.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if (isUniqueViolation(error)) return true;
  const { code, message, meta, cause } = error as {
    code?: string;
    message?: string;
    meta?: unknown;
    cause?: { originalCode?: string; originalMessage?: string };
  };
  if (code === "P2034") return true;
  // A driver adapter's own error (db-client's driverOf) carries the database's code and message as its
  // cause; a raw statement's driver error (P2010) carries them in `meta`.
  const said = `${message ?? ""} ${cause?.originalCode ?? ""} ${cause?.originalMessage ?? ""} ${meta ? JSON.stringify(meta) : ""}`;
  return /40P01|40001|deadlock detected|could not serialize|SQLITE_BUSY|database is locked/i.test(said);
}
