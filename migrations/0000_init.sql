CREATE TABLE `shopify_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`shop` text NOT NULL,
	`state` text NOT NULL,
	`isOnline` integer DEFAULT false NOT NULL,
	`scope` text,
	`expires` text,
	`accessToken` text NOT NULL,
	`userId` blob,
	`firstName` text,
	`lastName` text,
	`email` text,
	`accountOwner` integer,
	`locale` text,
	`collaborator` integer,
	`emailVerified` integer,
	`refreshToken` text,
	`refreshTokenExpires` text
);
--> statement-breakpoint
CREATE INDEX `shopify_sessions_shop_idx` ON `shopify_sessions` (`shop`);--> statement-breakpoint
CREATE TABLE `shops` (
	`shop` text PRIMARY KEY NOT NULL,
	`scopes` text NOT NULL,
	`installed_at` text NOT NULL,
	`uninstalled_at` text
);
