-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "netSpentMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "rfmFrequency" INTEGER,
ADD COLUMN     "rfmMonetary" INTEGER,
ADD COLUMN     "rfmRecency" INTEGER,
ADD COLUMN     "rfmSegment" TEXT;

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "evaluatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentMember" (
    "shop" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,

    CONSTRAINT "SegmentMember_pkey" PRIMARY KEY ("segmentId","customerGid")
);

-- CreateTable
CREATE TABLE "CustomerDataExport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerDataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitorLink" (
    "shop" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorLink_pkey" PRIMARY KEY ("shop","visitorId")
);

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

-- CreateIndex
CREATE INDEX "Customer_shop_rfmSegment_netSpentMinor_idx" ON "Customer"("shop", "rfmSegment", "netSpentMinor");

-- CreateIndex
CREATE INDEX "Customer_shop_netSpentMinor_idx" ON "Customer"("shop", "netSpentMinor");

-- CreateIndex
CREATE INDEX "Customer_shop_ordersCount_idx" ON "Customer"("shop", "ordersCount");


-- Existing customers: net value from their aggregates.
UPDATE "Customer" SET "netSpentMinor" = "spentMinor" - "refundedMinor";
