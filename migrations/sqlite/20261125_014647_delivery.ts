import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`delivery_revisions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`revision\` numeric NOT NULL,
  	\`kind\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`change\` text NOT NULL,
  	\`at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`delivery_revisions_revision_idx\` ON \`delivery_revisions\` (\`revision\`);`)
  await db.run(sql`CREATE INDEX \`delivery_revisions_key_idx\` ON \`delivery_revisions\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`phrase_usage\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`client_kind\` text NOT NULL,
  	\`client_id\` text NOT NULL,
  	\`client_name\` text,
  	\`at\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`phrase_usage_key_idx\` ON \`phrase_usage\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`phrase_usage_client_id_idx\` ON \`phrase_usage\` (\`client_id\`);`)
  await db.run(sql`CREATE INDEX \`phrase_usage_at_idx\` ON \`phrase_usage\` (\`at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`delivery_revisions_id\` integer REFERENCES delivery_revisions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`phrase_usage_id\` integer REFERENCES phrase_usage(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_revisions_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_revisions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_phrase_usage_id_idx\` ON \`payload_locked_documents_rels\` (\`phrase_usage_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`delivery_revisions\`;`)
  await db.run(sql`DROP TABLE \`phrase_usage\`;`)
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
  	\`scheduled_runs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`phrases_id\`) REFERENCES \`phrases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scenarios_id\`) REFERENCES \`scenarios\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`forbidden_terms_id\`) REFERENCES \`forbidden_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_id\`) REFERENCES \`glossary\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scheduled_runs_id\`) REFERENCES \`scheduled_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "phrases_id", "categories_id", "scenarios_id", "holidays_id", "forbidden_terms_id", "glossary_id", "users_id", "api_clients_id", "audit_log_id", "scheduled_runs_id") SELECT "id", "order", "parent_id", "path", "phrases_id", "categories_id", "scenarios_id", "holidays_id", "forbidden_terms_id", "glossary_id", "users_id", "api_clients_id", "audit_log_id", "scheduled_runs_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scheduled_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`scheduled_runs_id\`);`)
}
