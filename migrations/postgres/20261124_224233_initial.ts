import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('zh-Hant', 'zh-Hans', 'en');
  CREATE TYPE "public"."enum_phrases_channels" AS ENUM('phone', 'chat', 'email', 'sms');
  CREATE TYPE "public"."enum_phrases_source_script" AS ENUM('zh-Hant', 'zh-Hans');
  CREATE TYPE "public"."enum_phrases_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'retired');
  CREATE TYPE "public"."enum_phrases_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__phrases_v_version_channels" AS ENUM('phone', 'chat', 'email', 'sms');
  CREATE TYPE "public"."enum__phrases_v_version_source_script" AS ENUM('zh-Hant', 'zh-Hans');
  CREATE TYPE "public"."enum__phrases_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'published', 'retired');
  CREATE TYPE "public"."enum__phrases_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__phrases_v_published_locale" AS ENUM('zh-Hant', 'zh-Hans', 'en');
  CREATE TYPE "public"."enum_holidays_calendar" AS ENUM('solar', 'lunar');
  CREATE TYPE "public"."enum_forbidden_terms_class" AS ENUM('sarcasm', 'command', 'blame', 'grumble', 'lecture', 'deflect', 'irritation', 'casual_agreement', 'denial', 'indifference', 'impatience', 'vulgar');
  CREATE TYPE "public"."enum_forbidden_terms_severity" AS ENUM('block', 'warn');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer', 'auditor');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'edit', 'submit', 'approve', 'reject', 'publish', 'retire', 'restore', 'expire', 'import', 'glossary_change', 'role_change', 'login_failure', 'api_client_created');
  CREATE TYPE "public"."enum_audit_log_actor_kind" AS ENUM('user', 'api-client', 'system');
  CREATE TABLE "phrases_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_phrases_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "phrases_variables" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"description" varchar,
  	"example" varchar,
  	"fallback_zh_hant" varchar,
  	"fallback_zh_hans" varchar
  );
  
  CREATE TABLE "phrases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"category_id" integer,
  	"source_script" "enum_phrases_source_script" DEFAULT 'zh-Hant',
  	"variant_of_id" integer,
  	"holiday_id" integer,
  	"valid_from" timestamp(3) with time zone,
  	"valid_until" timestamp(3) with time zone,
  	"order" numeric DEFAULT 0,
  	"workflow_state" "enum_phrases_workflow_state" DEFAULT 'draft',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_phrases_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "phrases_locales" (
  	"title" varchar,
  	"text" varchar,
  	"machine_converted" boolean DEFAULT false,
  	"ambiguities" jsonb,
  	"agent_notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "phrases_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_phrases_v_version_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__phrases_v_version_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_phrases_v_version_variables" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"description" varchar,
  	"example" varchar,
  	"fallback_zh_hant" varchar,
  	"fallback_zh_hans" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_phrases_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_key" varchar,
  	"version_category_id" integer,
  	"version_source_script" "enum__phrases_v_version_source_script" DEFAULT 'zh-Hant',
  	"version_variant_of_id" integer,
  	"version_holiday_id" integer,
  	"version_valid_from" timestamp(3) with time zone,
  	"version_valid_until" timestamp(3) with time zone,
  	"version_order" numeric DEFAULT 0,
  	"version_workflow_state" "enum__phrases_v_version_workflow_state" DEFAULT 'draft',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__phrases_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__phrases_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_phrases_v_locales" (
  	"version_title" varchar,
  	"version_text" varchar,
  	"version_machine_converted" boolean DEFAULT false,
  	"version_ambiguities" jsonb,
  	"version_agent_notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_phrases_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "categories_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "scenarios_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"phrase_id" integer NOT NULL
  );
  
  CREATE TABLE "scenarios_steps_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "scenarios" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scenarios_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "holidays_dates" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"year" numeric NOT NULL,
  	"start" varchar NOT NULL,
  	"end" varchar NOT NULL
  );
  
  CREATE TABLE "holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"calendar" "enum_holidays_calendar" NOT NULL,
  	"month" numeric NOT NULL,
  	"day" numeric NOT NULL,
  	"start_offset_days" numeric DEFAULT 0,
  	"duration_days" numeric DEFAULT 1,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "holidays_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "forbidden_terms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"class" "enum_forbidden_terms_class" NOT NULL,
  	"severity" "enum_forbidden_terms_severity" DEFAULT 'block' NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "forbidden_terms_locales" (
  	"term" varchar NOT NULL,
  	"suggestion" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "forbidden_terms_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "glossary" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"term" varchar NOT NULL,
  	"protect" boolean DEFAULT false,
  	"overrides_zh_hant" varchar,
  	"overrides_zh_t_w" varchar,
  	"overrides_zh_h_k" varchar,
  	"overrides_zh_hans" varchar,
  	"overrides_zh_c_n" varchar,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "api_clients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"enabled" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sequence" numeric NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"summary" varchar,
  	"actor_kind" "enum_audit_log_actor_kind" NOT NULL,
  	"actor_id" varchar,
  	"actor_label" varchar,
  	"target_collection" varchar,
  	"document_id" varchar,
  	"document_key" varchar,
  	"locale" varchar,
  	"before" jsonb,
  	"after" jsonb,
  	"approver" varchar,
  	"comment" varchar,
  	"previous_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL
  );
  
  CREATE TABLE "audit_log_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"phrases_id" integer,
  	"categories_id" integer,
  	"scenarios_id" integer,
  	"holidays_id" integer,
  	"forbidden_terms_id" integer,
  	"glossary_id" integer,
  	"users_id" integer,
  	"api_clients_id" integer,
  	"audit_log_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"api_clients_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "phrases_channels" ADD CONSTRAINT "phrases_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."phrases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "phrases_variables" ADD CONSTRAINT "phrases_variables_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."phrases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "phrases" ADD CONSTRAINT "phrases_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "phrases" ADD CONSTRAINT "phrases_variant_of_id_phrases_id_fk" FOREIGN KEY ("variant_of_id") REFERENCES "public"."phrases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "phrases" ADD CONSTRAINT "phrases_holiday_id_holidays_id_fk" FOREIGN KEY ("holiday_id") REFERENCES "public"."holidays"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "phrases_locales" ADD CONSTRAINT "phrases_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."phrases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "phrases_texts" ADD CONSTRAINT "phrases_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."phrases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_phrases_v_version_channels" ADD CONSTRAINT "_phrases_v_version_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_phrases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_phrases_v_version_variables" ADD CONSTRAINT "_phrases_v_version_variables_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_phrases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_phrases_v" ADD CONSTRAINT "_phrases_v_parent_id_phrases_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."phrases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_phrases_v" ADD CONSTRAINT "_phrases_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_phrases_v" ADD CONSTRAINT "_phrases_v_version_variant_of_id_phrases_id_fk" FOREIGN KEY ("version_variant_of_id") REFERENCES "public"."phrases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_phrases_v" ADD CONSTRAINT "_phrases_v_version_holiday_id_holidays_id_fk" FOREIGN KEY ("version_holiday_id") REFERENCES "public"."holidays"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_phrases_v_locales" ADD CONSTRAINT "_phrases_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_phrases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_phrases_v_texts" ADD CONSTRAINT "_phrases_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_phrases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "categories_locales" ADD CONSTRAINT "categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scenarios_steps" ADD CONSTRAINT "scenarios_steps_phrase_id_phrases_id_fk" FOREIGN KEY ("phrase_id") REFERENCES "public"."phrases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scenarios_steps" ADD CONSTRAINT "scenarios_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scenarios_steps_locales" ADD CONSTRAINT "scenarios_steps_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."scenarios_steps"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scenarios_locales" ADD CONSTRAINT "scenarios_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "holidays_dates" ADD CONSTRAINT "holidays_dates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "holidays_locales" ADD CONSTRAINT "holidays_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "forbidden_terms_locales" ADD CONSTRAINT "forbidden_terms_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."forbidden_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "forbidden_terms_texts" ADD CONSTRAINT "forbidden_terms_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."forbidden_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log_texts" ADD CONSTRAINT "audit_log_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_phrases_fk" FOREIGN KEY ("phrases_id") REFERENCES "public"."phrases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scenarios_fk" FOREIGN KEY ("scenarios_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_holidays_fk" FOREIGN KEY ("holidays_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forbidden_terms_fk" FOREIGN KEY ("forbidden_terms_id") REFERENCES "public"."forbidden_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_glossary_fk" FOREIGN KEY ("glossary_id") REFERENCES "public"."glossary"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_api_clients_fk" FOREIGN KEY ("api_clients_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_api_clients_fk" FOREIGN KEY ("api_clients_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "phrases_channels_order_idx" ON "phrases_channels" USING btree ("order");
  CREATE INDEX "phrases_channels_parent_idx" ON "phrases_channels" USING btree ("parent_id");
  CREATE INDEX "phrases_variables_order_idx" ON "phrases_variables" USING btree ("_order");
  CREATE INDEX "phrases_variables_parent_id_idx" ON "phrases_variables" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "phrases_key_idx" ON "phrases" USING btree ("key");
  CREATE INDEX "phrases_category_idx" ON "phrases" USING btree ("category_id");
  CREATE INDEX "phrases_variant_of_idx" ON "phrases" USING btree ("variant_of_id");
  CREATE INDEX "phrases_holiday_idx" ON "phrases" USING btree ("holiday_id");
  CREATE INDEX "phrases_workflow_state_idx" ON "phrases" USING btree ("workflow_state");
  CREATE INDEX "phrases_updated_at_idx" ON "phrases" USING btree ("updated_at");
  CREATE INDEX "phrases_created_at_idx" ON "phrases" USING btree ("created_at");
  CREATE INDEX "phrases__status_idx" ON "phrases" USING btree ("_status");
  CREATE UNIQUE INDEX "phrases_locales_locale_parent_id_unique" ON "phrases_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "phrases_texts_order_parent" ON "phrases_texts" USING btree ("order","parent_id");
  CREATE INDEX "_phrases_v_version_channels_order_idx" ON "_phrases_v_version_channels" USING btree ("order");
  CREATE INDEX "_phrases_v_version_channels_parent_idx" ON "_phrases_v_version_channels" USING btree ("parent_id");
  CREATE INDEX "_phrases_v_version_variables_order_idx" ON "_phrases_v_version_variables" USING btree ("_order");
  CREATE INDEX "_phrases_v_version_variables_parent_id_idx" ON "_phrases_v_version_variables" USING btree ("_parent_id");
  CREATE INDEX "_phrases_v_parent_idx" ON "_phrases_v" USING btree ("parent_id");
  CREATE INDEX "_phrases_v_version_version_key_idx" ON "_phrases_v" USING btree ("version_key");
  CREATE INDEX "_phrases_v_version_version_category_idx" ON "_phrases_v" USING btree ("version_category_id");
  CREATE INDEX "_phrases_v_version_version_variant_of_idx" ON "_phrases_v" USING btree ("version_variant_of_id");
  CREATE INDEX "_phrases_v_version_version_holiday_idx" ON "_phrases_v" USING btree ("version_holiday_id");
  CREATE INDEX "_phrases_v_version_version_workflow_state_idx" ON "_phrases_v" USING btree ("version_workflow_state");
  CREATE INDEX "_phrases_v_version_version_updated_at_idx" ON "_phrases_v" USING btree ("version_updated_at");
  CREATE INDEX "_phrases_v_version_version_created_at_idx" ON "_phrases_v" USING btree ("version_created_at");
  CREATE INDEX "_phrases_v_version_version__status_idx" ON "_phrases_v" USING btree ("version__status");
  CREATE INDEX "_phrases_v_created_at_idx" ON "_phrases_v" USING btree ("created_at");
  CREATE INDEX "_phrases_v_updated_at_idx" ON "_phrases_v" USING btree ("updated_at");
  CREATE INDEX "_phrases_v_snapshot_idx" ON "_phrases_v" USING btree ("snapshot");
  CREATE INDEX "_phrases_v_published_locale_idx" ON "_phrases_v" USING btree ("published_locale");
  CREATE INDEX "_phrases_v_latest_idx" ON "_phrases_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_phrases_v_locales_locale_parent_id_unique" ON "_phrases_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_phrases_v_texts_order_parent" ON "_phrases_v_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "categories_locales_locale_parent_id_unique" ON "categories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "scenarios_steps_order_idx" ON "scenarios_steps" USING btree ("_order");
  CREATE INDEX "scenarios_steps_parent_id_idx" ON "scenarios_steps" USING btree ("_parent_id");
  CREATE INDEX "scenarios_steps_phrase_idx" ON "scenarios_steps" USING btree ("phrase_id");
  CREATE UNIQUE INDEX "scenarios_steps_locales_locale_parent_id_unique" ON "scenarios_steps_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "scenarios_key_idx" ON "scenarios" USING btree ("key");
  CREATE INDEX "scenarios_updated_at_idx" ON "scenarios" USING btree ("updated_at");
  CREATE INDEX "scenarios_created_at_idx" ON "scenarios" USING btree ("created_at");
  CREATE UNIQUE INDEX "scenarios_locales_locale_parent_id_unique" ON "scenarios_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "holidays_dates_order_idx" ON "holidays_dates" USING btree ("_order");
  CREATE INDEX "holidays_dates_parent_id_idx" ON "holidays_dates" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "holidays_code_idx" ON "holidays" USING btree ("code");
  CREATE INDEX "holidays_updated_at_idx" ON "holidays" USING btree ("updated_at");
  CREATE INDEX "holidays_created_at_idx" ON "holidays" USING btree ("created_at");
  CREATE UNIQUE INDEX "holidays_locales_locale_parent_id_unique" ON "holidays_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "forbidden_terms_updated_at_idx" ON "forbidden_terms" USING btree ("updated_at");
  CREATE INDEX "forbidden_terms_created_at_idx" ON "forbidden_terms" USING btree ("created_at");
  CREATE UNIQUE INDEX "forbidden_terms_locales_locale_parent_id_unique" ON "forbidden_terms_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "forbidden_terms_texts_order_parent" ON "forbidden_terms_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "glossary_term_idx" ON "glossary" USING btree ("term");
  CREATE INDEX "glossary_updated_at_idx" ON "glossary" USING btree ("updated_at");
  CREATE INDEX "glossary_created_at_idx" ON "glossary" USING btree ("created_at");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "api_clients_updated_at_idx" ON "api_clients" USING btree ("updated_at");
  CREATE INDEX "api_clients_created_at_idx" ON "api_clients" USING btree ("created_at");
  CREATE UNIQUE INDEX "audit_log_sequence_idx" ON "audit_log" USING btree ("sequence");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_target_collection_idx" ON "audit_log" USING btree ("target_collection");
  CREATE INDEX "audit_log_document_id_idx" ON "audit_log" USING btree ("document_id");
  CREATE INDEX "audit_log_document_key_idx" ON "audit_log" USING btree ("document_key");
  CREATE INDEX "audit_log_texts_order_parent" ON "audit_log_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_phrases_id_idx" ON "payload_locked_documents_rels" USING btree ("phrases_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_scenarios_id_idx" ON "payload_locked_documents_rels" USING btree ("scenarios_id");
  CREATE INDEX "payload_locked_documents_rels_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("holidays_id");
  CREATE INDEX "payload_locked_documents_rels_forbidden_terms_id_idx" ON "payload_locked_documents_rels" USING btree ("forbidden_terms_id");
  CREATE INDEX "payload_locked_documents_rels_glossary_id_idx" ON "payload_locked_documents_rels" USING btree ("glossary_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_api_clients_id_idx" ON "payload_locked_documents_rels" USING btree ("api_clients_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_rels_api_clients_id_idx" ON "payload_preferences_rels" USING btree ("api_clients_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "phrases_channels" CASCADE;
  DROP TABLE "phrases_variables" CASCADE;
  DROP TABLE "phrases" CASCADE;
  DROP TABLE "phrases_locales" CASCADE;
  DROP TABLE "phrases_texts" CASCADE;
  DROP TABLE "_phrases_v_version_channels" CASCADE;
  DROP TABLE "_phrases_v_version_variables" CASCADE;
  DROP TABLE "_phrases_v" CASCADE;
  DROP TABLE "_phrases_v_locales" CASCADE;
  DROP TABLE "_phrases_v_texts" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "categories_locales" CASCADE;
  DROP TABLE "scenarios_steps" CASCADE;
  DROP TABLE "scenarios_steps_locales" CASCADE;
  DROP TABLE "scenarios" CASCADE;
  DROP TABLE "scenarios_locales" CASCADE;
  DROP TABLE "holidays_dates" CASCADE;
  DROP TABLE "holidays" CASCADE;
  DROP TABLE "holidays_locales" CASCADE;
  DROP TABLE "forbidden_terms" CASCADE;
  DROP TABLE "forbidden_terms_locales" CASCADE;
  DROP TABLE "forbidden_terms_texts" CASCADE;
  DROP TABLE "glossary" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "api_clients" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "audit_log_texts" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_phrases_channels";
  DROP TYPE "public"."enum_phrases_source_script";
  DROP TYPE "public"."enum_phrases_workflow_state";
  DROP TYPE "public"."enum_phrases_status";
  DROP TYPE "public"."enum__phrases_v_version_channels";
  DROP TYPE "public"."enum__phrases_v_version_source_script";
  DROP TYPE "public"."enum__phrases_v_version_workflow_state";
  DROP TYPE "public"."enum__phrases_v_version_status";
  DROP TYPE "public"."enum__phrases_v_published_locale";
  DROP TYPE "public"."enum_holidays_calendar";
  DROP TYPE "public"."enum_forbidden_terms_class";
  DROP TYPE "public"."enum_forbidden_terms_severity";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_actor_kind";`)
}
