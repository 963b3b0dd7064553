-- 0002: the histories re-cut (docs/decisions/004). Customers, products, orders and interactions are
-- projections of Shopify's data: they are emptied here and rebuilt from Shopify by a backfill job queued
-- for every installed shop at the end of this migration. The points ledger is kept as it is (columns
-- renamed): its idempotency keys are Shopify GIDs, so the rebuild cannot post anything twice.
-- DropIndex
DROP INDEX "ParkedWebhook_shop_webhookId_key";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ParkedWebhook";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "phase" TEXT NOT NULL DEFAULT 'products',
    "operationGid" TEXT,
    "linesDone" INTEGER NOT NULL DEFAULT 0,
    "productsDone" INTEGER NOT NULL DEFAULT 0,
    "productsTotal" INTEGER,
    "customersDone" INTEGER NOT NULL DEFAULT 0,
    "customersTotal" INTEGER,
    "ordersDone" INTEGER NOT NULL DEFAULT 0,
    "ordersTotal" INTEGER,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ProductVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "priceMinor" BIGINT NOT NULL,
    "inventoryQuantity" INTEGER,
    "available" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProductCollection" (
    "productId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "collectionGid" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    PRIMARY KEY ("productId", "collectionGid"),
    CONSTRAINT "ProductCollection_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "refundGid" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "refundedAt" DATETIME NOT NULL,
    "note" TEXT,
    "subtotalMinor" BIGINT,
    "totalMinor" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "refundId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "subtotalMinor" BIGINT NOT NULL,
    CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "triggeredAt" DATETIME,
    "apiVersion" TEXT,
    "body" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" DATETIME,
    "reason" TEXT,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 10,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" DATETIME,
    "lastError" TEXT,
    "progress" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "reconciledThrough" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("currencyCode", "installedAt", "shop", "uninstalledAt", "updatedAt") SELECT "currencyCode", "installedAt", "shop", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "email" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "phone" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "state" TEXT,
    "emailMarketing" TEXT,
    "smsMarketing" TEXT,
    "countryCode" TEXT,
    "shopifyCreatedAt" DATETIME,
    "sourceUpdatedAt" DATETIME,
    "deletedAt" DATETIME,
    "redactedAt" DATETIME,
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "spentMinor" BIGINT NOT NULL DEFAULT 0,
    "refundedMinor" BIGINT NOT NULL DEFAULT 0,
    "firstOrderAt" DATETIME,
    "lastOrderAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_shop_lastOrderAt_idx" ON "Customer"("shop", "lastOrderAt");
CREATE INDEX "Customer_shop_spentMinor_idx" ON "Customer"("shop", "spentMinor");
CREATE INDEX "Customer_shop_email_idx" ON "Customer"("shop", "email");
CREATE UNIQUE INDEX "Customer_shop_customerGid_key" ON "Customer"("shop", "customerGid");
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "productType" TEXT,
    "vendor" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "publishedAt" DATETIME,
    "priceMinor" BIGINT NOT NULL DEFAULT 0,
    "compareAtPriceMinor" BIGINT,
    "imageUrl" TEXT,
    "totalInventory" INTEGER,
    "available" BOOLEAN NOT NULL DEFAULT true,
    "ratingValue" REAL,
    "ratingCount" INTEGER,
    "shopifyCreatedAt" DATETIME,
    "sourceUpdatedAt" DATETIME,
    "deletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE INDEX "Product_shop_handle_idx" ON "Product"("shop", "handle");
CREATE INDEX "Product_shop_status_idx" ON "Product"("shop", "status");
CREATE UNIQUE INDEX "Product_shop_productGid_key" ON "Product"("shop", "productGid");
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerGid" TEXT,
    "processedAt" DATETIME NOT NULL,
    "shopifyCreatedAt" DATETIME,
    "currencyCode" TEXT NOT NULL,
    "subtotalMinor" BIGINT NOT NULL,
    "totalMinor" BIGINT NOT NULL,
    "discountMinor" BIGINT NOT NULL DEFAULT 0,
    "shippingMinor" BIGINT NOT NULL DEFAULT 0,
    "taxMinor" BIGINT NOT NULL DEFAULT 0,
    "refundedMinor" BIGINT NOT NULL DEFAULT 0,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "sourceName" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'online',
    "locationGid" TEXT,
    "staffGid" TEXT,
    "countryCode" TEXT,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" DATETIME,
    "sourceUpdatedAt" DATETIME NOT NULL,
    "ingestedVia" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_shop_processedAt_idx" ON "Order"("shop", "processedAt");
