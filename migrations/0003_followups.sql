CREATE TABLE `followup_flows` (
	`shop` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`settings` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `followup_jobs` (
	`shop` text NOT NULL,
	`order_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`due_at` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`message_id` text,
	`sent_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `order_id`)
);
--> statement-breakpoint
CREATE INDEX `followup_jobs_due_idx` ON `followup_jobs` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `followup_jobs_customer_idx` ON `followup_jobs` (`shop`,`customer_id`,`status`);--> statement-breakpoint
CREATE TABLE `followup_personas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`signature` text NOT NULL,
	`from_address` text NOT NULL,
	`reply_to` text NOT NULL,
	`photo` blob,
	`reply_to_verified_at` text,
	`verification_hash` text,
	`verification_expires_at` text,
	`verification_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `followup_personas_shop_idx` ON `followup_personas` (`shop`);