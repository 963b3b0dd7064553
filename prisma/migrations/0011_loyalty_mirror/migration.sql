-- CreateTable
CREATE TABLE "LoyaltyMirrorMark" (
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "markedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "customerGid")
);

-- CreateIndex
CREATE INDEX "LoyaltyMirrorMark_shop_markedAt_idx" ON "LoyaltyMirrorMark"("shop", "markedAt");
