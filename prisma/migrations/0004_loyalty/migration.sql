-- CreateTable
CREATE TABLE "LoyaltyAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "lifetimeEarned" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" DATETIME,
    "tier" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LoyaltyReward" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_LoyaltyProgram" ("pointsPerCurrencyUnit", "shop", "updatedAt") SELECT "pointsPerCurrencyUnit", "shop", "updatedAt" FROM "LoyaltyProgram";
DROP TABLE "LoyaltyProgram";
ALTER TABLE "new_LoyaltyProgram" RENAME TO "LoyaltyProgram";
CREATE TABLE "new_LedgerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sourceGid" TEXT,
    "bucket" TEXT NOT NULL DEFAULT 'available',
    "availableAt" DATETIME,
    "basisMinor" BIGINT,
    "rate" INTEGER,
    "staff" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_LedgerEntry" ("createdAt", "customerGid", "id", "idempotencyKey", "points", "reason", "shop", "sourceGid") SELECT "createdAt", "customerGid", "id", "idempotencyKey", "points", "reason", "shop", "sourceGid" FROM "LedgerEntry";
DROP TABLE "LedgerEntry";
ALTER TABLE "new_LedgerEntry" RENAME TO "LedgerEntry";
CREATE INDEX "LedgerEntry_shop_customerGid_idx" ON "LedgerEntry"("shop", "customerGid");
CREATE INDEX "LedgerEntry_shop_sourceGid_idx" ON "LedgerEntry"("shop", "sourceGid");
CREATE UNIQUE INDEX "LedgerEntry_shop_idempotencyKey_key" ON "LedgerEntry"("shop", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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



-- Accounts for the balances already in the ledger (docs/decisions/007): every posting so far was spendable.
INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "balance", "pending", "lifetimeEarned", "version", "lastActivityAt", "updatedAt")
SELECT lower(hex(randomblob(16))), "shop", "customerGid", SUM("points"), 0, SUM(CASE WHEN "reason" LIKE 'earn%' THEN "points" ELSE 0 END), 1, MAX("createdAt"), CURRENT_TIMESTAMP
FROM "LedgerEntry" GROUP BY "shop", "customerGid";
