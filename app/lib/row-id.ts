import { randomUUID } from "node:crypto";

/**
 * A new row id for rows written in bulk (orders, their lines and purchases, customers, ledger
 * postings, inbox deliveries): a UUIDv7, which starts with the millisecond it was made. Why not
 * randomUUID: random keys land on random pages of the primary-key index (and of every index on a
 * foreign key to it), so each batch dirtied and wrote back pages all over them; time-ordered keys
 * append. Why by hand: the uuid package's v7 costs ~5 µs an id (a random fill per call), ten times
 * Node's randomUUID, whose random bits this keeps (version nibble set to 7, variant as it is).
 * @example newRowId() // "01a23b1b-2d50-7b2b-8ad0-cd1147807a83"
 */
export function newRowId(): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
  const ms = Date.now().toString(16).padStart(12, "0");
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${random.slice(15)}`;
}
