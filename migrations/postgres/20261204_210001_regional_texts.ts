import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { materialiseRegionalTexts, PHRASE_TABLES, type RegionRow, type ScriptRow } from '../regionalTexts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  for (const { parent, locales, prefix } of PHRASE_TABLES) {
    const { rows } = (await db.execute(
      sql.raw(`SELECT l._parent_id AS parent, p.${prefix}source_script AS "sourceScript", l._locale AS locale, l.${prefix}title AS title, l.${prefix}text AS text, l.${prefix}agent_notes AS "agentNotes"
        FROM ${locales} l JOIN ${parent} p ON p.id = l._parent_id`),
    )) as unknown as { rows: ScriptRow[] }
    await materialiseRegionalTexts(payload, req, rows, async (batch: RegionRow[]) => {
      const values = sql.join(
        batch.map((row) => sql`(${row.title}, ${row.text}, ${row.agentNotes}, true, ${row.flags}::jsonb, ${row.locale}::"_locales", ${row.parent})`),
        sql`, `,
      )
      await db.execute(
        sql`INSERT INTO ${sql.identifier(locales)} (${sql.raw(`${prefix}title, ${prefix}text, ${prefix}agent_notes, ${prefix}machine_converted, ${prefix}ambiguities, _locale, _parent_id`)}) VALUES ${values}`,
      )
    })
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const { locales } of PHRASE_TABLES) await db.execute(sql`DELETE FROM ${sql.identifier(locales)} WHERE _locale IN ('zh-TW', 'zh-HK', 'zh-CN')`)
}
