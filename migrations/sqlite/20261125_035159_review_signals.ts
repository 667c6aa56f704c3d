import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`needs_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`forbidden_term_findings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`phrases_needs_review_idx\` ON \`phrases\` (\`needs_review\`);`)
  await db.run(sql`CREATE INDEX \`phrases_forbidden_term_findings_idx\` ON \`phrases\` (\`forbidden_term_findings\`);`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_needs_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_forbidden_term_findings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_needs_review_idx\` ON \`_phrases_v\` (\`version_needs_review\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_forbidden_term_findings_idx\` ON \`_phrases_v\` (\`version_forbidden_term_findings\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`phrases_needs_review_idx\`;`)
  await db.run(sql`DROP INDEX \`phrases_forbidden_term_findings_idx\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`needs_review\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`forbidden_term_findings\`;`)
  await db.run(sql`DROP INDEX \`_phrases_v_version_version_needs_review_idx\`;`)
  await db.run(sql`DROP INDEX \`_phrases_v_version_version_forbidden_term_findings_idx\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_needs_review\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_forbidden_term_findings\`;`)
}
