-- CreateTable
CREATE TABLE "RecommendationList" (
    "shop" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "builtAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "subject")
);

-- CreateTable
CREATE TABLE "RecommendationBuild" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "builtAt" DATETIME,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL
);

