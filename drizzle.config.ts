import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes SQL migrations into migrations/; the server applies them at boot.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/sqlite/schema.ts',
  out: './migrations',
});
