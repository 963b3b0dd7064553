-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "evaluatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SegmentMember" (
    "shop" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,

    PRIMARY KEY ("segmentId", "customerGid")
);

-- CreateTable
CREATE TABLE "CustomerDataExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VisitorLink" (
    "shop" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "linkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "visitorId")
);

-- AlterTable (ADD COLUMN, not a table rebuild: other migrations add their own columns to Customer)
ALTER TABLE "Customer" ADD COLUMN "rfmRecency" INTEGER;
ALTER TABLE "Customer" ADD COLUMN "rfmFrequency" INTEGER;
ALTER TABLE "Customer" ADD COLUMN "rfmMonetary" INTEGER;
ALTER TABLE "Customer" ADD COLUMN "rfmSegment" TEXT;
ALTER TABLE "Customer" ADD COLUMN "netSpentMinor" BIGINT NOT NULL DEFAULT 0;
CREATE INDEX "Customer_shop_rfmSegment_netSpentMinor_idx" ON "Customer"("shop", "rfmSegment", "netSpentMinor");
CREATE INDEX "Customer_shop_netSpentMinor_idx" ON "Customer"("shop", "netSpentMinor");
CREATE INDEX "Customer_shop_ordersCount_idx" ON "Customer"("shop", "ordersCount");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_shop_name_key" ON "Segment"("shop", "name");

-- CreateIndex
CREATE INDEX "SegmentMember_shop_customerGid_idx" ON "SegmentMember"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "CustomerDataExport_shop_customerGid_idx" ON "CustomerDataExport"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "CustomerDataExport_shop_createdAt_idx" ON "CustomerDataExport"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "VisitorLink_shop_customerGid_idx" ON "VisitorLink"("shop", "customerGid");


-- Existing customers: net value from their aggregates.
UPDATE "Customer" SET "netSpentMinor" = "spentMinor" - "refundedMinor";
