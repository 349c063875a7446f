-- Follow-ups in the buyer's language: one template per language Tacto speaks (server/i18n/locales.ts: en, es,
-- pt-BR). A language without a row sends its starting template (server/followups/compose/words.ts), so starters
-- improved in a later release reach every shop that never edited them; a row appears when the merchant saves
-- that language. The shop's one existing template moves here under its own language ('pt' is now 'pt-BR').
CREATE TABLE `followup_templates` (
	`shop` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`shop`, `locale`)
);
--> statement-breakpoint
INSERT INTO `followup_templates` (`shop`, `locale`, `subject`, `body`, `updated_at`)
	SELECT `shop`, CASE `locale` WHEN 'pt' THEN 'pt-BR' ELSE `locale` END, `subject`, `body`, `updated_at` FROM `followup_flows`;
--> statement-breakpoint
ALTER TABLE `followup_flows` DROP COLUMN `locale`;
--> statement-breakpoint
ALTER TABLE `followup_flows` DROP COLUMN `subject`;
--> statement-breakpoint
ALTER TABLE `followup_flows` DROP COLUMN `body`;
--> statement-breakpoint
-- The language the buyer shopped in (Shopify's Order.customerLocale), as one of Tacto's locales or null: the
-- follow-up's language when the customer record has none. A language, nothing that identifies anyone.
ALTER TABLE `orders` ADD `customer_locale` text;
