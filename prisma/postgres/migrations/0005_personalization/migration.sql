-- CreateTable
CREATE TABLE "RecommendationList" (
    "shop" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecommendationList_pkey" PRIMARY KEY ("shop","subject")
);

-- CreateTable
CREATE TABLE "RecommendationBuild" (
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "builtAt" TIMESTAMP(3),
    "settings" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecommendationBuild_pkey" PRIMARY KEY ("shop")
);

