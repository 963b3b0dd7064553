-- AlterTable
ALTER TABLE "LoyaltyProgram" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "expiryDays" INTEGER,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT 'Rewards',
ADD COLUMN     "pendingDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pointsLabel" TEXT NOT NULL DEFAULT 'Points',
ADD COLUMN     "releaseOnFulfilment" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "availableAt" TIMESTAMP(3),
ADD COLUMN     "basisMinor" BIGINT,
ADD COLUMN     "bucket" TEXT NOT NULL DEFAULT 'available',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "rate" INTEGER,
ADD COLUMN     "staff" TEXT;

-- CreateTable
CREATE TABLE "LoyaltyAccount" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "lifetimeEarned" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMP(3),
    "tier" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyReward" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pointsCost" INTEGER NOT NULL,
    "amountMinor" INTEGER,
    "percentage" INTEGER,
    "variantGid" TEXT,
    "minimumOrderMinor" INTEGER,
    "expiresAfterDays" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyReward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "pointsCost" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "discountGid" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoyaltyAccount_shop_lastActivityAt_idx" ON "LoyaltyAccount"("shop", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyAccount_shop_customerGid_key" ON "LoyaltyAccount"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "LoyaltyReward_shop_idx" ON "LoyaltyReward"("shop");

-- CreateIndex
CREATE INDEX "Redemption_shop_customerGid_idx" ON "Redemption"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "Redemption_shop_status_idx" ON "Redemption"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_shop_idempotencyKey_key" ON "Redemption"("shop", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_shop_code_key" ON "Redemption"("shop", "code");

-- CreateIndex
CREATE INDEX "LedgerEntry_shop_sourceGid_idx" ON "LedgerEntry"("shop", "sourceGid");



-- Accounts for the balances already in the ledger (docs/decisions/007): every posting so far was spendable.
INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "balance", "pending", "lifetimeEarned", "version", "lastActivityAt", "updatedAt")
SELECT md5("shop" || ' ' || "customerGid"), "shop", "customerGid", SUM("points"), 0, SUM(CASE WHEN "reason" LIKE 'earn%' THEN "points" ELSE 0 END), 1, MAX("createdAt"), CURRENT_TIMESTAMP
FROM "LedgerEntry" GROUP BY "shop", "customerGid";
