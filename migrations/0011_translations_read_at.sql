-- When the shop's product translations were last read in full (server/translations/translation-refresher.ts).
-- Shopify sends no webhook for a translation edit, so the whole catalog's translations are read again when a page in
-- another language finds this older than 6 hours. Kept in the database, not in one process's memory, so a restart
-- (or a second process) does not read the whole catalog again through the Admin API. Null until the first read.
ALTER TABLE `shops` ADD `translations_read_at` text;
