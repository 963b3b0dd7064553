-- AlterTable
ALTER TABLE "LoyaltyAccount" ADD COLUMN "birthDay" INTEGER;
ALTER TABLE "LoyaltyAccount" ADD COLUMN "birthMonth" INTEGER;
ALTER TABLE "LoyaltyAccount" ADD COLUMN "tierId" TEXT;
ALTER TABLE "LoyaltyAccount" ADD COLUMN "tierSince" DATETIME;

-- AlterTable
ALTER TABLE "LoyaltyReward" ADD COLUMN "tierId" TEXT;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN "weightedBasis" BIGINT;

-- CreateTable
CREATE TABLE "LoyaltyTier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "threshold" BIGINT NOT NULL,
    "earnMultiplierPct" INTEGER NOT NULL DEFAULT 100,
    "customerTag" TEXT,
    "freeShipping" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoyaltyProgram" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "pointsPerCurrencyUnit" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "name" TEXT NOT NULL DEFAULT 'Rewards',
    "pointsLabel" TEXT NOT NULL DEFAULT 'Points',
    "pendingDays" INTEGER NOT NULL DEFAULT 0,
    "releaseOnFulfilment" BOOLEAN NOT NULL DEFAULT false,
    "expiryDays" INTEGER,
    "languages" TEXT NOT NULL DEFAULT 'en',
    "includeShipping" BOOLEAN NOT NULL DEFAULT false,
    "includeTax" BOOLEAN NOT NULL DEFAULT false,
    "includeGiftCards" BOOLEAN NOT NULL DEFAULT false,
    "signupBonus" INTEGER NOT NULL DEFAULT 0,
    "birthdayBonus" INTEGER NOT NULL DEFAULT 0,
    "firstOrderBonus" INTEGER NOT NULL DEFAULT 0,
    "multipliers" TEXT NOT NULL DEFAULT '[]',
    "tierMetric" TEXT NOT NULL DEFAULT 'spend',
    "tierWindow" TEXT NOT NULL DEFAULT 'rolling12',
    "tierRetentionDays" INTEGER NOT NULL DEFAULT 0,
    "launchedAt" DATETIME,
    "pastOrders" TEXT,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_LoyaltyProgram" ("enabled", "expiryDays", "name", "pendingDays", "pointsLabel", "pointsPerCurrencyUnit", "releaseOnFulfilment", "shop", "updatedAt") SELECT "enabled", "expiryDays", "name", "pendingDays", "pointsLabel", "pointsPerCurrencyUnit", "releaseOnFulfilment", "shop", "updatedAt" FROM "LoyaltyProgram";
DROP TABLE "LoyaltyProgram";
ALTER TABLE "new_LoyaltyProgram" RENAME TO "LoyaltyProgram";
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
    "giftCard" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OrderLine" ("discountMinor", "id", "lineItemGid", "orderId", "productGid", "quantity", "shop", "sku", "title", "totalMinor", "unitPriceMinor", "variantGid") SELECT "discountMinor", "id", "lineItemGid", "orderId", "productGid", "quantity", "shop", "sku", "title", "totalMinor", "unitPriceMinor", "variantGid" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");
CREATE INDEX "OrderLine_shop_productGid_idx" ON "OrderLine"("shop", "productGid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_shop_name_key" ON "LoyaltyTier"("shop", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_shop_threshold_key" ON "LoyaltyTier"("shop", "threshold");

-- CreateIndex
CREATE INDEX "LoyaltyAccount_shop_birthMonth_birthDay_idx" ON "LoyaltyAccount"("shop", "birthMonth", "birthDay");

