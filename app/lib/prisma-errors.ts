/** True when Prisma reports a unique-constraint violation (P2002): the row is already there. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * True when a transaction lost to a concurrent one and may simply run again: a unique violation on a
 * row the other created first, a write conflict or deadlock (P2034; PostgreSQL 40001/40P01), or SQLite
 * reporting the database busy.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, cause } = error as {
    code?: string;
    message?: string;
    cause?: { originalCode?: string; originalMessage?: string };
  };
  if (code === "P2002" || code === "P2034") return true;
  // A driver adapter's own error (db-client's driverOf) carries the database's code and message as its cause.
  const said = `${message ?? ""} ${cause?.originalCode ?? ""} ${cause?.originalMessage ?? ""}`;
  return /40P01|40001|deadlock detected|could not serialize|SQLITE_BUSY|database is locked/i.test(said);
}
