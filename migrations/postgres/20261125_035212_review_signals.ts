import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "phrases" ADD COLUMN "needs_review" boolean DEFAULT false;
  ALTER TABLE "phrases" ADD COLUMN "forbidden_term_findings" numeric DEFAULT 0;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_needs_review" boolean DEFAULT false;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_forbidden_term_findings" numeric DEFAULT 0;
  CREATE INDEX "phrases_needs_review_idx" ON "phrases" USING btree ("needs_review");
  CREATE INDEX "phrases_forbidden_term_findings_idx" ON "phrases" USING btree ("forbidden_term_findings");
  CREATE INDEX "_phrases_v_version_version_needs_review_idx" ON "_phrases_v" USING btree ("version_needs_review");
  CREATE INDEX "_phrases_v_version_version_forbidden_term_findings_idx" ON "_phrases_v" USING btree ("version_forbidden_term_findings");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "phrases_needs_review_idx";
  DROP INDEX "phrases_forbidden_term_findings_idx";
  DROP INDEX "_phrases_v_version_version_needs_review_idx";
  DROP INDEX "_phrases_v_version_version_forbidden_term_findings_idx";
  ALTER TABLE "phrases" DROP COLUMN "needs_review";
  ALTER TABLE "phrases" DROP COLUMN "forbidden_term_findings";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_needs_review";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_forbidden_term_findings";`)
}
