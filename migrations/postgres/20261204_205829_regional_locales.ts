import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."_locales" ADD VALUE 'zh-TW' BEFORE 'en';
  ALTER TYPE "public"."_locales" ADD VALUE 'zh-HK' BEFORE 'en';
  ALTER TYPE "public"."_locales" ADD VALUE 'zh-CN' BEFORE 'en';
  ALTER TYPE "public"."enum__phrases_v_published_locale" ADD VALUE 'zh-TW' BEFORE 'en';
  ALTER TYPE "public"."enum__phrases_v_published_locale" ADD VALUE 'zh-HK' BEFORE 'en';
  ALTER TYPE "public"."enum__phrases_v_published_locale" ADD VALUE 'zh-CN' BEFORE 'en';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "phrases_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "_phrases_v_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "categories_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "scenarios_steps_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "scenarios_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "holidays_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "forbidden_terms_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  DROP TYPE "public"."_locales";
  CREATE TYPE "public"."_locales" AS ENUM('zh-Hant', 'zh-Hans', 'en');
  ALTER TABLE "phrases_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "_phrases_v_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "categories_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "scenarios_steps_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "scenarios_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "holidays_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "forbidden_terms_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "_phrases_v" ALTER COLUMN "published_locale" SET DATA TYPE text;
  DROP TYPE "public"."enum__phrases_v_published_locale";
  CREATE TYPE "public"."enum__phrases_v_published_locale" AS ENUM('zh-Hant', 'zh-Hans', 'en');
  ALTER TABLE "_phrases_v" ALTER COLUMN "published_locale" SET DATA TYPE "public"."enum__phrases_v_published_locale" USING "published_locale"::"public"."enum__phrases_v_published_locale";`)
}
