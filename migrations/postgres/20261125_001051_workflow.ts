import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "phrases" ADD COLUMN "pending_authors" jsonb;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_pending_authors" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "phrases" DROP COLUMN "pending_authors";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_pending_authors";`)
}
