import { createHash } from "node:crypto";
import path from "node:path";

export type TestDatabaseKind = "sqlite" | "postgres";

/** TEST_DB=postgres runs the integration tier on PostgreSQL; SQLite otherwise. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** One template per checkout, so test runs in two worktrees on one PostgreSQL never meet. */
export const POSTGRES_TEMPLATE_DB = `rapport_test_template_${createHash("sha1").update(process.cwd()).digest("hex").slice(0, 8)}`;
/** In a folder of its own: the SQLite tier empties it at start while the PostgreSQL tier may be running beside it. */
export const SQLITE_TEMPLATE = path.resolve("tests/.tmp/sqlite/template.db");
