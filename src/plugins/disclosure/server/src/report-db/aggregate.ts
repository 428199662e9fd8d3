/**
 * The report's GROUP BY queries: one pass per record type, aggregated in the database (knex builder, identical on
 * SQLite and PostgreSQL), returning the plain rows the pure `cellsFromAggregates` expects. DOMAIN.md's definitions:
 * received = received in the year; carriedOver = received before it and not concluded by its first day; concluded =
 * concluded in the year (by outcome); carriedForward = received by 31 Dec and not concluded by then.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Aggregates } from '../report/cells';
import { UIDS, ofOrganization, organizationRowIds, recordTable } from './tables';
import {
  applicationInYear,
  applicationMeasure,
  caseCounted,
  caseResultOnDec31,
  decisionCounted,
  documentMeasure,
  feeCounted,
} from './conditions';

export type RecordCounts = {
  applications: number;
  cases: number;
  policyDocuments: number;
  decisions: number;
  fees: number;
};

const num = (v: unknown) => Number(v ?? 0);

async function applications(strapi: Core.Strapi, knex: Knex, orgIds: number[], year: number) {
  const t = recordTable(strapi, UIDS.application);
  const [type, outcome] = [t.col('applicantType'), t.col('outcome')];
  const sum = (measure: Parameters<typeof applicationMeasure>[0]) => {
    const { sql, bindings } = applicationMeasure(measure, year, t.col);
    return knex.raw(`SUM(CASE WHEN ${sql} THEN 1 ELSE 0 END) AS ??`, [...bindings, measure]);
  };
  const alive = applicationInYear(year, t.col);
  const rows = await knex(`${t.table} as a`)
    .select(`a.${type} as applicantType`, `a.${outcome} as outcome`)
    .select(
      sum('received'),
      sum('carriedOver'),
      sum('concluded'),
      sum('carriedForward'),
      knex.raw('COUNT(*) AS ??', ['total']),
    )
    .whereRaw(alive.sql, alive.bindings)
    .modify(ofOrganization(knex, t, 'a', orgIds))
    .groupBy(`a.${type}`, `a.${outcome}`);

  const out: Aggregates['applications'][number][] = [];
  let total = 0;
  for (const r of rows as any[]) {
    total += num(r.total);
    for (const measure of ['received', 'carriedOver', 'carriedForward'] as const) {
      if (num(r[measure])) out.push({ measure, applicantType: r.applicantType, outcome: null, count: num(r[measure]) });
    }
    if (num(r.concluded))
      out.push({ measure: 'concluded', applicantType: r.applicantType, outcome: r.outcome, count: num(r.concluded) });
  }
  return { rows: out, total };
}

async function cases(strapi: Core.Strapi, knex: Knex, orgIds: number[], year: number) {
  const t = recordTable(strapi, UIDS.case);
  const kind = t.col('kind');
  const counted = caseCounted(year, t.col);
  const result = caseResultOnDec31(year, t.col);
  // Grouped in an outer query: PostgreSQL will not match a CASE expression with bound parameters in GROUP BY.
  const classified = knex(`${t.table} as k`)
    .select(`k.${kind} as kind`, knex.raw(`${result.sql} AS ??`, [...result.bindings, 'result']))
    .whereRaw(counted.sql, counted.bindings)
    .modify(ofOrganization(knex, t, 'k', orgIds))
    .as('c');
  const rows = await knex
    .from(classified)
    .select('c.kind', 'c.result')
    .count({ count: '*' })
    .groupBy('c.kind', 'c.result');
  const out = (rows as any[]).map((r) => ({ kind: r.kind, result: r.result, count: num(r.count) }));
  return { rows: out, total: out.reduce((a, r) => a + r.count, 0) };
}

async function policyDocuments(strapi: Core.Strapi, knex: Knex, orgIds: number[], year: number, kinds: string[]) {
  const t = recordTable(strapi, UIDS.policyDocument);
  const [issued, repealed, kind] = [t.col('issuedOn'), t.col('repealedOn'), t.col('kind')];
  // A document has a row per locale and per status: count each published document once.
  const documents = knex(`${t.table} as p`)
    .distinct('p.document_id', `p.${kind} as kind`, `p.${issued} as issued_on`, `p.${repealed} as repealed_on`)
    .whereNotNull('p.published_at')
    .whereIn(`p.${kind}`, kinds)
    .modify(ofOrganization(knex, t, 'p', orgIds))
    .as('d');
  const sum = (measure: Parameters<typeof documentMeasure>[0]) => {
    const { sql, bindings } = documentMeasure(measure, year);
    return knex.raw(`SUM(CASE WHEN ${sql} THEN 1 ELSE 0 END) AS ??`, [...bindings, measure]);
  };
  const rows = await knex
    .from(documents)
    .select('d.kind')
    .select(sum('issued'), sum('repealed'), sum('inForce'), knex.raw('COUNT(*) AS ??', ['total']))
    .groupBy('d.kind');
  const out: Aggregates['policyDocuments'][number][] = [];
  let total = 0;
  for (const r of rows as any[]) {
    total += num(r.total);
    for (const measure of ['issued', 'repealed', 'inForce'] as const)
      out.push({ kind: r.kind, measure, count: num(r[measure]) });
  }
  return { rows: out, total };
}

async function decisions(strapi: Core.Strapi, knex: Knex, orgIds: number[], year: number) {
  const t = recordTable(strapi, UIDS.decision);
  const kind = t.col('kind');
  const counted = decisionCounted(year, t.col);
  const rows = await knex(`${t.table} as x`)
    .select(`x.${kind} as kind`)
    .count({ count: '*' })
    .whereRaw(counted.sql, counted.bindings)
    .modify(ofOrganization(knex, t, 'x', orgIds))
    .groupBy(`x.${kind}`);
  const out = (rows as any[]).map((r) => ({ kind: r.kind, count: num(r.count) }));
  return { rows: out, total: out.reduce((a, r) => a + r.count, 0) };
}

/**
 * The fee total in whole 分 (fen): SQLite stores decimals as floats, so each amount is rounded back to its exact
 * fen before summing; on PostgreSQL the numeric arithmetic is exact anyway. The result is an exact integer string.
 */
