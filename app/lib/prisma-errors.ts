/** True when Prisma reports a unique-constraint violation (P2002): the row is already there. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
