CREATE TABLE `backfills` (
	`shop` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`stage` text NOT NULL,
	`bulk_operation_id` text,
	`lines_done` integer DEFAULT 0 NOT NULL,
	`orders_estimated` integer,
	`all_orders_visible` integer NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`shop` text NOT NULL,
	`id` integer NOT NULL,
	`marketing_state` text NOT NULL,
	`consent_updated_at` text,
	`email` text,
	`first_name` text,
	`locale` text,
	`time_zone_hint` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `id`)
);
--> statement-breakpoint
CREATE TABLE `data_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop` text NOT NULL,
	`customer_id` integer NOT NULL,
	`requested_at` text NOT NULL,
	`export` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`shop` text NOT NULL,
	`id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer,
	`variant_id` integer,
	`quantity` integer NOT NULL,
	`refunded_quantity` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `id`)
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`shop`,`order_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`shop` text NOT NULL,
	`id` integer NOT NULL,
	`customer_id` integer,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`fulfilled_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `id`)
);
--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`shop`,`customer_id`);--> statement-breakpoint
CREATE TABLE `product_collections` (
	`shop` text NOT NULL,
	`product_id` integer NOT NULL,
	`collection_id` integer NOT NULL,
	PRIMARY KEY(`shop`, `product_id`, `collection_id`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`shop` text NOT NULL,
	`id` integer NOT NULL,
	`title` text NOT NULL,
	`handle` text NOT NULL,
	`product_type` text NOT NULL,
	`category_id` text,
	`category_name` text,
	`tags` text NOT NULL,
	`image_url` text,
	`price` text,
	`available` integer NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop` text NOT NULL,
	`topic` text NOT NULL,
	`event_id` text NOT NULL,
	`webhook_id` text NOT NULL,
	`triggered_at` text,
	`payload` text NOT NULL,
	`received_at` text NOT NULL,
	`state` text NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_event_idx` ON `webhook_events` (`shop`,`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_events_state_idx` ON `webhook_events` (`state`,`seq`);