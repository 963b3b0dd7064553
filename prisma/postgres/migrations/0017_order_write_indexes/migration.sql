-- Fewer index entries for each recorded order (docs/decisions/014): an order of 30 lines writes 30
-- OrderLine and 30 purchase Interaction rows, and every index on them is one more b-tree insert and
-- more pages for the COMMIT to write.
-- - OrderLine ("shop", "productGid") serves no query: lines are read by their order ("orderId": settlement,
--   segments' bought-product and bought-collection rules, GDPR exports), never by shop and product.
-- - Interaction ("shop", "eventId") and ("shop", "visitorId", "at") hold only the rows that have an
--   event id (storefront events) or a visitor (anonymous shoppers): purchases have neither, and every
--   query on those columns names a value (=, IN), which implies NOT NULL, so the partial indexes serve
--   them all. Uniqueness is unchanged: NULLs were never equal to each other.

DROP INDEX "OrderLine_shop_productGid_idx";

DROP INDEX "Interaction_shop_eventId_key";
CREATE UNIQUE INDEX "Interaction_shop_eventId_key" ON "Interaction"("shop", "eventId") WHERE "eventId" IS NOT NULL;

DROP INDEX "Interaction_shop_visitorId_at_idx";
CREATE INDEX "Interaction_shop_visitorId_at_idx" ON "Interaction"("shop", "visitorId", "at") WHERE "visitorId" IS NOT NULL;
