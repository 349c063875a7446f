-- Impressions count once per view: a storefront page view or a follow-up mail names its rows, and a product is
-- stored once per (shop, customer, view). Rows from before this migration have no view and stay as they are.
-- The storefront names products by handle, so products get an index on it.
ALTER TABLE `recommendation_impressions` ADD `view_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_impressions_view_idx` ON `recommendation_impressions` (`shop`,`customer_id`,`view_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `products_handle_idx` ON `products` (`shop`,`handle`);