-- Product titles and handles in the shop's other published languages (Shopify's translations: Translate & Adapt or
-- another translation app), so picks on a Spanish or Portuguese storefront page read and link in that language.
-- Only `title` and `handle`; one row per product and language Tacto speaks (es, pt-BR, en). Keyed by shop first, so
-- shop/redact finds it from the schema; a product's rows go with the product.
CREATE TABLE `product_translations` (
	`shop` text NOT NULL,
	`product_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text,
	`handle` text,
	PRIMARY KEY(`shop`, `product_id`, `locale`)
);
--> statement-breakpoint
-- A translated handle names its product too: the storefront's seen and feedback beacons send the handle in the link.
CREATE INDEX `product_translations_handle_idx` ON `product_translations` (`shop`,`handle`);
