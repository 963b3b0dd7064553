-- 0002: the histories re-cut (docs/decisions/004). Customers, products, orders and interactions are
-- projections of Shopify's data: they are emptied here and rebuilt from Shopify by a backfill job queued
-- for every installed shop at the end of this migration. The points ledger is kept as it is (columns
-- renamed): its idempotency keys are Shopify GIDs, so the rebuild cannot post anything twice.
DELETE FROM "Interaction";
DELETE FROM "OrderLine";
DELETE FROM "Order";
DELETE FROM "Customer";
DELETE FROM "Product";

-- DropForeignKey
ALTER TABLE "Order" DROP CONSTRAINT "Order_customerId_fkey";

-- DropIndex
DROP INDEX "Customer_shop_shopifyId_key";

-- DropIndex
DROP INDEX "Product_shop_shopifyId_key";

-- DropIndex
DROP INDEX "Order_customerId_idx";

-- DropIndex
DROP INDEX "Order_shop_shopifyId_key";

-- DropIndex
DROP INDEX "OrderLine_shop_productId_idx";

-- DropIndex
DROP INDEX "Interaction_shop_productId_idx";

-- DropIndex
DROP INDEX "Interaction_shop_customerId_idx";

-- DropIndex
DROP INDEX "Interaction_shop_sourceKey_key";

-- DropIndex
DROP INDEX "LedgerEntry_shop_customerId_idx";

-- AlterTable
ALTER TABLE "Shop" DROP COLUMN "backfillFinishedAt",
DROP COLUMN "backfillOperation",
DROP COLUMN "backfillOrders",
DROP COLUMN "backfillPhase",
DROP COLUMN "backfillProducts",
DROP COLUMN "backfillStatus",
ADD COLUMN     "ianaTimezone" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "reconciledThrough" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Customer" DROP COLUMN "shopifyId",
ADD COLUMN     "countryCode" TEXT,
ADD COLUMN     "customerGid" TEXT NOT NULL,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "emailMarketing" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "redactedAt" TIMESTAMP(3),
ADD COLUMN     "refundedMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "shopifyCreatedAt" TIMESTAMP(3),
ADD COLUMN     "smsMarketing" TEXT,
ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "state" TEXT,
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "spentMinor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "shopifyId",
ADD COLUMN     "available" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "compareAtPriceMinor" BIGINT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "productGid" TEXT NOT NULL,
ADD COLUMN     "productType" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "ratingCount" INTEGER,
ADD COLUMN     "ratingValue" DOUBLE PRECISION,
ADD COLUMN     "shopifyCreatedAt" TIMESTAMP(3),
ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "totalInventory" INTEGER,
ADD COLUMN     "vendor" TEXT,
ALTER COLUMN "priceMinor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "Order" DROP COLUMN "customerId",
DROP COLUMN "shopifyId",
ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'online',
ADD COLUMN     "countryCode" TEXT,
ADD COLUMN     "customerGid" TEXT,
ADD COLUMN     "discountMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "fulfillmentStatus" TEXT,
ADD COLUMN     "locationGid" TEXT,
ADD COLUMN     "orderGid" TEXT NOT NULL,
ADD COLUMN     "refundedMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "shippingMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "shopifyCreatedAt" TIMESTAMP(3),
ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "staffGid" TEXT,
ADD COLUMN     "subtotalMinor" BIGINT NOT NULL,
ADD COLUMN     "taxMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ALTER COLUMN "totalMinor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "OrderLine" DROP COLUMN "priceMinor",
DROP COLUMN "productId",
DROP COLUMN "variantId",
ADD COLUMN     "discountMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "lineItemGid" TEXT,
ADD COLUMN     "productGid" TEXT,
ADD COLUMN     "totalMinor" BIGINT NOT NULL,
ADD COLUMN     "unitPriceMinor" BIGINT NOT NULL,
ADD COLUMN     "variantGid" TEXT;

-- AlterTable
ALTER TABLE "Interaction" DROP COLUMN "customerId",
DROP COLUMN "productId",
DROP COLUMN "sourceKey",
ADD COLUMN     "customerGid" TEXT,
ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "productGid" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "LedgerEntry" RENAME COLUMN "customerId" TO "customerGid";
ALTER TABLE "LedgerEntry" RENAME COLUMN "sourceId" TO "sourceGid";

-- DropTable
DROP TABLE "ParkedWebhook";

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL,
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
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackfillRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductVariant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "priceMinor" BIGINT NOT NULL,
    "inventoryQuantity" INTEGER,
    "available" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ProductVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductCollection" (
    "productId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "collectionGid" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "ProductCollection_pkey" PRIMARY KEY ("productId","collectionGid")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "refundGid" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "refundedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "subtotalMinor" BIGINT,
    "totalMinor" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "subtotalMinor" BIGINT NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "apiVersion" TEXT,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "reason" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 10,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "progress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Customer_shop_lastOrderAt_idx" ON "Customer"("shop", "lastOrderAt");

-- CreateIndex
CREATE INDEX "Customer_shop_spentMinor_idx" ON "Customer"("shop", "spentMinor");

-- CreateIndex
CREATE INDEX "Customer_shop_email_idx" ON "Customer"("shop", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_shop_customerGid_key" ON "Customer"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "Product_shop_status_idx" ON "Product"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Product_shop_productGid_key" ON "Product"("shop", "productGid");

-- CreateIndex
CREATE INDEX "Order_shop_customerGid_processedAt_idx" ON "Order"("shop", "customerGid", "processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shop_orderGid_key" ON "Order"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "OrderLine_shop_productGid_idx" ON "OrderLine"("shop", "productGid");

-- CreateIndex
CREATE INDEX "Interaction_orderId_idx" ON "Interaction"("orderId");

-- CreateIndex
CREATE INDEX "Interaction_shop_kind_at_idx" ON "Interaction"("shop", "kind", "at");

-- CreateIndex
CREATE INDEX "Interaction_shop_productGid_kind_idx" ON "Interaction"("shop", "productGid", "kind");

-- CreateIndex
CREATE INDEX "Interaction_shop_customerGid_at_idx" ON "Interaction"("shop", "customerGid", "at");

-- CreateIndex
CREATE INDEX "Interaction_shop_visitorId_at_idx" ON "Interaction"("shop", "visitorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_shop_eventId_key" ON "Interaction"("shop", "eventId");

-- CreateIndex
CREATE INDEX "LedgerEntry_shop_customerGid_idx" ON "LedgerEntry"("shop", "customerGid");

-- AddForeignKey
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductCollection" ADD CONSTRAINT "ProductCollection_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rebuild every installed shop's histories from Shopify (the worker runs it on start).
INSERT INTO "Job" ("id", "shop", "kind", "key", "payload", "updatedAt")
SELECT 'migrate-0002-' || "shop", "shop", 'backfill', 'backfill:' || "shop", '{}', CURRENT_TIMESTAMP FROM "Shop" WHERE "uninstalledAt" IS NULL;
