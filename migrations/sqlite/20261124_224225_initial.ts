import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`phrases_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`phrases_channels_order_idx\` ON \`phrases_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`phrases_channels_parent_idx\` ON \`phrases_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phrases_variables\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`description\` text,
  	\`example\` text,
  	\`fallback_zh_hant\` text,
  	\`fallback_zh_hans\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`phrases_variables_order_idx\` ON \`phrases_variables\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`phrases_variables_parent_id_idx\` ON \`phrases_variables\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phrases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`category_id\` integer,
  	\`source_script\` text DEFAULT 'zh-Hant',
  	\`variant_of_id\` integer,
  	\`holiday_id\` integer,
  	\`valid_from\` text,
  	\`valid_until\` text,
  	\`order\` numeric DEFAULT 0,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`variant_of_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`holiday_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phrases_key_idx\` ON \`phrases\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`phrases_category_idx\` ON \`phrases\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`phrases_variant_of_idx\` ON \`phrases\` (\`variant_of_id\`);`)
  await db.run(sql`CREATE INDEX \`phrases_holiday_idx\` ON \`phrases\` (\`holiday_id\`);`)
  await db.run(sql`CREATE INDEX \`phrases_workflow_state_idx\` ON \`phrases\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`phrases_updated_at_idx\` ON \`phrases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`phrases_created_at_idx\` ON \`phrases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`phrases__status_idx\` ON \`phrases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`phrases_locales\` (
  	\`title\` text,
  	\`text\` text,
  	\`machine_converted\` integer DEFAULT false,
  	\`ambiguities\` text,
  	\`agent_notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`phrases_locales_locale_parent_id_unique\` ON \`phrases_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`phrases_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`phrases_texts_order_parent\` ON \`phrases_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phrases_v_version_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_phrases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_channels_order_idx\` ON \`_phrases_v_version_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_channels_parent_idx\` ON \`_phrases_v_version_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phrases_v_version_variables\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`description\` text,
  	\`example\` text,
  	\`fallback_zh_hant\` text,
  	\`fallback_zh_hans\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phrases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_variables_order_idx\` ON \`_phrases_v_version_variables\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_variables_parent_id_idx\` ON \`_phrases_v_version_variables\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phrases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_key\` text,
  	\`version_category_id\` integer,
  	\`version_source_script\` text DEFAULT 'zh-Hant',
  	\`version_variant_of_id\` integer,
  	\`version_holiday_id\` integer,
  	\`version_valid_from\` text,
  	\`version_valid_until\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_variant_of_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_holiday_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_phrases_v_parent_idx\` ON \`_phrases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_key_idx\` ON \`_phrases_v\` (\`version_key\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_category_idx\` ON \`_phrases_v\` (\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_variant_of_idx\` ON \`_phrases_v\` (\`version_variant_of_id\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_holiday_idx\` ON \`_phrases_v\` (\`version_holiday_id\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_workflow_state_idx\` ON \`_phrases_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_updated_at_idx\` ON \`_phrases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_created_at_idx\` ON \`_phrases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version__status_idx\` ON \`_phrases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_created_at_idx\` ON \`_phrases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_updated_at_idx\` ON \`_phrases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_snapshot_idx\` ON \`_phrases_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_published_locale_idx\` ON \`_phrases_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_phrases_v_latest_idx\` ON \`_phrases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_phrases_v_locales\` (
  	\`version_title\` text,
  	\`version_text\` text,
  	\`version_machine_converted\` integer DEFAULT false,
  	\`version_ambiguities\` text,
  	\`version_agent_notes\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_phrases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_phrases_v_locales_locale_parent_id_unique\` ON \`_phrases_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_phrases_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_phrases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_phrases_v_texts_order_parent\` ON \`_phrases_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`categories_updated_at_idx\` ON \`categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`categories_created_at_idx\` ON \`categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`categories_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_locales_locale_parent_id_unique\` ON \`categories_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scenarios_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`phrase_id\` integer NOT NULL,
  	FOREIGN KEY (\`phrase_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scenarios\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`scenarios_steps_order_idx\` ON \`scenarios_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`scenarios_steps_parent_id_idx\` ON \`scenarios_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`scenarios_steps_phrase_idx\` ON \`scenarios_steps\` (\`phrase_id\`);`)
  await db.run(sql`CREATE TABLE \`scenarios_steps_locales\` (
  	\`note\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scenarios_steps\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scenarios_steps_locales_locale_parent_id_unique\` ON \`scenarios_steps_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`scenarios\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scenarios_key_idx\` ON \`scenarios\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`scenarios_updated_at_idx\` ON \`scenarios\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scenarios_created_at_idx\` ON \`scenarios\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`scenarios_locales\` (
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`scenarios\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`scenarios_locales_locale_parent_id_unique\` ON \`scenarios_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`holidays_dates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`holidays_dates_order_idx\` ON \`holidays_dates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`holidays_dates_parent_id_idx\` ON \`holidays_dates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`holidays\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`calendar\` text NOT NULL,
  	\`month\` numeric NOT NULL,
  	\`day\` numeric NOT NULL,
  	\`start_offset_days\` numeric DEFAULT 0,
  	\`duration_days\` numeric DEFAULT 1,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holidays_code_idx\` ON \`holidays\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`holidays_updated_at_idx\` ON \`holidays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holidays_created_at_idx\` ON \`holidays\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holidays_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holidays_locales_locale_parent_id_unique\` ON \`holidays_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`forbidden_terms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`class\` text NOT NULL,
  	\`severity\` text DEFAULT 'block' NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`forbidden_terms_updated_at_idx\` ON \`forbidden_terms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forbidden_terms_created_at_idx\` ON \`forbidden_terms\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`forbidden_terms_locales\` (
  	\`term\` text NOT NULL,
  	\`suggestion\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`forbidden_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`forbidden_terms_locales_locale_parent_id_unique\` ON \`forbidden_terms_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`forbidden_terms_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`forbidden_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`forbidden_terms_texts_order_parent\` ON \`forbidden_terms_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`glossary\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term\` text NOT NULL,
  	\`protect\` integer DEFAULT false,
  	\`overrides_zh_hant\` text,
  	\`overrides_zh_t_w\` text,
  	\`overrides_zh_h_k\` text,
  	\`overrides_zh_hans\` text,
  	\`overrides_zh_c_n\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`glossary_term_idx\` ON \`glossary\` (\`term\`);`)
  await db.run(sql`CREATE INDEX \`glossary_updated_at_idx\` ON \`glossary\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`glossary_created_at_idx\` ON \`glossary\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`api_clients\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`enabled\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`api_clients_updated_at_idx\` ON \`api_clients\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`api_clients_created_at_idx\` ON \`api_clients\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`summary\` text,
  	\`actor_kind\` text NOT NULL,
  	\`actor_id\` text,
  	\`actor_label\` text,
  	\`target_collection\` text,
  	\`document_id\` text,
  	\`document_key\` text,
  	\`locale\` text,
  	\`before\` text,
  	\`after\` text,
  	\`approver\` text,
  	\`comment\` text,
  	\`previous_hash\` text NOT NULL,
  	\`hash\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_log_sequence_idx\` ON \`audit_log\` (\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_id_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_key_idx\` ON \`audit_log\` (\`document_key\`);`)
  await db.run(sql`CREATE TABLE \`audit_log_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_texts_order_parent\` ON \`audit_log_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`phrases_id\` integer,
  	\`categories_id\` integer,
  	\`scenarios_id\` integer,
  	\`holidays_id\` integer,
  	\`forbidden_terms_id\` integer,
  	\`glossary_id\` integer,
  	\`users_id\` integer,
  	\`api_clients_id\` integer,
  	\`audit_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`phrases_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scenarios_id\`) REFERENCES \`scenarios\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`forbidden_terms_id\`) REFERENCES \`forbidden_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_id\`) REFERENCES \`glossary\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_phrases_id_idx\` ON \`payload_locked_documents_rels\` (\`phrases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scenarios_id_idx\` ON \`payload_locked_documents_rels\` (\`scenarios_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forbidden_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`forbidden_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_glossary_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`api_clients_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_api_clients_id_idx\` ON \`payload_preferences_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`phrases_channels\`;`)
  await db.run(sql`DROP TABLE \`phrases_variables\`;`)
  await db.run(sql`DROP TABLE \`phrases\`;`)
  await db.run(sql`DROP TABLE \`phrases_locales\`;`)
  await db.run(sql`DROP TABLE \`phrases_texts\`;`)
  await db.run(sql`DROP TABLE \`_phrases_v_version_channels\`;`)
  await db.run(sql`DROP TABLE \`_phrases_v_version_variables\`;`)
  await db.run(sql`DROP TABLE \`_phrases_v\`;`)
  await db.run(sql`DROP TABLE \`_phrases_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_phrases_v_texts\`;`)
  await db.run(sql`DROP TABLE \`categories\`;`)
  await db.run(sql`DROP TABLE \`categories_locales\`;`)
  await db.run(sql`DROP TABLE \`scenarios_steps\`;`)
  await db.run(sql`DROP TABLE \`scenarios_steps_locales\`;`)
  await db.run(sql`DROP TABLE \`scenarios\`;`)
  await db.run(sql`DROP TABLE \`scenarios_locales\`;`)
  await db.run(sql`DROP TABLE \`holidays_dates\`;`)
  await db.run(sql`DROP TABLE \`holidays\`;`)
  await db.run(sql`DROP TABLE \`holidays_locales\`;`)
  await db.run(sql`DROP TABLE \`forbidden_terms\`;`)
  await db.run(sql`DROP TABLE \`forbidden_terms_locales\`;`)
  await db.run(sql`DROP TABLE \`forbidden_terms_texts\`;`)
  await db.run(sql`DROP TABLE \`glossary\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`api_clients\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log_texts\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
