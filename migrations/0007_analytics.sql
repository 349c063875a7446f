-- Analytics (README, "Analytics"). Orders keep the two marks the storefront puts on a cart, and only then the money
-- needed to measure them: a line added from a Tacto pick keeps its surface and its net amount; an order from a shopper
-- in an experiment keeps the experiment mark and its current subtotal. Counters are daily aggregates: no customer,
-- no page view, no product handle. Every table is keyed by shop (shop/redact finds them from the schema).
ALTER TABLE `orders` ADD `experiment` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `subtotal` real;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `surface` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `net_amount` real;--> statement-breakpoint
CREATE INDEX `orders_experiment_idx` ON `orders` (`shop`,`experiment`) WHERE `experiment` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `order_lines_surface_idx` ON `order_lines` (`shop`,`surface`) WHERE `surface` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `block_counters` (
	`shop` text NOT NULL,
	`day` text NOT NULL,
	`surface` text NOT NULL,
	`block` text NOT NULL,
	`shown` integer DEFAULT 0 NOT NULL,
	`clicked` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `day`, `surface`, `block`)
);--> statement-breakpoint
CREATE TABLE `experiment_enrolments` (
	`shop` text NOT NULL,
	`day` text NOT NULL,
	`experiment_id` integer NOT NULL,
	`arm` text NOT NULL,
	`shoppers` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `day`, `experiment_id`, `arm`)
);--> statement-breakpoint
CREATE TABLE `feedback_counters` (
	`shop` text NOT NULL,
	`day` text NOT NULL,
	`reason` text NOT NULL,
	`product_type` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `day`, `reason`, `product_type`)
);--> statement-breakpoint
CREATE TABLE `followup_counters` (
	`shop` text NOT NULL,
	`day` text NOT NULL,
	`unsubscribed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop`, `day`)
);--> statement-breakpoint
CREATE TABLE `experiments` (
	`shop` text NOT NULL,
	`id` integer NOT NULL,
	`question` text NOT NULL,
	`holdout_percent` integer NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	PRIMARY KEY(`shop`, `id`)
);
