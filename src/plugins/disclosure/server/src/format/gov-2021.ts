// The national format of 国办公开办函〔2021〕30号 (reports on 2021 and later): every label, row, column and rule, once.
import type { CaseKind, CaseResult, ColumnDef, ColumnSource, Labelled, ReportFormat, RowDef, RowSource } from './types';

const node = (label: string, labelEn: string): Labelled => ({ label, labelEn });

/** Builds a column or row whose own label is the last element of its path; group labels are shared objects. */
function item<S>(code: string, path: readonly Labelled[], source: S) {
  const own = path[path.length - 1];
  return {
    code,
    label: own.label,
    labelEn: own.labelEn,
    path: path.map((p) => p.label),
    pathEn: path.map((p) => p.labelEn),
    source,
  };
}
const column = (code: string, path: readonly Labelled[], source: ColumnSource): ColumnDef => item(code, path, source);
const row = (code: string, path: readonly Labelled[], source: RowSource): RowDef => item(code, path, source);

// Labels used in more than one place.
const CONTENT = node('信息内容', 'Information');
const DECISIONS_THIS_YEAR = node('本年处理决定数量', 'Decisions made this year');
const TOTAL = node('总计', 'Total');

// ---- Table 二 ----
const documentsBlock = {
  code: 'documents',
  caption: node('第二十条第（一）项', 'Article 20, item (1)'),
  rowHeader: CONTENT,
  showRowLabels: true,
  columns: [
    column('issued', [node('本年制发件数', 'Issued this year')], { by: 'documentMeasure', measure: 'issued' }),
    column('repealed', [node('本年废止件数', 'Repealed this year')], { by: 'documentMeasure', measure: 'repealed' }),
    column('inForce', [node('现行有效件数', 'In force')], { by: 'documentMeasure', measure: 'inForce' }),
  ],
  rows: [
    row('regulation', [node('规章', 'Government rules')], { records: 'policyDocuments', kind: 'regulation' }),
    row('normative', [node('行政规范性文件', 'Administrative normative documents')], {
      records: 'policyDocuments',
      kind: 'normative',
    }),
  ],
};

const licensingBlock = {
  code: 'licensing',
  caption: node('第二十条第（五）项', 'Article 20, item (5)'),
  rowHeader: CONTENT,
  showRowLabels: true,
  columns: [column('decisions', [DECISIONS_THIS_YEAR], { by: 'decisionCount' })],
  rows: [row('license', [node('行政许可', 'Administrative licensing')], { records: 'decisions', kind: 'license' })],
};

const enforcementBlock = {
  code: 'enforcement',
  caption: node('第二十条第（六）项', 'Article 20, item (6)'),
  rowHeader: CONTENT,
  showRowLabels: true,
  columns: [column('decisions', [DECISIONS_THIS_YEAR], { by: 'decisionCount' })],
  rows: [
    row('penalty', [node('行政处罚', 'Administrative penalties')], { records: 'decisions', kind: 'penalty' }),
    row('enforcement', [node('行政强制', 'Administrative coercion')], { records: 'decisions', kind: 'enforcement' }),
  ],
};

const feesBlock = {
  code: 'fees',
  caption: node('第二十条第（八）项', 'Article 20, item (8)'),
  rowHeader: CONTENT,
  showRowLabels: true,
  columns: [
    {
      ...column('amount', [node('本年收费金额（单位：万元）', 'Fees collected this year (unit: 10,000 yuan)')], {
        by: 'feeAmount',
      }),
      decimalsLabel: node(
        '本年收费金额（单位：万元，保留{decimals}位小数）',
        'Fees collected this year (unit: 10,000 yuan, {decimals} decimal places)',
      ),
    },
  ],
  rows: [row('fee', [node('行政事业性收费', 'Administrative and institutional fees')], { records: 'fees' })],
};

// ---- Table 三 ----
const APPLICANTS = node('申请人情况', 'Applicants');
const ORGANIZATIONS = node('法人或其他组织', 'Legal persons or other organizations');
const applicant = (code: string, path: readonly Labelled[]) =>
  column(code, [APPLICANTS, ...path], { by: 'applicantType', applicantType: code });

const RESULTS = node('三、本年度办理结果', 'III. Results of handling this year');
const WITHHELD = node('（三）不予公开', '(3) Not disclosed');
const UNAVAILABLE = node('（四）无法提供', '(4) Cannot be provided');
const NOT_PROCESSED = node('（五）不予处理', '(5) Not processed');
const OTHER_DISPOSAL = node('（六）其他处理', '(6) Other handling');
const outcome = (code: string, path: readonly Labelled[]) =>
  row(code, [RESULTS, ...path], { records: 'applications', measure: 'concluded', outcome: code });

