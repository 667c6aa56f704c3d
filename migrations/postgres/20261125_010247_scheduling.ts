import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_scheduled_runs_job" AS ENUM('publish', 'expire');
  CREATE TYPE "public"."enum_scheduled_runs_status" AS ENUM('running', 'succeeded', 'failed');
  CREATE TABLE "scheduled_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"job" "enum_scheduled_runs_job" NOT NULL,
  	"phrase_id" integer NOT NULL,
  	"phrase_key" varchar,
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"attempt" numeric NOT NULL,
  	"claim" varchar NOT NULL,
  	"status" "enum_scheduled_runs_status" NOT NULL,
  	"error" varchar,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "phrases" ADD COLUMN "publish_at" timestamp(3) with time zone;
  ALTER TABLE "phrases" ADD COLUMN "change_action" varchar;
  ALTER TABLE "phrases" ADD COLUMN "changed_by" varchar;
  ALTER TABLE "phrases" ADD COLUMN "change_comment" varchar;
  ALTER TABLE "phrases" ADD COLUMN "approved_by" varchar;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_change_action" varchar;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_changed_by" varchar;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_change_comment" varchar;
  ALTER TABLE "_phrases_v" ADD COLUMN "version_approved_by" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scheduled_runs_id" integer;
  ALTER TABLE "scheduled_runs" ADD CONSTRAINT "scheduled_runs_phrase_id_phrases_id_fk" FOREIGN KEY ("phrase_id") REFERENCES "public"."phrases"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "scheduled_runs_job_idx" ON "scheduled_runs" USING btree ("job");
  CREATE INDEX "scheduled_runs_phrase_idx" ON "scheduled_runs" USING btree ("phrase_id");
  CREATE UNIQUE INDEX "scheduled_runs_claim_idx" ON "scheduled_runs" USING btree ("claim");
  CREATE INDEX "scheduled_runs_status_idx" ON "scheduled_runs" USING btree ("status");
  CREATE INDEX "scheduled_runs_updated_at_idx" ON "scheduled_runs" USING btree ("updated_at");
  CREATE INDEX "scheduled_runs_created_at_idx" ON "scheduled_runs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scheduled_runs_fk" FOREIGN KEY ("scheduled_runs_id") REFERENCES "public"."scheduled_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "phrases_publish_at_idx" ON "phrases" USING btree ("publish_at");
  CREATE INDEX "_phrases_v_version_version_publish_at_idx" ON "_phrases_v" USING btree ("version_publish_at");
  CREATE INDEX "payload_locked_documents_rels_scheduled_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("scheduled_runs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "scheduled_runs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "scheduled_runs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scheduled_runs_fk";
  
  DROP INDEX "phrases_publish_at_idx";
  DROP INDEX "_phrases_v_version_version_publish_at_idx";
  DROP INDEX "payload_locked_documents_rels_scheduled_runs_id_idx";
  ALTER TABLE "phrases" DROP COLUMN "publish_at";
  ALTER TABLE "phrases" DROP COLUMN "change_action";
  ALTER TABLE "phrases" DROP COLUMN "changed_by";
  ALTER TABLE "phrases" DROP COLUMN "change_comment";
  ALTER TABLE "phrases" DROP COLUMN "approved_by";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_publish_at";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_change_action";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_changed_by";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_change_comment";
  ALTER TABLE "_phrases_v" DROP COLUMN "version_approved_by";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scheduled_runs_id";
  DROP TYPE "public"."enum_scheduled_runs_job";
  DROP TYPE "public"."enum_scheduled_runs_status";`)
}
