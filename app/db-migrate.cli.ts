// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the SQLite file).
import { ensureMigrated } from "./db-migrate.server";

const applied = await ensureMigrated(process.env.DATABASE_URL || undefined);
console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
