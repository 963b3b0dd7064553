-- CreateTable
CREATE TABLE "LoyaltyMirrorMark" (
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyMirrorMark_pkey" PRIMARY KEY ("shop","customerGid")
);

-- CreateIndex
CREATE INDEX "LoyaltyMirrorMark_shop_markedAt_idx" ON "LoyaltyMirrorMark"("shop", "markedAt");
