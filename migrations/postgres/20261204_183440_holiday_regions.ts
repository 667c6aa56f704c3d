import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_holidays_regions" AS ENUM('zh-TW', 'zh-HK', 'zh-CN');
  CREATE TABLE "holidays_regions" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_holidays_regions",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "holidays_regions" ADD CONSTRAINT "holidays_regions_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "holidays_regions_order_idx" ON "holidays_regions" USING btree ("order");
  CREATE INDEX "holidays_regions_parent_idx" ON "holidays_regions" USING btree ("parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "holidays_regions" CASCADE;
  DROP TYPE "public"."enum_holidays_regions";`)
}
