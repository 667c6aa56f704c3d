import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`scheduled_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`job\` text NOT NULL,
  	\`phrase_id\` integer NOT NULL,
  	\`phrase_key\` text,
  	\`due_at\` text NOT NULL,
  	\`attempt\` numeric NOT NULL,
  	\`claim\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`error\` text,
  	\`started_at\` text NOT NULL,
  	\`finished_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`phrase_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`scheduled_runs_job_idx\` ON \`scheduled_runs\` (\`job\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_phrase_idx\` ON \`scheduled_runs\` (\`phrase_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`scheduled_runs_claim_idx\` ON \`scheduled_runs\` (\`claim\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_status_idx\` ON \`scheduled_runs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_updated_at_idx\` ON \`scheduled_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_created_at_idx\` ON \`scheduled_runs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`change_action\` text;`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`changed_by\` text;`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`change_comment\` text;`)
  await db.run(sql`ALTER TABLE \`phrases\` ADD \`approved_by\` text;`)
  await db.run(sql`CREATE INDEX \`phrases_publish_at_idx\` ON \`phrases\` (\`publish_at\`);`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_change_action\` text;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_changed_by\` text;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_change_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` ADD \`version_approved_by\` text;`)
  await db.run(sql`CREATE INDEX \`_phrases_v_version_version_publish_at_idx\` ON \`_phrases_v\` (\`version_publish_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`scheduled_runs_id\` integer REFERENCES scheduled_runs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scheduled_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`scheduled_runs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`scheduled_runs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "phrases_id", "categories_id", "scenarios_id", "holidays_id", "forbidden_terms_id", "glossary_id", "users_id", "api_clients_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "phrases_id", "categories_id", "scenarios_id", "holidays_id", "forbidden_terms_id", "glossary_id", "users_id", "api_clients_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`DROP INDEX \`phrases_publish_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`publish_at\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`change_action\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`changed_by\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`change_comment\`;`)
  await db.run(sql`ALTER TABLE \`phrases\` DROP COLUMN \`approved_by\`;`)
  await db.run(sql`DROP INDEX \`_phrases_v_version_version_publish_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_publish_at\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_change_action\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_changed_by\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_change_comment\`;`)
  await db.run(sql`ALTER TABLE \`_phrases_v\` DROP COLUMN \`version_approved_by\`;`)
}
