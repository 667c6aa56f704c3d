import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_delivery_revisions_kind" AS ENUM('phrase', 'reference');
  CREATE TYPE "public"."enum_delivery_revisions_change" AS ENUM('published', 'withdrawn', 'changed');
  CREATE TYPE "public"."enum_phrase_usage_client_kind" AS ENUM('api-client', 'user');
  CREATE TABLE "delivery_revisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"revision" numeric NOT NULL,
  	"kind" "enum_delivery_revisions_kind" NOT NULL,
  	"key" varchar NOT NULL,
  	"change" "enum_delivery_revisions_change" NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "phrase_usage" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"locale" varchar NOT NULL,
  	"channel" varchar NOT NULL,
  	"client_kind" "enum_phrase_usage_client_kind" NOT NULL,
  	"client_id" varchar NOT NULL,
  	"client_name" varchar,
  	"at" timestamp(3) with time zone NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_revisions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "phrase_usage_id" integer;
  CREATE UNIQUE INDEX "delivery_revisions_revision_idx" ON "delivery_revisions" USING btree ("revision");
  CREATE INDEX "delivery_revisions_key_idx" ON "delivery_revisions" USING btree ("key");
  CREATE INDEX "phrase_usage_key_idx" ON "phrase_usage" USING btree ("key");
  CREATE INDEX "phrase_usage_client_id_idx" ON "phrase_usage" USING btree ("client_id");
  CREATE INDEX "phrase_usage_at_idx" ON "phrase_usage" USING btree ("at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_revisions_fk" FOREIGN KEY ("delivery_revisions_id") REFERENCES "public"."delivery_revisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_phrase_usage_fk" FOREIGN KEY ("phrase_usage_id") REFERENCES "public"."phrase_usage"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_delivery_revisions_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_revisions_id");
  CREATE INDEX "payload_locked_documents_rels_phrase_usage_id_idx" ON "payload_locked_documents_rels" USING btree ("phrase_usage_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "delivery_revisions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "phrase_usage" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "delivery_revisions" CASCADE;
  DROP TABLE "phrase_usage" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_revisions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_phrase_usage_fk";
  
  DROP INDEX "payload_locked_documents_rels_delivery_revisions_id_idx";
  DROP INDEX "payload_locked_documents_rels_phrase_usage_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_revisions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "phrase_usage_id";
  DROP TYPE "public"."enum_delivery_revisions_kind";
  DROP TYPE "public"."enum_delivery_revisions_change";
  DROP TYPE "public"."enum_phrase_usage_client_kind";`)
}
