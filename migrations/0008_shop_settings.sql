-- The merchant's settings, one JSON document per shop and name (recommendation settings, market preset,
-- merchandising rules). Each feature validates its own document with zod on read and write; nothing about shoppers
-- is kept here. Keyed by shop, so shop/redact finds it from the schema.
CREATE TABLE `shop_settings` (
	`shop` text NOT NULL,
	`name` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `name`)
);
--> statement-breakpoint
-- A subscribed buyer's country (ISO 3166-1 alpha-2, from the default address; cleared with the other contact fields):
-- some duties follow the buyer's country (Argentina's removal notice in every follow-up, Mexico's optional purposes).
ALTER TABLE `customers` ADD `country` text;
