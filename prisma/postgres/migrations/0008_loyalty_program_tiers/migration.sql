-- AlterTable
ALTER TABLE "LoyaltyProgram" ADD COLUMN     "birthdayBonus" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstOrderBonus" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "includeGiftCards" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "includeShipping" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "includeTax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "languages" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "launchedAt" TIMESTAMP(3),
ADD COLUMN     "multipliers" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "pastOrders" TEXT,
ADD COLUMN     "signupBonus" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierMetric" TEXT NOT NULL DEFAULT 'spend',
ADD COLUMN     "tierRetentionDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierWindow" TEXT NOT NULL DEFAULT 'rolling12';

-- AlterTable
ALTER TABLE "LoyaltyAccount" ADD COLUMN     "birthDay" INTEGER,
ADD COLUMN     "birthMonth" INTEGER,
ADD COLUMN     "tierId" TEXT,
ADD COLUMN     "tierSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "LoyaltyReward" ADD COLUMN     "tierId" TEXT;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "giftCard" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "weightedBasis" BIGINT;

-- CreateTable
CREATE TABLE "LoyaltyTier" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "threshold" BIGINT NOT NULL,
    "earnMultiplierPct" INTEGER NOT NULL DEFAULT 100,
    "customerTag" TEXT,
    "freeShipping" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyTier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_shop_name_key" ON "LoyaltyTier"("shop", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_shop_threshold_key" ON "LoyaltyTier"("shop", "threshold");

-- CreateIndex
CREATE INDEX "LoyaltyAccount_shop_birthMonth_birthDay_idx" ON "LoyaltyAccount"("shop", "birthMonth", "birthDay");

