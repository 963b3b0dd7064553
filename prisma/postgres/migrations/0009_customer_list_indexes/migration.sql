-- The customer list's sorts, each with its tie-break (customerGid, same direction), and the default sort
-- within an RFM segment: a filtered, sorted page reads one index range in order instead of sorting every
-- match. (Only one segment index: each is rewritten for every customer whose segment changes.)
DROP INDEX "Customer_shop_lastOrderAt_idx";
DROP INDEX "Customer_shop_email_idx";
DROP INDEX "Customer_shop_rfmSegment_netSpentMinor_idx";
DROP INDEX "Customer_shop_netSpentMinor_idx";
DROP INDEX "Customer_shop_ordersCount_idx";
CREATE INDEX "Customer_shop_lastOrderAt_customerGid_idx" ON "Customer"("shop", "lastOrderAt", "customerGid");
CREATE INDEX "Customer_shop_netSpentMinor_customerGid_idx" ON "Customer"("shop", "netSpentMinor", "customerGid");
CREATE INDEX "Customer_shop_ordersCount_customerGid_idx" ON "Customer"("shop", "ordersCount", "customerGid");
CREATE INDEX "Customer_shop_email_customerGid_idx" ON "Customer"("shop", "email", "customerGid");
CREATE INDEX "Customer_shop_rfmSegment_netSpentMinor_customerGid_idx" ON "Customer"("shop", "rfmSegment", "netSpentMinor", "customerGid");
