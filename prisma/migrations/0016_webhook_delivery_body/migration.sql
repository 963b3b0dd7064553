-- A delivery's body moves out of WebhookDelivery into its own table (docs/decisions/014): SQLite rewrites
-- a whole row whose size changes, so the claim and the "done" update of each delivery rewrote its body
-- (38 KB on average in the bench) with it. Deleted with its delivery (cascade): pruning, a shop's
-- uninstall and redaction reach it as before.

-- CreateTable
CREATE TABLE "WebhookDeliveryBody" (
    "deliveryId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "WebhookDeliveryBody_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The bodies held so far.
INSERT INTO "WebhookDeliveryBody" ("deliveryId", "shop", "body") SELECT "id", "shop", "body" FROM "WebhookDelivery";

-- AlterTable
ALTER TABLE "WebhookDelivery" DROP COLUMN "body";
