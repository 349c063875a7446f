CREATE TABLE `recommendation_feedback` (
	`shop` text NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`shop`, `customer_id`, `product_id`)
);
--> statement-breakpoint
CREATE TABLE `recommendation_impressions` (
	`shop` text NOT NULL,
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`surface` text NOT NULL,
	`shown_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `recommendation_impressions_customer_idx` ON `recommendation_impressions` (`shop`,`customer_id`,`shown_at`);--> statement-breakpoint
CREATE TABLE `shopper_settings` (
	`shop` text NOT NULL,
	`customer_id` integer NOT NULL,
	`personalization` text NOT NULL,
	`declared_topics` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `customer_id`)
);
