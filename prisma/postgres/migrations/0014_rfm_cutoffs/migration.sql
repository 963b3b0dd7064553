-- DropIndex: nothing sorts or filters on gross spend (the list uses netSpentMinor), and every Customer
-- write (aggregates per order, RFM scores) paid for it.
DROP INDEX "Customer_shop_spentMinor_idx";

-- CreateTable
CREATE TABLE "RfmCutoffs" (
    "shop" TEXT NOT NULL,
    "buyers" INTEGER NOT NULL,
    "recencyCut1" TIMESTAMP(3),
    "recencyCut2" TIMESTAMP(3),
    "recencyCut3" TIMESTAMP(3),
    "recencyCut4" TIMESTAMP(3),
    "frequencyCut1" INTEGER,
    "frequencyCut2" INTEGER,
    "frequencyCut3" INTEGER,
    "frequencyCut4" INTEGER,
    "monetaryCut1" BIGINT,
    "monetaryCut2" BIGINT,
    "monetaryCut3" BIGINT,
    "monetaryCut4" BIGINT,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfmCutoffs_pkey" PRIMARY KEY ("shop")
);
