import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`pending_authors\` text;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_pending_authors\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`pending_authors\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_pending_authors\`;`)
}