const applicationsBlock = {
  code: 'main',
  note: node(
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '(In each column: item I plus item II equals item III plus item IV)',
  ),
  showRowLabels: true,
  columns: [
    applicant('naturalPerson', [node('自然人', 'Natural persons')]),
    applicant('commercialEnterprise', [ORGANIZATIONS, node('商业企业', 'Commercial enterprises')]),
    applicant('researchInstitution', [ORGANIZATIONS, node('科研机构', 'Research institutions')]),
    applicant('socialWelfareOrganization', [ORGANIZATIONS, node('社会公益组织', 'Social welfare organizations')]),
    applicant('legalServiceOrganization', [ORGANIZATIONS, node('法律服务机构', 'Legal service organizations')]),
    applicant('otherOrganization', [ORGANIZATIONS, node('其他', 'Other')]),
    column('total', [APPLICANTS, TOTAL], { by: 'applicantTotal' }),
  ],
  rows: [
    row('received', [node('一、本年新收政府信息公开申请数量', 'I. New applications received this year')], {
      records: 'applications',
      measure: 'received',
    }),
    row('carriedOver', [node('二、上年结转政府信息公开申请数量', 'II. Applications carried over from last year')], {
      records: 'applications',
      measure: 'carriedOver',
    }),
    outcome('granted', [node('（一）予以公开', '(1) Disclosed')]),
    outcome('partiallyGranted', [
      node(
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        '(2) Partially disclosed (when separated, count here only and not under any other result)',
      ),
    ]),
    outcome('withheld.stateSecret', [WITHHELD, node('1.属于国家秘密', '1. State secret')]),
    outcome('withheld.prohibitedByLaw', [
      WITHHELD,
      node('2.其他法律行政法规禁止公开', '2. Disclosure prohibited by other laws or administrative regulations'),
    ]),
    outcome('withheld.threeSecurities', [
      WITHHELD,
      node('3.危及“三安全一稳定”', '3. Would endanger the “three securities and one stability”'),
    ]),
    outcome('withheld.thirdPartyRights', [
      WITHHELD,
      node('4.保护第三方合法权益', "4. Protection of a third party's lawful rights and interests"),
    ]),
    outcome('withheld.internalAffairs', [
      WITHHELD,
      node('5.属于三类内部事务信息', '5. One of the three kinds of internal-affairs information'),
    ]),
    outcome('withheld.processInformation', [
      WITHHELD,
      node('6.属于四类过程性信息', '6. One of the four kinds of process information'),
    ]),
    outcome('withheld.enforcementFiles', [
      WITHHELD,
      node('7.属于行政执法案卷', '7. Administrative law-enforcement case file'),
    ]),
    outcome('withheld.administrativeQuery', [WITHHELD, node('8.属于行政查询事项', '8. Administrative inquiry matter')]),
    outcome('unavailable.notHeld', [
      UNAVAILABLE,
      node('1.本机关不掌握相关政府信息', '1. This agency does not hold the information'),
    ]),
    outcome('unavailable.needsCreation', [
      UNAVAILABLE,
      node('2.没有现成信息需要另行制作', '2. No existing information; it would have to be created'),
    ]),
    outcome('unavailable.unclearAfterCorrection', [
      UNAVAILABLE,
      node('3.补正后申请内容仍不明确', '3. Request still unclear after correction'),
    ]),
    outcome('notProcessed.petition', [NOT_PROCESSED, node('1.信访举报投诉类申请', '1. Petition, report or complaint')]),
    outcome('notProcessed.duplicate', [NOT_PROCESSED, node('2.重复申请', '2. Duplicate application')]),
    outcome('notProcessed.publication', [
      NOT_PROCESSED,
      node('3.要求提供公开出版物', '3. Request for public publications'),
    ]),
    outcome('notProcessed.vexatious', [
      NOT_PROCESSED,
      node('4.无正当理由大量反复申请', '4. Numerous repeated applications without good reason'),
    ]),
    outcome('notProcessed.confirmation', [
      NOT_PROCESSED,
      node('5.要求行政机关确认或重新出具已获取信息', '5. Request to confirm or re-issue information already obtained'),
    ]),
    outcome('otherDisposal.noCorrection', [
      OTHER_DISPOSAL,
      node(
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '1. Applicant failed to correct the application in time without good reason; no longer processed',
      ),
    ]),
    outcome('otherDisposal.feeUnpaid', [
      OTHER_DISPOSAL,
      node(
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '2. Applicant did not pay the notified fee in time; no longer processed',
      ),
    ]),
    outcome('otherDisposal.other', [OTHER_DISPOSAL, node('3.其他', '3. Other')]),
    row('concluded', [RESULTS, node('（七）总计', '(7) Total')], {
      records: 'applications',
      measure: 'concludedTotal',
    }),
    row('carriedForward', [node('四、结转下年度继续办理', 'IV. Carried forward to next year')], {
      records: 'applications',
      measure: 'carriedForward',
    }),
  ],
};

