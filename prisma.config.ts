import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, createDriverAdapter, DEFAULT_DATABASE_URL } from "./app/db-adapter.server";

// The schema's datasource reads DATABASE_URL; without it Prisma looks for a native engine to download.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

// Prisma's native engines cannot be downloaded here: the CLI runs on its JS engine with the same
// driver adapter the app uses (docs/decisions/001-prisma-driver-adapters.md).
const kind = databaseKind(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: kind === "postgres" ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  async adapter() {
    return createDriverAdapter(process.env.DATABASE_URL);
  },
});
