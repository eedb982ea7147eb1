import { defineConfig } from 'drizzle-kit';

// SSD tables are declared without a schema, so the generated SQL leaves them unqualified and
// they are created in CAREBRIDGE_SSD_SCHEMA through search_path when migrations run.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
