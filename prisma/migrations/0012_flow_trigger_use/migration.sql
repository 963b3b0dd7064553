-- CreateTable
CREATE TABLE "FlowTriggerUse" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "reportedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "handle")
);
