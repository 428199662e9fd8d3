/**
 * Rules the schema cannot express (check digits, date order, fields that depend on each other). Each rule sees the
 * document as it will be after the write (to-one relations resolved to { documentId, id } or null) and returns the
 * problems, each naming its field.
 */
import { isValidCreditCode, isValidResidentId, isYuanAmount } from './identifiers';
import { toIsoDate, todayInChina } from './dates';
import { CATEGORY_LABELS, NOTICE_TYPES, NOTICE_TYPES_BY_CATEGORY } from '../api/transaction-project/domain/process';
import { CONTENT_VIEWS } from '../labels';
import { bilingual } from './messages';

export type FieldProblem = { path: string[]; message: string };
export type RuleContext = {
  /** 'create' for every write that makes a whole document (create, clone, publish); 'update' for an update. */
  action: 'create' | 'update';
  /** The related document's fields, looked up by the middleware (the notice's project, for its category). */
  related: Record<string, Record<string, unknown> | null>;
  /** True when another document already has this (organization, year, locale) – annual reports only. */
  duplicateReport?: boolean;
};
export type Rule = (doc: Record<string, any>, ctx: RuleContext) => FieldProblem[];

/** A problem of `field`, worded "中文 (English)" (./messages.ts). */
const problem = (field: string, zh: string, en: string): FieldProblem => ({
  path: field.split('.'),
  message: bilingual(zh, en),
});

/** The Chinese label of a field of the type (or component) `uid`, as editors see it (src/labels). */
const labelOf = (uid: string, field: string) => {
  const parts = field.split('.');
  return CONTENT_VIEWS[uid]?.fields[parts[parts.length - 1]]?.zh ?? field;
};

function dateNotBefore(uid: string, doc: Record<string, any>, later: string, earlier: string): FieldProblem[] {
  const a = toIsoDate(doc[later]);
  const b = toIsoDate(doc[earlier]);
  return a && b && a < b
    ? [
        problem(
          later,
          `${labelOf(uid, later)}（${a}）不能早于${labelOf(uid, earlier)}（${b}）`,
          `${later} (${a}) must not be before ${earlier} (${b})`,
        ),
      ]
    : [];
}

function notInFuture(uid: string, doc: Record<string, any>, field: string): FieldProblem[] {
  const value = toIsoDate(doc[field]);
  const today = todayInChina();
  return value && value > today
    ? [
        problem(
          field,
          `${labelOf(uid, field)}（${value}）不能晚于今天（${today}）`,
          `${field} (${value}) must not be in the future (today is ${today})`,
        ),
      ]
    : [];
}

/** The document's to-one relations arrive resolved (see resolveToOne in ./index.ts): { documentId, id } or null. */
function requiredRelation(uid: string, doc: Record<string, any>, ctx: RuleContext, field: string): FieldProblem[] {
  if (doc[field]) return [];
  // An update may leave the relation alone, but not remove it (a notice without project, a fee without organization).
  return ctx.action === 'update'
    ? [problem(field, `${labelOf(uid, field)}为必填项，不能移除`, `${field} is required: it cannot be removed`)]
    : [problem(field, `请选择${labelOf(uid, field)}`, `${field} is required`)];
}

/** Both set or both empty: an outcome without a conclusion date (or the reverse) cannot be counted in the report. */
function setTogether(uid: string, doc: Record<string, any>, dateField: string, valueField: string): FieldProblem[] {
  const hasDate = !!toIsoDate(doc[dateField]);
  const hasValue = doc[valueField] !== null && doc[valueField] !== undefined && doc[valueField] !== '';
  const [date, value] = [labelOf(uid, dateField), labelOf(uid, valueField)];
  if (hasValue && !hasDate) {
    return [
      problem(
        valueField,
        `尚未填写${date}（事项未办结），不能填写${value}`,
        `${valueField} can only be set once ${dateField} is set (the matter is still open)`,
      ),
    ];
  }
  if (hasDate && !hasValue)
    return [problem(valueField, `已填写${date}，请填写${value}`, `${valueField} is required when ${dateField} is set`)];
  return [];
}

const ORGANIZATION = 'api::organization.organization';
const POLICY = 'api::policy-document.policy-document';
const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE = 'api::transaction-notice.transaction-notice';
const REPORT = 'api::annual-report.annual-report';
const APPLICATION = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const DECISION = 'api::administrative-decision.administrative-decision';
const FEE = 'api::fee.fee';

const organizationRules: Rule = (doc) => {
  const out: FieldProblem[] = [];
  if (doc.creditCode && !isValidCreditCode(doc.creditCode)) {
    out.push(
      problem(
        'creditCode',
        `统一社会信用代码“${doc.creditCode}”无效：应为 18 位，末位校验码须符合 GB 32100-2015`,
        `creditCode "${doc.creditCode}" is not a valid unified social credit code (18 characters, GB 32100-2015 check digit)`,
      ),
    );
  }
  return out;
};

const policyDocumentRules: Rule = (doc) => [
  ...dateNotBefore(POLICY, doc, 'effectiveOn', 'issuedOn'),
  ...dateNotBefore(POLICY, doc, 'repealedOn', 'issuedOn'),
];

