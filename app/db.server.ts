import { createPrismaClient, type Db } from "./db-client.server";
import { env } from "./env.server";

export type { Db };

declare global {
  var rapportPrisma: Db | undefined;
}

// One client per process, kept on globalThis so Vite's dev reloads do not open a new pool per edit.
const prisma: Db = (globalThis.rapportPrisma ??= createPrismaClient(env.DATABASE_URL));
export default prisma;