CREATE INDEX "Order_shop_customerGid_processedAt_idx" ON "Order"("shop", "customerGid", "processedAt");
CREATE UNIQUE INDEX "Order_shop_orderGid_key" ON "Order"("shop", "orderGid");
CREATE TABLE "new_OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineItemGid" TEXT,
    "productGid" TEXT,
    "variantGid" TEXT,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" BIGINT NOT NULL,
    "discountMinor" BIGINT NOT NULL DEFAULT 0,
    "totalMinor" BIGINT NOT NULL,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");
CREATE INDEX "OrderLine_shop_productGid_idx" ON "OrderLine"("shop", "productGid");
CREATE TABLE "new_Interaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT,
    "visitorId" TEXT,
    "productGid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "weight" REAL NOT NULL DEFAULT 1,
    "at" DATETIME NOT NULL,
    "orderId" TEXT,
    "eventId" TEXT,
    CONSTRAINT "Interaction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "Interaction";
ALTER TABLE "new_Interaction" RENAME TO "Interaction";
CREATE INDEX "Interaction_orderId_idx" ON "Interaction"("orderId");
CREATE INDEX "Interaction_shop_kind_at_idx" ON "Interaction"("shop", "kind", "at");
CREATE INDEX "Interaction_shop_productGid_kind_idx" ON "Interaction"("shop", "productGid", "kind");
CREATE INDEX "Interaction_shop_customerGid_at_idx" ON "Interaction"("shop", "customerGid", "at");
CREATE INDEX "Interaction_shop_visitorId_at_idx" ON "Interaction"("shop", "visitorId", "at");
CREATE UNIQUE INDEX "Interaction_shop_eventId_key" ON "Interaction"("shop", "eventId");
CREATE TABLE "new_LedgerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sourceGid" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_LedgerEntry" ("createdAt", "id", "idempotencyKey", "points", "reason", "shop", "customerGid", "sourceGid") SELECT "createdAt", "id", "idempotencyKey", "points", "reason", "shop", "customerId", "sourceId" FROM "LedgerEntry";
DROP TABLE "LedgerEntry";
ALTER TABLE "new_LedgerEntry" RENAME TO "LedgerEntry";
CREATE INDEX "LedgerEntry_shop_customerGid_idx" ON "LedgerEntry"("shop", "customerGid");
CREATE UNIQUE INDEX "LedgerEntry_shop_idempotencyKey_key" ON "LedgerEntry"("shop", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BackfillRun_shop_startedAt_idx" ON "BackfillRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "ProductVariant_productId_idx" ON "ProductVariant"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductVariant_shop_variantGid_key" ON "ProductVariant"("shop", "variantGid");

-- CreateIndex
CREATE INDEX "ProductCollection_shop_collectionGid_idx" ON "ProductCollection"("shop", "collectionGid");

-- CreateIndex
CREATE INDEX "Refund_shop_orderGid_idx" ON "Refund"("shop", "orderGid");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_shop_refundGid_key" ON "Refund"("shop", "refundGid");

-- CreateIndex
CREATE INDEX "RefundLine_refundId_idx" ON "RefundLine"("refundId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_runAt_idx" ON "WebhookDelivery"("status", "runAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_status_receivedAt_idx" ON "WebhookDelivery"("shop", "status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_webhookId_key" ON "WebhookDelivery"("shop", "webhookId");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_kind_status_idx" ON "Job"("shop", "kind", "status");

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");


-- Rebuild every installed shop's histories from Shopify (the worker runs it on start).
INSERT INTO "Job" ("id", "shop", "kind", "key", "payload", "updatedAt")
SELECT 'migrate-0002-' || "shop", "shop", 'backfill', 'backfill:' || "shop", '{}', CURRENT_TIMESTAMP FROM "Shop" WHERE "uninstalledAt" IS NULL;