// ---- Table 四 ----
const RESULT_LABELS: ReadonlyArray<[CaseResult | 'total', Labelled]> = [
  ['upheld', node('结果维持', 'Upheld')],
  ['corrected', node('结果纠正', 'Corrected')],
  ['other', node('其他结果', 'Other result')],
  ['pending', node('尚未审结', 'Pending')],
  ['total', TOTAL],
];
const LAWSUITS = node('行政诉讼', 'Administrative lawsuits');
const caseColumns = (caseKind: CaseKind, path: readonly Labelled[]) =>
  RESULT_LABELS.map(([result, label]) =>
    column(`${caseKind}${result[0].toUpperCase()}${result.slice(1)}`, [...path, label], {
      by: 'case',
      caseKind,
      result,
    }),
  );

const casesBlock = {
  code: 'main',
  showRowLabels: false,
  columns: [
    ...caseColumns('review', [node('行政复议', 'Administrative review')]),
    ...caseColumns('lawsuitDirect', [LAWSUITS, node('未经复议直接起诉', 'Filed directly, without review')]),
    ...caseColumns('lawsuitAfterReview', [LAWSUITS, node('复议后起诉', 'Filed after review')]),
  ],
  // The national layout prints this row without a label; CSV and JSON still need one.
  rows: [row('cases', [node('件数', 'Cases')], { records: 'cases' })],
};

