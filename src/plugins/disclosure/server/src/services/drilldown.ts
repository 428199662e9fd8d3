/**
 * The records behind one cell of the report (the admin page's "click a cell"). Uses the same SQL conditions as the
 * aggregation (../report-db/conditions), so what a cell counts and what it lists cannot drift apart. Applicants'
 * personal data is included only for roles that may read applications.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_FORMAT, getFormat, reportedKinds } from '../format';
import { listCells } from '../report';
import {
  applicationInYear,
  applicationMeasure,
  caseCounted,
  caseResultOnDec31,
  decisionCounted,
  documentMeasure,
  feeCounted,
} from '../report-db/conditions';
import { UIDS, ofOrganization, organizationRowIds, recordTable } from '../report-db/tables';

type Query = {
  organization: string;
  year: number;
  cell: string;
  page: number;
  pageSize: number;
  withPersonalData: boolean;
};

const drilldownService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async records(q: Query) {
    const format = getFormat(DEFAULT_FORMAT);
    const ref = listCells(format).find((c) => c.id === q.cell);
    if (!ref) throw new errors.ValidationError(`cell: "${q.cell}" is not a cell of format ${format.code}`);
    const orgIds = await organizationRowIds(strapi, q.organization);
    if (!orgIds.length) throw new errors.NotFoundError(`Organization ${q.organization} not found`);
    const knex = strapi.db.connection;
    const row = ref.row.source;
    const col = ref.column.source;
    let query: any;
    let recordsOf: string;

    if (row.records === 'applications') {
      const t = recordTable(strapi, UIDS.application);
      recordsOf = 'applications';
      const fields = [
        'trackingNumber',
        'receivedOn',
        'concludedOn',
        'applicantType',
        'outcome',
        'state',
        ...(q.withPersonalData ? ['applicantName'] : []),
      ];
      const alive = applicationInYear(q.year, t.col);
      query = knex(`${t.table} as a`)
        .select('a.document_id as documentId', ...fields.map((f) => `a.${t.col(f)} as ${f}`))
        .whereRaw(alive.sql, alive.bindings)
        .modify(ofOrganization(knex, t, 'a', orgIds))
        .orderBy(`a.${t.col('receivedOn')}`)
        .orderBy(`a.${t.col('trackingNumber')}`);
      const measure = row.measure === 'concludedTotal' ? 'concluded' : row.measure;
      const m = applicationMeasure(measure, q.year, t.col);
      query.whereRaw(m.sql, m.bindings);
      if (row.measure === 'concluded') query.where(`a.${t.col('outcome')}`, row.outcome);
      if (col.by === 'applicantType') query.where(`a.${t.col('applicantType')}`, col.applicantType);
    } else if (row.records === 'cases') {
      if (col.by !== 'case') throw new errors.ValidationError(`cell: "${q.cell}" is not a case cell`);
      const t = recordTable(strapi, UIDS.case);
      recordsOf = 'cases';
      const result = caseResultOnDec31(q.year, t.col);
      const counted = caseCounted(q.year, t.col);
      query = knex(`${t.table} as k`)
        .select(
          'k.document_id as documentId',
          ...['caseNumber', 'kind', 'filedOn', 'concludedOn', 'result'].map((f) => `k.${t.col(f)} as ${f}`),
        )
        .whereRaw(counted.sql, counted.bindings)
        .where(`k.${t.col('kind')}`, col.caseKind)
        .modify(ofOrganization(knex, t, 'k', orgIds))
        .orderBy(`k.${t.col('filedOn')}`);
      if (col.result !== 'total') query.whereRaw(`${result.sql} = ?`, [...result.bindings, col.result]);
    } else if (row.records === 'policyDocuments') {
      if (col.by !== 'documentMeasure') throw new errors.ValidationError(`cell: "${q.cell}" is not a document cell`);
      const t = recordTable(strapi, UIDS.policyDocument);
      recordsOf = 'policyDocuments';
      const m = documentMeasure(col.measure, q.year, `p.${t.col('issuedOn')}`, `p.${t.col('repealedOn')}`);
      query = knex(`${t.table} as p`)
        .distinct(
          'p.document_id as documentId',
          ...['title', 'documentNumber', 'kind', 'issuedOn', 'repealedOn'].map((f) => `p.${t.col(f)} as ${f}`),
        )
        .whereNotNull('p.published_at')
        .where('p.locale', 'zh-Hans')
        .where(`p.${t.col('kind')}`, row.kind)
        .whereIn(`p.${t.col('kind')}`, reportedKinds(format).policyDocuments)
        .whereRaw(m.sql, m.bindings)
        .modify(ofOrganization(knex, t, 'p', orgIds))
        .orderBy(`p.${t.col('issuedOn')}`);
    } else if (row.records === 'decisions') {
      const t = recordTable(strapi, UIDS.decision);
      recordsOf = 'decisions';
      const counted = decisionCounted(q.year, t.col);
      query = knex(`${t.table} as x`)
        .select(
          'x.document_id as documentId',
          ...['decisionNumber', 'kind', 'decidedOn'].map((f) => `x.${t.col(f)} as ${f}`),
        )
        .where(`x.${t.col('kind')}`, row.kind)
        .whereRaw(counted.sql, counted.bindings)
        .modify(ofOrganization(knex, t, 'x', orgIds))
        .orderBy(`x.${t.col('decidedOn')}`);
    } else {
      const t = recordTable(strapi, UIDS.fee);
      recordsOf = 'fees';
      const counted = feeCounted(q.year, t.col);
      query = knex(`${t.table} as f`)
        .select(
          'f.document_id as documentId',
          ...['item', 'collectedOn', 'amount'].map((field) => `f.${t.col(field)} as ${field}`),
        )
        .whereRaw(counted.sql, counted.bindings)
        .modify(ofOrganization(knex, t, 'f', orgIds))
        .orderBy(`f.${t.col('collectedOn')}`);
    }

    const [{ total }] = await knex.from(query.clone().clearOrder().as('cell_records')).count({ total: '*' });
    const data = await query.offset((q.page - 1) * q.pageSize).limit(q.pageSize);
    return {
      data,
      meta: {
        cell: q.cell,
        records: recordsOf,
        personalData: q.withPersonalData,
        pagination: {
          page: q.page,
          pageSize: q.pageSize,
          total: Number(total),
          pageCount: Math.ceil(Number(total) / q.pageSize),
        },
      },
    };
  },
});

export type DrilldownService = ReturnType<typeof drilldownService>;
export default { drilldown: drilldownService };