const projectRules: Rule = (doc) => {
  const out: FieldProblem[] = [];
  const times = doc.keyTimes ?? {};
  const order = ['documentsFrom', 'documentsUntil', 'bidDeadline', 'bidOpeningAt'];
  for (let i = 1; i < order.length; i += 1) {
    const later = times[order[i]];
    const earlier = times[order[i - 1]];
    if (later && earlier && new Date(later).getTime() < new Date(earlier).getTime()) {
      const [a, b] = [labelOf('trading.key-times', order[i]), labelOf('trading.key-times', order[i - 1])];
      out.push(
        problem(
          `keyTimes.${order[i]}`,
          `${a}不能早于${b}`,
          `keyTimes.${order[i]} must not be before keyTimes.${order[i - 1]}`,
        ),
      );
    }
  }
  const ranks = (doc.candidates ?? []).map((c: any) => c?.rank);
  if (new Set(ranks).size !== ranks.length)
    out.push(problem('candidates', '中标候选人的名次不能重复（1–3）', 'candidates must have distinct ranks (1 to 3)'));
  return out;
};

const noticeRules: Rule = (doc, ctx) => {
  const out = [
    ...requiredRelation(NOTICE, doc, ctx, 'project'),
    ...dateNotBefore(NOTICE, doc, 'publicityEnd', 'publicityStart'),
  ];
  const category = ctx.related.project?.category as keyof typeof NOTICE_TYPES_BY_CATEGORY | undefined;
  const allowed = category ? NOTICE_TYPES_BY_CATEGORY[category] : undefined;
  if (category && allowed && doc.noticeType && !allowed.includes(doc.noticeType)) {
    const zhOf = (code: string) => NOTICE_TYPES[code]?.zh ?? code;
    out.push(
      problem(
        'noticeType',
        `公告类型“${zhOf(doc.noticeType)}”不属于项目的交易类别“${CATEGORY_LABELS[category]?.zh ?? category}”，可选：${allowed.map(zhOf).join('、')}`,
        `noticeType "${doc.noticeType}" is not a notice type of category "${category}" (allowed: ${allowed.join(', ')})`,
      ),
    );
  }
  return out;
};

const reportRules: Rule = (doc, ctx) => {
  const out = requiredRelation(REPORT, doc, ctx, 'organization');
  if (ctx.duplicateReport) {
    out.push(
      problem(
        'year',
        `该机构 ${doc.year} 年度的报告（此语言）已存在`,
        `a report for this organization, year ${doc.year} and locale already exists`,
      ),
    );
  }
  return out;
};

const applicationRules: Rule = (doc, ctx) => {
  const out = [
    ...requiredRelation(APPLICATION, doc, ctx, 'organization'),
    ...notInFuture(APPLICATION, doc, 'receivedOn'),
    ...dateNotBefore(APPLICATION, doc, 'concludedOn', 'receivedOn'),
    ...setTogether(APPLICATION, doc, 'concludedOn', 'outcome'),
  ];
  const concluded = !!toIsoDate(doc.concludedOn);
  if (doc.state && (doc.state === 'concluded') !== concluded) {
    out.push(
      concluded
        ? problem('state', '已填写办结日期，办理状态应为“已办结”', 'state must be "concluded" when concludedOn is set')
        : problem(
            'state',
            '办理状态“已办结”需要填写办结日期和办理结果',
            'state "concluded" needs concludedOn and an outcome',
          ),
    );
  }
  if (doc.idNumber && doc.idType === 'residentId' && !isValidResidentId(doc.idNumber)) {
    out.push(
      problem(
        'idNumber',
        '居民身份证号码无效：应为 18 位，末位校验码须符合 GB 11643（末位可为 X），请核对',
        'idNumber is not a valid resident ID number (18 characters, GB 11643 check digit)',
      ),
    );
  }
  if (doc.idNumber && doc.idType === 'creditCode' && !isValidCreditCode(doc.idNumber)) {
    out.push(
      problem(
        'idNumber',
        '统一社会信用代码无效：应为 18 位，末位校验码须符合 GB 32100-2015',
        'idNumber is not a valid unified social credit code (GB 32100-2015 check digit)',
      ),
    );
  }
  if (doc.idNumber && !doc.idType)
    out.push(problem('idType', '填写了证件号码，请选择证件类型', 'idType is required when idNumber is given'));
  return out;
};

const caseRules: Rule = (doc, ctx) => [
  ...requiredRelation(CASE, doc, ctx, 'organization'),
  ...notInFuture(CASE, doc, 'filedOn'),
  ...dateNotBefore(CASE, doc, 'concludedOn', 'filedOn'),
  ...setTogether(CASE, doc, 'concludedOn', 'result'),
];

const decisionRules: Rule = (doc, ctx) => [
  ...requiredRelation(DECISION, doc, ctx, 'organization'),
  ...notInFuture(DECISION, doc, 'decidedOn'),
];

const feeRules: Rule = (doc, ctx) => {
  const out = [...requiredRelation(FEE, doc, ctx, 'organization'), ...notInFuture(FEE, doc, 'collectedOn')];
  if (doc.amount !== undefined && doc.amount !== null && !isYuanAmount(doc.amount)) {
    out.push(
      problem(
        'amount',
        `金额（元）不正确（${JSON.stringify(doc.amount)}）：应为不小于 0、少于 1 亿元、最多 2 位小数的金额`,
        `amount must be a sum in yuan ≥ 0 with at most 2 decimals and below 100,000,000 (got ${JSON.stringify(doc.amount)})`,
      ),
    );
  }
  return out;
};

export const RULES: Record<string, Rule> = {
  [ORGANIZATION]: organizationRules,
  [POLICY]: policyDocumentRules,
  [PROJECT]: projectRules,
  [NOTICE]: noticeRules,
  [REPORT]: reportRules,
  [APPLICATION]: applicationRules,
  [CASE]: caseRules,
  [DECISION]: decisionRules,
  [FEE]: feeRules,
};
