/**
 * Rules the schema cannot express (check digits, date order, fields that depend on each other). Each rule sees the
 * document as it will be after the write (to-one relations resolved to { documentId, id } or null) and returns the
 * problems, each naming its field.
 */
import { isValidCreditCode, isValidResidentId, isYuanAmount } from './identifiers';
import { toIsoDate, todayInChina } from './dates';
import { NOTICE_TYPES_BY_CATEGORY } from '../api/transaction-project/domain/process';

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

const problem = (field: string, message: string): FieldProblem => ({ path: field.split('.'), message });

function dateNotBefore(doc: Record<string, any>, later: string, earlier: string): FieldProblem[] {
  const a = toIsoDate(doc[later]);
  const b = toIsoDate(doc[earlier]);
  return a && b && a < b ? [problem(later, `${later} (${a}) must not be before ${earlier} (${b})`)] : [];
}

function notInFuture(doc: Record<string, any>, field: string): FieldProblem[] {
  const value = toIsoDate(doc[field]);
  const today = todayInChina();
  return value && value > today ? [problem(field, `${field} (${value}) must not be in the future (today is ${today})`)] : [];
}

/** The document's to-one relations arrive resolved (see resolveToOne in ./index.ts): { documentId, id } or null. */
function requiredRelation(doc: Record<string, any>, ctx: RuleContext, field: string): FieldProblem[] {
  if (doc[field]) return [];
  // An update may leave the relation alone, but not remove it (a notice without project, a fee without organization).
  return [problem(field, ctx.action === 'update' ? `${field} is required: it cannot be removed` : `${field} is required`)];
}

/** Both set or both empty: an outcome without a conclusion date (or the reverse) cannot be counted in the report. */
function setTogether(doc: Record<string, any>, dateField: string, valueField: string): FieldProblem[] {
  const hasDate = !!toIsoDate(doc[dateField]);
  const hasValue = doc[valueField] !== null && doc[valueField] !== undefined && doc[valueField] !== '';
  if (hasValue && !hasDate) return [problem(valueField, `${valueField} can only be set once ${dateField} is set (the matter is still open)`)];
  if (hasDate && !hasValue) return [problem(valueField, `${valueField} is required when ${dateField} is set`)];
  return [];
}

const organizationRules: Rule = (doc) => {
  const out: FieldProblem[] = [];
  if (doc.creditCode && !isValidCreditCode(doc.creditCode)) {
    out.push(problem('creditCode', `creditCode "${doc.creditCode}" is not a valid 统一社会信用代码 (18 characters, GB 32100-2015 check digit)`));
  }
  return out;
};

const policyDocumentRules: Rule = (doc) => [
  ...dateNotBefore(doc, 'effectiveOn', 'issuedOn'),
  ...dateNotBefore(doc, 'repealedOn', 'issuedOn'),
];

const projectRules: Rule = (doc) => {
  const out: FieldProblem[] = [];
  const times = doc.keyTimes ?? {};
  const order = ['documentsFrom', 'documentsUntil', 'bidDeadline', 'bidOpeningAt'];
  for (let i = 1; i < order.length; i += 1) {
    const later = times[order[i]];
    const earlier = times[order[i - 1]];
    if (later && earlier && new Date(later).getTime() < new Date(earlier).getTime()) {
      out.push(problem(`keyTimes.${order[i]}`, `keyTimes.${order[i]} must not be before keyTimes.${order[i - 1]}`));
    }
  }
  const ranks = (doc.candidates ?? []).map((c: any) => c?.rank);
  if (new Set(ranks).size !== ranks.length) out.push(problem('candidates', 'candidates must have distinct ranks (1 to 3)'));
  return out;
};

const noticeRules: Rule = (doc, ctx) => {
  const out = [...requiredRelation(doc, ctx, 'project'), ...dateNotBefore(doc, 'publicityEnd', 'publicityStart')];
  const category = ctx.related.project?.category as string | undefined;
  if (category && doc.noticeType && !NOTICE_TYPES_BY_CATEGORY[category as keyof typeof NOTICE_TYPES_BY_CATEGORY]?.includes(doc.noticeType)) {
    out.push(problem('noticeType', `noticeType "${doc.noticeType}" is not a notice type of category "${category}" (allowed: ${NOTICE_TYPES_BY_CATEGORY[category as keyof typeof NOTICE_TYPES_BY_CATEGORY].join(', ')})`));
  }
  return out;
};

const reportRules: Rule = (doc, ctx) => {
  const out = requiredRelation(doc, ctx, 'organization');
  if (ctx.duplicateReport) out.push(problem('year', `a report for this organization, year ${doc.year} and locale already exists`));
  return out;
};

const applicationRules: Rule = (doc, ctx) => {
  const out = [
    ...requiredRelation(doc, ctx, 'organization'),
    ...notInFuture(doc, 'receivedOn'),
    ...dateNotBefore(doc, 'concludedOn', 'receivedOn'),
    ...setTogether(doc, 'concludedOn', 'outcome'),
  ];
  const concluded = !!toIsoDate(doc.concludedOn);
  if (doc.state && (doc.state === 'concluded') !== concluded) {
    out.push(problem('state', concluded ? 'state must be "concluded" when concludedOn is set' : 'state "concluded" needs concludedOn and an outcome'));
  }
  if (doc.idNumber && doc.idType === 'residentId' && !isValidResidentId(doc.idNumber)) {
    out.push(problem('idNumber', 'idNumber is not a valid resident ID number (18 characters, GB 11643 check digit)'));
  }
  if (doc.idNumber && doc.idType === 'creditCode' && !isValidCreditCode(doc.idNumber)) {
    out.push(problem('idNumber', 'idNumber is not a valid 统一社会信用代码 (GB 32100-2015 check digit)'));
  }
  if (doc.idNumber && !doc.idType) out.push(problem('idType', 'idType is required when idNumber is given'));
  return out;
};

const caseRules: Rule = (doc, ctx) => [
  ...requiredRelation(doc, ctx, 'organization'),
  ...notInFuture(doc, 'filedOn'),
  ...dateNotBefore(doc, 'concludedOn', 'filedOn'),
  ...setTogether(doc, 'concludedOn', 'result'),
];

const decisionRules: Rule = (doc, ctx) => [...requiredRelation(doc, ctx, 'organization'), ...notInFuture(doc, 'decidedOn')];

const feeRules: Rule = (doc, ctx) => {
  const out = [...requiredRelation(doc, ctx, 'organization'), ...notInFuture(doc, 'collectedOn')];
  if (doc.amount !== undefined && doc.amount !== null && !isYuanAmount(doc.amount)) {
    out.push(problem('amount', `amount must be a sum in 元 ≥ 0 with at most 2 decimals and below 100,000,000 (got ${JSON.stringify(doc.amount)})`));
  }
  return out;
};

export const RULES: Record<string, Rule> = {
  'api::organization.organization': organizationRules,
  'api::policy-document.policy-document': policyDocumentRules,
  'api::transaction-project.transaction-project': projectRules,
  'api::transaction-notice.transaction-notice': noticeRules,
  'api::annual-report.annual-report': reportRules,
  'api::disclosure-application.disclosure-application': applicationRules,
  'api::review-case.review-case': caseRules,
  'api::administrative-decision.administrative-decision': decisionRules,
  'api::fee.fee': feeRules,
};
