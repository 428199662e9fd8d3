/**
 * Table and column names of the records behind the report, read from Strapi's metadata (never hard-coded), and the
 * organization filter: records belong to an organization through a link table, and an organization (localized) has
 * one row per locale, so the filter takes every row id of its documentId.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const UIDS = {
  application: 'api::disclosure-application.disclosure-application',
  case: 'api::review-case.review-case',
  policyDocument: 'api::policy-document.policy-document',
  decision: 'api::administrative-decision.administrative-decision',
  fee: 'api::fee.fee',
  organization: 'api::organization.organization',
  report: 'api::annual-report.annual-report',
} as const;

export type RecordTable = {
  table: string;
  /** Column name of an attribute. */
  col: (attribute: string) => string;
  /** The organization link table: records of the organization are `id IN (SELECT source FROM link WHERE target IN orgIds)`. */
  link: { table: string; source: string; target: string };
};

export function recordTable(strapi: Core.Strapi, uid: string): RecordTable {
  const meta = strapi.db.metadata.get(uid as any);
  const col = (attribute: string) => {
    const attr = meta.attributes[attribute] as any;
    if (!attr) throw new Error(`${uid} has no attribute ${attribute}`);
    return attr.columnName ?? attribute;
  };
  const joinTable = (meta.attributes.organization as any)?.joinTable;
  if (!joinTable) throw new Error(`${uid} has no organization relation`);
  return {
    table: meta.tableName,
    col,
    link: { table: joinTable.name, source: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name },
  };
}

/** Row ids of the organization (one per locale). Empty when the organization does not exist. */
export async function organizationRowIds(
  strapi: Core.Strapi,
  documentId: string,
  trx?: Knex.Transaction,
): Promise<number[]> {
  const meta = strapi.db.metadata.get(UIDS.organization as any);
  const q = strapi.db.connection(meta.tableName).select('id').where('document_id', documentId);
  if (trx) q.transacting(trx);
  return (await q).map((r: { id: number }) => Number(r.id));
}

/** Restricts a query on `t` (aliased `alias`) to the records linked to the organization rows. */
export function ofOrganization(knex: Knex, t: RecordTable, alias: string, orgIds: number[]) {
  return (qb: Knex.QueryBuilder) =>
    qb.whereIn(`${alias}.id`, knex(t.link.table).select(t.link.source).whereIn(t.link.target, orgIds));
}
