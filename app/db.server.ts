import { createPrismaClient, type Db } from "./db-client.server";
import { env } from "./env.server";

export type { Db };

declare global {
  // eslint-disable-next-line no-var
  var rapportPrisma: Promise<Db> | undefined;
}

// One client per process, kept on globalThis so Vite's dev reloads do not open a new pool per edit.
globalThis.rapportPrisma ??= createPrismaClient(env.DATABASE_URL);

const prisma: Db = await globalThis.rapportPrisma;
export default prisma;
