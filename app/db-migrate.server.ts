import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { createDriverAdapter, databaseKind, DEFAULT_DATABASE_URL } from "./db-adapter.server";

/**
 * Applies pending SQL migrations (prisma/migrations for SQLite, prisma/postgres/migrations for
 * PostgreSQL) through the same driver adapter the app uses, recording them in Prisma's own
 * `_prisma_migrations` table so `prisma migrate status` agrees.
 *
 * Why not `prisma migrate deploy`: on its JS engine Prisma's schema engine cannot read PostgreSQL's
 * `name` columns through @prisma/adapter-pg (prisma/orm#27403), so migrations fail on PostgreSQL.
 * One small runner serves both databases the same way (docs/decisions/001).
 *
 * @example await ensureMigrated("postgresql://postgres@127.0.0.1:5432/rapport") // ["0001_init"]
 */
export async function ensureMigrated(url: string = DEFAULT_DATABASE_URL, root = process.cwd()): Promise<string[]> {
  const kind = databaseKind(url);
  const dir = path.join(root, "prisma", ...(kind === "postgres" ? ["postgres"] : []), "migrations");
  const adapter = await createDriverAdapter(url).connect();
  try {
    await adapter.executeScript(
      `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" ${ts(kind)}, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" ${ts(kind)}, "started_at" ${ts(kind)} NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
    );
    const done = await adapter.queryRaw({
      sql: `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      args: [],
      argTypes: [],
    });
    const applied = new Set(done.rows.map((row) => String(row[0])));
    const pending = readdirSync(dir)
      .filter((name) => existsSync(path.join(dir, name, "migration.sql")) && !applied.has(name))
      .sort();
    for (const name of pending) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await adapter.executeScript(sql);
      await adapter.executeScript(
        `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count") VALUES ('${randomUUID()}','${checksum}',CURRENT_TIMESTAMP,'${name.replace(/'/g, "''")}',1)`,
      );
    }
    // SQLite in WAL mode: fold the log into the file, so the migrated file stands on its own (copies of it do).
    if (kind === "sqlite") await adapter.queryRaw({ sql: "PRAGMA wal_checkpoint(TRUNCATE)", args: [], argTypes: [] });
    return pending;
  } finally {
    await adapter.dispose();
  }
}

function ts(kind: "sqlite" | "postgres") {
  return kind === "postgres" ? "TIMESTAMPTZ" : "DATETIME";
}
