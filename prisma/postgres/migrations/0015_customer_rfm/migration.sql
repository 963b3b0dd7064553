-- RFM scores move out of Customer into their own table (docs/decisions/012): a change of segment
-- rewrote the customer's row in all of Customer's indexes, where here a first scoring is an insert.
-- No foreign key to Customer: its check per inserted row was a quarter of a first scoring's time on
-- PostgreSQL, and the code that deletes a customer's data deletes these rows too.

-- CreateTable
CREATE TABLE "CustomerRfm" (
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "recency" INTEGER NOT NULL,
    "frequency" INTEGER NOT NULL,
    "monetary" INTEGER NOT NULL,
    "segment" TEXT NOT NULL,
    "lastOrderAt" TIMESTAMP(3) NOT NULL,
    "ordersCount" INTEGER NOT NULL,
    "netSpentMinor" BIGINT NOT NULL,

    CONSTRAINT "CustomerRfm_pkey" PRIMARY KEY ("shop", "customerGid")
);

-- The scores held so far (a customer without a last order is not ranked).
INSERT INTO "CustomerRfm" ("shop", "customerGid", "recency", "frequency", "monetary", "segment", "lastOrderAt", "ordersCount", "netSpentMinor")
SELECT "shop", "customerGid", "rfmRecency", "rfmFrequency", "rfmMonetary", "rfmSegment", "lastOrderAt", "ordersCount", "netSpentMinor"
FROM "Customer"
WHERE "rfmSegment" IS NOT NULL AND "rfmRecency" IS NOT NULL AND "rfmFrequency" IS NOT NULL AND "rfmMonetary" IS NOT NULL AND "lastOrderAt" IS NOT NULL;

-- CreateIndex
-- One index per segment in net-spend order carrying the other two measures: pages of a segment in any
-- measure's order are read from it alone (each further index cost a first scoring as much as the table).
CREATE INDEX "CustomerRfm_segment_pages_idx" ON "CustomerRfm"("shop", "segment", "netSpentMinor", "customerGid", "lastOrderAt", "ordersCount");

-- DropIndex
DROP INDEX "Customer_shop_rfmSegment_netSpentMinor_customerGid_idx";

-- AlterTable
ALTER TABLE "Customer" DROP COLUMN "rfmRecency";
ALTER TABLE "Customer" DROP COLUMN "rfmFrequency";
ALTER TABLE "Customer" DROP COLUMN "rfmMonetary";
ALTER TABLE "Customer" DROP COLUMN "rfmSegment";
