import type { Payload } from 'payload'

/**
 * The audit tables refuse UPDATE and DELETE in the database itself, for anyone who reaches it
 * past the API (PostgreSQL and SQLite; MongoDB relies on the API's access rules). Idempotent:
 * run at every start.
 */
const AUDIT_TABLES = ['audit_log', 'audit_log_texts']

const postgresGuards = `
CREATE OR REPLACE FUNCTION phrasebook_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;
${AUDIT_TABLES.map(
  (table) => `
DROP TRIGGER IF EXISTS ${table}_append_only ON ${table};
CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION phrasebook_audit_append_only();
DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table};
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION phrasebook_audit_append_only();`,
).join('\n')}
`

const sqliteGuards = AUDIT_TABLES.flatMap((table) =>
  ['UPDATE', 'DELETE'].map(
    (operation) => `CREATE TRIGGER IF NOT EXISTS ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only (${operation} on ${table})'); END;`,
  ),
).join('\n')

type Rows = { rows: Record<string, unknown>[] }
type SqlDatabase = {
  name: string
  pool?: { query: (sql: string) => Promise<Rows> }
  client?: { execute: (sql: string) => Promise<Rows>; executeMultiple: (sql: string) => Promise<unknown> }
}

/** Installs the guards once the audit tables exist (a database awaiting its migrations has none). */
export async function installAppendOnlyGuards(payload: Payload): Promise<void> {
  const db = payload.db as unknown as SqlDatabase
  if (db.name === 'postgres') {
    const { rows } = await db.pool!.query("SELECT to_regclass('audit_log_texts') IS NOT NULL AS ready")
    if (rows[0]?.ready) await db.pool!.query(postgresGuards)
  } else if (db.name === 'sqlite') {
    const { rows } = await db.client!.execute("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'audit_log_texts'")
    if (Number(rows[0]?.n) > 0) await db.client!.executeMultiple(sqliteGuards)
  }
}
