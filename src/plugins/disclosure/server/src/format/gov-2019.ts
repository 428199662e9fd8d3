// The earlier national format, 《中华人民共和国政府信息公开工作年度报告格式（试行）》 of 国办公开办函〔2019〕60号
// (2019-11-27), used for the reports on 2019 and 2020. It is only ever read from published reports (import), never
// computed: its table 二 counts things the record model does not keep. Tables 三 and 四 are the 2021 tables except
// that (六)其他处理 is one row without sub-items, so they are derived from the 2021 declaration, not restated.
import { GOV_2021 } from './gov-2021';
import type { BlockDef, ColumnDef, Labelled, ReportFormat, RowDef, TableDef } from './types';

const node = (label: string, labelEn: string): Labelled => ({ label, labelEn });
const published = (code: string, own: Labelled, signed = false): ColumnDef => ({
  code,
  label: own.label,
  labelEn: own.labelEn,
  path: [own.label],
  pathEn: [own.labelEn],
  source: signed ? { by: 'published', signed: true } : { by: 'published' },
});
const publishedRow = (code: string, own: Labelled): RowDef => ({
  code,
  label: own.label,
  labelEn: own.labelEn,
  path: [own.label],
  pathEn: [own.labelEn],
  source: { records: 'published' },
});

const table2021 = (code: string): TableDef => {
  const table = GOV_2021.tables.find((t) => t.code === code);
  if (!table) throw new Error(`gov-2021 has no table ${code}`);
  return table;
};
const block2021 = (table: string, code: string): BlockDef => {
  const block = table2021(table).blocks.find((b) => b.code === code);
  if (!block) throw new Error(`gov-2021 table ${table} has no block ${code}`);
  return block;
};

// ---- Table 二 (2019): captions and the row-header label are the same as 2021's; columns and some rows differ. ----
const documents2021 = block2021('proactive', 'documents');
const licensing2021 = block2021('proactive', 'licensing');
const enforcement2021 = block2021('proactive', 'enforcement');
const fees2021 = block2021('proactive', 'fees');

const PREVIOUS_YEAR = node('上一年项目数量', 'Items last year');
const CHANGE = node('本年增/减', 'Change this year');
const DECISIONS = node('处理决定数量', 'Decisions made');
const itemColumns = (withDecisions: boolean): ColumnDef[] => [
  published('previousYear', PREVIOUS_YEAR),
  published('change', CHANGE, true),
  ...(withDecisions ? [published('decisions', DECISIONS)] : []),
];
const sameRow = (block: BlockDef, code: string): RowDef => {
  const row = block.rows.find((r) => r.code === code);
  if (!row) throw new Error(`gov-2021 block ${block.code} has no row ${code}`);
  return { ...row, source: { records: 'published' } };
};

const proactive2019: TableDef = {
  ...table2021('proactive'),
  blocks: [
    {
      ...documents2021,
      columns: [
        published('newlyMade', node('本年新制作数量', 'Newly made this year')),
        published('newlyPublished', node('本年新公开数量', 'Newly published this year')),
        published('publishedTotal', node('对外公开总数量', 'Published in total')),
      ],
      rows: [
        sameRow(documents2021, 'regulation'),
        publishedRow('normative', node('规范性文件', 'Normative documents')),
      ],
    },
    {
      ...licensing2021,
      columns: itemColumns(true),
      rows: [
        sameRow(licensing2021, 'license'),
        publishedRow('otherServices', node('其他对外管理服务事项', 'Other external management and service matters')),
      ],
    },
    {
      ...enforcement2021,
      columns: itemColumns(true),
      rows: enforcement2021.rows.map((r) => sameRow(enforcement2021, r.code)),
    },
    { ...fees2021, columns: itemColumns(false), rows: [sameRow(fees2021, 'fee')] },
    // 第二十条第（九）项 政府集中采购 (采购项目数量, 采购总金额 in a unit each report chooses) is not declared: import
    // reports it as not read rather than guessing the unit of the amount.
  ],
};

// ---- Table 三 (2019): (六)其他处理 is a single row. ----
const applications2021 = block2021('applications', 'main');
const firstOtherDisposal = applications2021.rows.findIndex((r) => r.code.startsWith('otherDisposal.'));
const otherDisposalRows = applications2021.rows.filter((r) => r.code.startsWith('otherDisposal.'));
const groupPath = otherDisposalRows[0].path.slice(0, -1);
const groupPathEn = otherDisposalRows[0].pathEn.slice(0, -1);
const otherDisposal: RowDef = {
  code: 'otherDisposal',
  label: groupPath[groupPath.length - 1],
  labelEn: groupPathEn[groupPathEn.length - 1],
  path: groupPath,
  pathEn: groupPathEn,
  source: { records: 'applications', measure: 'concluded', outcome: 'otherDisposal' },
};
const applications2019: TableDef = {
  ...table2021('applications'),
  blocks: [
    {
      ...applications2021,
      rows: [
        ...applications2021.rows.slice(0, firstOtherDisposal),
        otherDisposal,
        ...applications2021.rows.slice(firstOtherDisposal + otherDisposalRows.length),
      ],
    },
  ],
};

export const GOV_2019: ReportFormat = {
  ...GOV_2021,
  code: 'gov-2019',
  basis: '国办公开办函〔2019〕60号',
  tables: [proactive2019, applications2019, table2021('reviewsAndLawsuits')],
  // Same rules by id; continuity.inForce and plausibility.regulations find no documentMeasure columns and stay silent.
  rules: GOV_2021.rules,
};
