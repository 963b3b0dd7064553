-- CreateTable
CREATE TABLE "MetafieldValue" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "ownerGid" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3),

    CONSTRAINT "MetafieldValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetafieldValue_shop_status_idx" ON "MetafieldValue"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MetafieldValue_shop_ownerGid_namespace_key_key" ON "MetafieldValue"("shop", "ownerGid", "namespace", "key");

