import { copyFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach } from "vitest";
import { POSTGRES_ADMIN_URL, POSTGRES_TEMPLATE_DB, SQLITE_TEMPLATE, testDatabaseKind } from "./database-names";

// One fresh, migrated database per test file, copied from the template (epic-stack tests/setup/):
// test files never see each other's rows, and they can run in parallel.
const id = `${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;

if (testDatabaseKind() === "postgres") {
  const name = `rapport_test_${id}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE_DB}`);
  await admin.end();
  process.env.DATABASE_URL = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  afterAll(async () => {
    await (globalThis as { rapportPrisma?: { $disconnect(): Promise<void> } }).rapportPrisma?.$disconnect();
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
} else {
  const file = path.join(path.dirname(SQLITE_TEMPLATE), `test-${id}.db`);
  copyFileSync(SQLITE_TEMPLATE, file);
  process.env.DATABASE_URL = `file:${file}`;
}

// Each test starts from empty tables (the file's database is its own; tests inside it share it).
beforeEach(async () => {
  const { default: prisma } = await import("../../app/db.server");
  const { forgetKnownShop } = await import("../../app/shops/known-shops.server");
  const { forgetStorefrontProgram } = await import("../../app/loyalty/storefront/panel-reads.server");
  forgetKnownShop();
  forgetStorefrontProgram();
  await prisma.$transaction([
    prisma.segmentMember.deleteMany(),
    prisma.segment.deleteMany(),
    prisma.customerDataExport.deleteMany(),
    prisma.visitorLink.deleteMany(),
    prisma.interaction.deleteMany(),
    prisma.orderLine.deleteMany(),
    prisma.order.deleteMany(),
    prisma.refundLine.deleteMany(),
    prisma.refund.deleteMany(),
    prisma.ledgerEntry.deleteMany(),
    prisma.loyaltyAccount.deleteMany(),
    prisma.redemption.deleteMany(),
    prisma.loyaltyReward.deleteMany(),
    prisma.loyaltyTier.deleteMany(),
    prisma.customer.deleteMany(),
    prisma.productCollection.deleteMany(),
    prisma.productVariant.deleteMany(),
    prisma.product.deleteMany(),
    prisma.webhookDelivery.deleteMany(),
    prisma.job.deleteMany(),
    prisma.backfillRun.deleteMany(),
    prisma.metafieldValue.deleteMany(),
    prisma.recommendationEvent.deleteMany(),
    prisma.recommendationList.deleteMany(),
    prisma.recommendationBuild.deleteMany(),
    prisma.loyaltyProgram.deleteMany(),
    prisma.session.deleteMany(),
    prisma.shop.deleteMany(),
  ]);
  // And every table not listed above (found through the datamodel, so a new table cannot be missed).
  const { MODELS, delegateOf } = await import("../../app/compliance/customer-rows.server");
  for (const model of MODELS) await delegateOf(prisma as never, model.name).deleteMany({ where: {} });
});
