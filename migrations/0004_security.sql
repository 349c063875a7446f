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
ALTER TABLE `webhook_events` ADD `subject_ids` text;--> statement-breakpoint
UPDATE `webhook_events` SET
	`subject_ids` = CASE WHEN json_valid(`payload`) THEN json_patch('{}', json_object(
		'order', CASE
			WHEN `topic` LIKE 'orders/%' AND json_type(`payload`, '$.id') = 'integer' THEN json_array(json_extract(`payload`, '$.id'))
			WHEN `topic` = 'refunds/create' AND json_type(`payload`, '$.order_id') = 'integer' THEN json_array(json_extract(`payload`, '$.order_id'))
		END,
		'refund', CASE WHEN `topic` = 'refunds/create' AND json_type(`payload`, '$.id') = 'integer' THEN json_array(json_extract(`payload`, '$.id')) END,
		'product', CASE WHEN `topic` LIKE 'products/%' AND json_type(`payload`, '$.id') = 'integer' THEN json_array(json_extract(`payload`, '$.id')) END,
		'customer', CASE
			WHEN json_type(`payload`, '$.customer_id') = 'integer' THEN json_array(json_extract(`payload`, '$.customer_id'))
			WHEN json_type(`payload`, '$.customer.id') = 'integer' THEN json_array(json_extract(`payload`, '$.customer.id'))
		END
	)) ELSE '{}' END,
	`payload` = '',
	`error` = substr(`error`, 1, 300),
	`attempts` = max(`attempts`, 1),
	`finished_at` = coalesce(`finished_at`, `received_at`)
WHERE `state` = 'dead';