async function fees(strapi: Core.Strapi, knex: Knex, orgIds: number[], year: number) {
  const t = recordTable(strapi, UIDS.fee);
  const counted = feeCounted(year, t.col);
  const [row] = await knex(`${t.table} as f`)
    .select(knex.raw(`SUM(CAST(ROUND(f.${t.col('amount')} * 100) AS BIGINT)) AS ??`, ['fen']))
    .count({ count: '*' })
    .whereRaw(counted.sql, counted.bindings)
    .modify(ofOrganization(knex, t, 'f', orgIds));
  const fen = BigInt(String((row as any)?.fen ?? 0).split('.')[0] || '0');
  const yuan = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
  return { yuan, total: num((row as any)?.count) };
}

export async function aggregateReport(
  strapi: Core.Strapi,
  organizationDocumentId: string,
  year: number,
  documentKinds: string[],
): Promise<{ aggregates: Aggregates; counts: RecordCounts }> {
  // Inside the caller's transaction when there is one (a publish runs in one, and SQLite has a single connection):
  // strapi.db.transaction joins it; otherwise the five queries read one consistent snapshot of the records.
  return strapi.db.transaction(async ({ trx }) => {
    const knex = trx as unknown as Knex;
    const orgIds = await organizationRowIds(strapi, organizationDocumentId, trx);
    if (orgIds.length === 0) throw new Error(`Organization ${organizationDocumentId} does not exist`);
    // One after the other: they share the transaction's single connection (pg refuses overlapping queries on one).
    const a = await applications(strapi, knex, orgIds, year);
    const c = await cases(strapi, knex, orgIds, year);
    const p = await policyDocuments(strapi, knex, orgIds, year, documentKinds);
    const d = await decisions(strapi, knex, orgIds, year);
    const f = await fees(strapi, knex, orgIds, year);
    return {
      aggregates: { applications: a.rows, cases: c.rows, policyDocuments: p.rows, decisions: d.rows, feesYuan: f.yuan },
      counts: { applications: a.total, cases: c.total, policyDocuments: p.total, decisions: d.total, fees: f.total },
    };
  });
}
