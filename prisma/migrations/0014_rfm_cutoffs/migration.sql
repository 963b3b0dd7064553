-- DropIndex: nothing sorts or filters on gross spend (the list uses netSpentMinor), and every Customer
-- write (aggregates per order, RFM scores) paid for it.
DROP INDEX "Customer_shop_spentMinor_idx";

-- CreateTable
CREATE TABLE "RfmCutoffs" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "buyers" INTEGER NOT NULL,
    "recencyCut1" DATETIME,
    "recencyCut2" DATETIME,
    "recencyCut3" DATETIME,
    "recencyCut4" DATETIME,
    "frequencyCut1" INTEGER,
    "frequencyCut2" INTEGER,
    "frequencyCut3" INTEGER,
    "frequencyCut4" INTEGER,
    "monetaryCut1" BIGINT,
    "monetaryCut2" BIGINT,
    "monetaryCut3" BIGINT,
    "monetaryCut4" BIGINT,
    "computedAt" DATETIME NOT NULL
);
