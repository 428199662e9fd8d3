'use strict';

/**
 * Composite indexes on the organization link tables of the records behind the annual report. The report selects an
 * organization's records with `id IN (SELECT record_id FROM link WHERE organization_id IN (…))`; with
 * (organization_id, record_id) that is an index-only scan instead of a scan of the link table.
 *
 * Strapi runs migrations before it creates the tables on a fresh database, so this file is also applied after every
 * schema sync (src/index.ts): it is idempotent and skips tables that do not exist yet.
 */
const LINKS = [
  ['disclosure_applications_organization_lnk', 'disclosure_application_id'],
  ['review_cases_organization_lnk', 'review_case_id'],
  ['policy_documents_organization_lnk', 'policy_document_id'],
  ['administrative_decisions_organization_lnk', 'administrative_decision_id'],
  ['fees_organization_lnk', 'fee_id'],
];

async function up(knex) {
  for (const [table, recordColumn] of LINKS) {
    if (!(await knex.schema.hasTable(table))) continue;
    // Both SQLite and PostgreSQL accept CREATE INDEX IF NOT EXISTS.
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (organization_id, ??)`, [`${table}_org_record_idx`, table, recordColumn]);
  }
}

async function down(knex) {
  for (const [table] of LINKS) await knex.raw('DROP INDEX IF EXISTS ??', [`${table}_org_record_idx`]);
}

module.exports = { up, down };
