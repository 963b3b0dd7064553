-- AlterTable
ALTER TABLE "LoyaltyAccount" ADD COLUMN     "tierHeldUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LoyaltyImport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploaded',
    "content" TEXT,
    "report" TEXT,
    "error" TEXT,
    "staff" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "LoyaltyImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyImportRow" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "customerGid" TEXT,
    "email" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "balance" INTEGER,
    "earned" INTEGER,
    "spent" INTEGER,
    "tierName" TEXT,
    "tierId" TEXT,
    "beforeBalance" INTEGER,
    "beforeTier" TEXT,
    "pointsToPost" INTEGER,

    CONSTRAINT "LoyaltyImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoyaltyImport_shop_createdAt_idx" ON "LoyaltyImport"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "LoyaltyImportRow_importId_status_line_idx" ON "LoyaltyImportRow"("importId", "status", "line");

-- CreateIndex
CREATE INDEX "LoyaltyImportRow_shop_customerGid_idx" ON "LoyaltyImportRow"("shop", "customerGid");

