-- CreateTable
CREATE TABLE "RecommendationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "customerGid" TEXT,
    "visitorId" TEXT,
    "productGid" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "strategy" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationEvent_shop_eventId_key" ON "RecommendationEvent"("shop", "eventId");

-- CreateIndex
CREATE INDEX "RecommendationEvent_shop_at_idx" ON "RecommendationEvent"("shop", "at");

-- CreateIndex
CREATE INDEX "RecommendationEvent_shop_productGid_at_idx" ON "RecommendationEvent"("shop", "productGid", "at");