export const GOV_2021: ReportFormat = {
  code: 'gov-2021',
  title: '政府信息公开工作年度报告',
  titleEn: 'Annual Report on Government Information Disclosure',
  basis: '国办公开办函〔2021〕30号',
  texts: {
    documentTitle: {
      zh: '{organization}{year}年政府信息公开工作年度报告',
      en: '{organization}: Annual Report on Government Information Disclosure, {year}',
    },
    cellReference: { zh: '表{table}「{row}」行「{column}」列', en: 'table {table}, row “{row}”, column “{column}”' },
    downloads: { zh: '下载', en: 'Downloads' },
    downloadCsv: { zh: 'CSV 数据', en: 'CSV data' },
    downloadXlsx: { zh: 'Excel 表格', en: 'Excel workbook' },
    downloadJson: { zh: 'JSON 数据', en: 'JSON data' },
  },
  sections: [
    { kind: 'narrative', code: 'overview', heading: '一、总体情况', headingEn: 'I. Overview' },
    { kind: 'table', table: 'proactive' },
    { kind: 'table', table: 'applications' },
    { kind: 'table', table: 'reviewsAndLawsuits' },
    {
      kind: 'narrative',
      code: 'problems',
      heading: '五、存在的主要问题及改进情况',
      headingEn: 'V. Main problems and improvements',
    },
    {
      kind: 'narrative',
      code: 'otherMatters',
      heading: '六、其他需要报告的事项',
      headingEn: 'VI. Other matters to report',
    },
  ],
  tables: [
    {
      code: 'proactive',
      number: '二',
      numberEn: 'II',
      heading: '二、主动公开政府信息情况',
      headingEn: 'II. Proactive disclosure of government information',
      sheetName: '二、主动公开',
      sheetNameEn: 'II Proactive disclosure',
      blocks: [documentsBlock, licensingBlock, enforcementBlock, feesBlock],
    },
    {
      code: 'applications',
      number: '三',
      numberEn: 'III',
      heading: '三、收到和处理政府信息公开申请情况',
      headingEn: 'III. Applications for government information received and handled',
      sheetName: '三、依申请公开',
      sheetNameEn: 'III Applications',
      blocks: [applicationsBlock],
    },
    {
      code: 'reviewsAndLawsuits',
      number: '四',
      numberEn: 'IV',
      heading: '四、政府信息公开行政复议、行政诉讼情况',
      headingEn: 'IV. Administrative reviews and lawsuits on information disclosure',
      sheetName: '四、复议诉讼',
      sheetNameEn: 'IV Reviews and lawsuits',
      blocks: [casesBlock],
    },
  ],
  rules: [
    {
      id: 'applications.balance',
      severity: 'error',
      description: {
        zh: '表三每列：第一项加第二项之和，等于第三项（总计）加第四项之和',
        en: 'Table III, each column: item I plus item II equals item III (total) plus item IV',
      },
      message: {
        zh: '表三「{column}」列：第一项加第二项之和为 {expected}，第三项加第四项之和为 {actual}，两者应相等',
        en: 'Table III, column “{column}”: items I + II = {expected}, but items III + IV = {actual}; they must be equal',
      },
    },
    {
      id: 'applications.concludedSum',
      severity: 'error',
      description: {
        zh: '表三每列：（七）总计等于各项办理结果之和',
        en: 'Table III, each column: (7) Total equals the sum of the results',
      },
      message: {
        zh: '{cell}：应为各项办理结果之和 {expected}，实际为 {actual}',
        en: '{cell}: must be the sum of the results, {expected}, but is {actual}',
      },
    },
    {
      id: 'applications.applicantTotal',
      severity: 'error',
      description: {
        zh: '表三每行：总计等于各类申请人之和',
        en: 'Table III, each row: the total equals the sum of the applicant columns',
      },
      message: {
        zh: '{cell}：应为各类申请人之和 {expected}，实际为 {actual}',
        en: '{cell}: must be the sum of the applicant columns, {expected}, but is {actual}',
      },
    },
    {
      id: 'cases.groupTotal',
      severity: 'error',
      description: {
        zh: '表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
        en: 'Table IV, each group: the total equals upheld + corrected + other + pending',
      },
      message: {
        zh: '{cell}：应为 {expected}，实际为 {actual}',
        en: '{cell}: must be {expected}, but is {actual}',
      },
    },
    {
      id: 'cells.valid',
      severity: 'error',
      description: {
        zh: '每个数量为不小于 0 的整数；收费金额为不小于 0 的小数；不得缺失',
        en: 'Every count is a whole number ≥ 0; the fee is a decimal ≥ 0; no cell may be missing',
      },
      message: {
        zh: '{cell}：应为不小于 0 的整数（收费金额为不小于 0 的小数），实际为 {actual}',
        en: '{cell}: must be a whole number ≥ 0 (the fee: a decimal ≥ 0), but is {actual}',
      },
    },
    {
      id: 'continuity.carriedOver',
      severity: 'warning',
      description: {
        zh: '本年上年结转数应等于上年报告的结转下年度继续办理数',
        en: 'This year’s carried-over applications should equal last year’s carried-forward ones',
      },
      message: {
        zh: '{cell}：上年报告结转 {expected}，本年填报 {actual}',
        en: '{cell}: last year’s report carried forward {expected}, this year reports {actual}',
      },
    },
    {
      id: 'continuity.nextYear',
      severity: 'warning',
      description: {
        zh: '本年结转下年度继续办理数应等于下一年度已发布报告的上年结转数',
        en: 'This year’s carried-forward applications should equal the carried-over ones of next year’s published report',
      },
      message: {
        zh: '{cell}：{year}年已发布报告的上年结转为 {expected}，本报告填报 {actual}；重新发布将与{year}年报告不一致',
        en: '{cell}: the published {year} report carried over {expected}, this report carries forward {actual}; republishing contradicts the {year} report',
      },
    },
    {
      id: 'continuity.noPreviousReport',
      severity: 'warning',
      description: {
        zh: '上一年度没有已发布的报告，无法核对上年结转数和现行有效件数',
        en: 'There is no published report of the previous year: carried-over applications and documents in force cannot be checked',
      },
      message: {
        zh: '{cell}：没有{year}年已发布的报告可供比对，上年结转数和现行有效件数未经核对。请先导入上年已发布的报告（信息公开 › 导入历史年报），或确认后发布',
        en: '{cell}: there is no published {year} report to compare with, so carried-over applications and documents in force are unchecked. Import last year’s published report first (Disclosure › Import reports), or acknowledge and publish',
      },
    },
    {
      id: 'continuity.inForce',
      severity: 'warning',
      description: {
        zh: '现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数',
        en: 'Documents in force should equal last year’s in force + issued − repealed this year',
      },
      message: {
        zh: '{cell}：按上年数据推算应为 {expected}，实际为 {actual}',
        en: '{cell}: last year’s figures give {expected}, but it is {actual}',
      },
    },
    {
      id: 'plausibility.regulations',
      severity: 'warning',
      description: {
        zh: '无规章制定权的机关不应填报规章',
        en: 'An organization that cannot issue government rules should report none',
      },
      message: {
        zh: '{cell}：本机关无规章制定权，应为 {expected}，实际为 {actual}',
        en: '{cell}: this organization cannot issue government rules, so {expected} is expected, but it is {actual}',
      },
    },
  ],
};
