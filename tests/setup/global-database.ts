import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureMigrated } from "../../app/db-migrate.server";
import { POSTGRES_ADMIN_URL, POSTGRES_TEMPLATE_DB, SQLITE_TEMPLATE, testDatabaseKind } from "./database-names";

/** Migrates one template database per run; each test file then gets a fresh copy of it. */
export default async function setup() {
  if (testDatabaseKind() === "postgres") {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    await client.end();
    await ensureMigrated(POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${POSTGRES_TEMPLATE_DB}`));
    return;
  }
  rmSync(path.dirname(SQLITE_TEMPLATE), { recursive: true, force: true });
  mkdirSync(path.dirname(SQLITE_TEMPLATE), { recursive: true });
  const building = `${SQLITE_TEMPLATE}.building`;
  await ensureMigrated(`file:${building}`);
  copyFileSync(building, SQLITE_TEMPLATE);
}
