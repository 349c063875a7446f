CREATE TABLE `redaction_tombstones` (
	`shop` text NOT NULL,
	`subject` text NOT NULL,
	`redacted_at` text NOT NULL,
	PRIMARY KEY(`shop`, `subject`)
);
--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `finished_at` text;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `subject_ids` text;