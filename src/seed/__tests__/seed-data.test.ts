/**
 * The sample data is pure data before it meets Strapi: these tests hold it to the app's own write rules and schema
 * patterns, and prove it deterministic, with the small scale a subset of the full one.
 */
import { applicationSpecs, recordYears } from '../applications';
import { caProviderSpecs } from '../ca-providers';
import { creditCodeCheckChar, isValidCreditCode, sampleCreditCode } from '../credit-code';
import { decisionSpecs } from '../decisions';
import { feeSpecs } from '../fees';
import { organizationSpecs } from '../organizations';
import { policyDocumentSpecs } from '../policy-documents';
import { Random } from '../random';
import { residentIdCheckChar, sampleResidentId } from '../resident-id';
import { reviewCaseSpecs } from '../review-cases';
import { TRADING_WINDOW, projectSpecs, projectsAtScale } from '../transactions';
import { annualReportSpecs } from '../annual-reports';
import { RULES, type RuleContext } from '../../validation/rules';
import * as identifiers from '../../validation/identifiers';
import { todayInChina } from '../../validation/dates';
import { NOTICE_TYPES_BY_CATEGORY, deriveProcess } from '../../api/transaction-project/domain/process';
import projectSchema from '../../api/transaction-project/content-types/transaction-project/schema.json';
import applicationSchema from '../../api/disclosure-application/content-types/disclosure-application/schema.json';
import policySchema from '../../api/policy-document/content-types/policy-document/schema.json';
import moneySchema from '../../components/shared/money.json';
import feeItemSchema from '../../components/ca/fee-item.json';

const TODAY = todayInChina();
const create = (related: RuleContext['related'] = {}): RuleContext => ({ action: 'create', related });
const pattern = (attribute: { regex?: string }) => new RegExp(attribute.regex!);

describe('identifiers', () => {
  it('computes the GB 11643 check character of the standard’s own example', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('generates credit codes and resident IDs the app accepts, and a changed character breaks a code', () => {
    for (let i = 0; i < 2000; i += 1) {
      const rng = Random.for('identifiers', i);
      const code = sampleCreditCode(rng, rng.pick(['11', '12', '31', '52', '91'] as const));
      expect(isValidCreditCode(code)).toBe(true);
      expect(identifiers.isValidCreditCode(code)).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(identifiers.creditCodeCheckChar(code.slice(0, 17)));
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      expect(identifiers.isValidCreditCode(wrong)).toBe(false);
      expect(identifiers.isValidResidentId(sampleResidentId(rng))).toBe(true);
    }
  });
});

describe('determinism and scales', () => {
  it('produces the same data on every call', () => {
    expect(projectSpecs()).toEqual(projectSpecs());
    expect(applicationSpecs('full', TODAY)).toEqual(applicationSpecs('full', TODAY));
    expect(reviewCaseSpecs('full', TODAY)).toEqual(reviewCaseSpecs('full', TODAY));
    expect(feeSpecs('full', TODAY)).toEqual(feeSpecs('full', TODAY));
  });

  it('makes the small scale a subset of the full one, key for key', () => {
    const full = new Map(projectSpecs().map((p) => [p.projectCode, p]));
    const small = projectsAtScale('small');
    expect(small).toHaveLength(30);
    for (const p of small) expect(full.get(p.projectCode)).toEqual(p);
    const applications = new Map(applicationSpecs('full', TODAY).map((a) => [a.trackingNumber, a]));
    for (const a of applicationSpecs('small', TODAY)) expect(applications.get(a.trackingNumber)).toEqual(a);
    const cases = new Set(reviewCaseSpecs('full', TODAY).map((c) => `${c.caseNumber}|${c.kind}|${c.filedOn}`));
    for (const c of reviewCaseSpecs('small', TODAY))
      expect(cases.has(`${c.caseNumber}|${c.kind}|${c.filedOn}`)).toBe(true);
    const decisions = new Map(decisionSpecs('full', TODAY).map((d) => [d.decisionNumber, d]));
    for (const d of decisionSpecs('small', TODAY)) expect(decisions.get(d.decisionNumber)).toEqual(d);
    const fees = new Map(feeSpecs('full', TODAY).map((f) => [f.payer, f]));
    for (const f of feeSpecs('small', TODAY)) expect(fees.get(f.payer)).toEqual(f);
  });

  it('uses unique natural keys', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(projectSpecs().map((p) => p.projectCode));
    unique(projectSpecs().map((p) => p.dealCode));
    unique(applicationSpecs('full', TODAY).map((a) => a.trackingNumber));
    unique(reviewCaseSpecs('full', TODAY).map((c) => c.caseNumber));
    unique(decisionSpecs('full', TODAY).map((d) => d.decisionNumber));
    unique(feeSpecs('full', TODAY).map((f) => f.payer));
    unique(policyDocumentSpecs().map((d) => d.documentNumber ?? d.zh.title));
    unique(organizationSpecs().map((o) => o.creditCode));
    for (const p of projectSpecs()) unique(p.notices.map((n) => n.title));
  });
});

describe('the app’s rules accept every record', () => {
  it('organizations and CA providers', () => {
    for (const org of organizationSpecs())
      expect(RULES['api::organization.organization']({ ...org.zh, creditCode: org.creditCode }, create())).toEqual([]);
    const providers = caProviderSpecs();
    expect(providers).toHaveLength(4);
    for (const provider of providers) {
      for (const version of [provider.zh, provider.en]) {
        expect(version.fees.every((f) => pattern(feeItemSchema.attributes.price).test(f.price))).toBe(true);
        expect(version.addresses.length).toBeGreaterThanOrEqual(1);
        expect(version.addresses.length).toBeLessThanOrEqual(3);
        expect(version.steps.length).toBeGreaterThanOrEqual(4);
        expect(version.steps.length).toBeLessThanOrEqual(6);
      }
    }
  });

  it('policy documents', () => {
    const docs = policyDocumentSpecs();
    expect(docs.length).toBeGreaterThanOrEqual(38);
    for (const doc of docs) {
      expect(RULES['api::policy-document.policy-document']({ ...doc, ...doc.zh }, create())).toEqual([]);
      if (doc.documentNumber) expect(doc.documentNumber).toMatch(pattern(policySchema.attributes.documentNumber));
      // The center cannot issue 规章 or 规范性文件 (its real 2021 report counts none).
      if (doc.kind !== 'other') expect(doc.organization).toBe('department');
    }
    expect(docs.filter((d) => d.repealedOn).length).toBeGreaterThanOrEqual(5);
    expect(docs.filter((d) => d.draft).length).toBeGreaterThanOrEqual(2);
  });

  it('projects and notices, in process order, at different stages', () => {
    const stages = new Set<string>();
    for (const p of projectSpecs()) {
      expect(RULES['api::transaction-project.transaction-project'](p as any, create())).toEqual([]);
      expect(p.projectCode).toMatch(pattern(projectSchema.attributes.projectCode));
      expect(p.dealCode).toMatch(pattern(projectSchema.attributes.dealCode));
      expect(p.name.length).toBeLessThanOrEqual(200);
      expect(p.budget.amount).toMatch(pattern(moneySchema.attributes.amount));
      if (p.winningAmount) expect(p.winningAmount.amount).toMatch(pattern(moneySchema.attributes.amount));
      expect(p.notices.length).toBeGreaterThanOrEqual(1);
      expect(p.notices.length).toBeLessThanOrEqual(5);
      const released = p.notices.map((n) => n.releasedAt);
      expect([...released].sort()).toEqual(released);
      for (const n of p.notices) {
        expect(NOTICE_TYPES_BY_CATEGORY[p.category]).toContain(n.noticeType);
        expect(n.title.length).toBeLessThanOrEqual(200);
        expect(
          RULES['api::transaction-notice.transaction-notice'](
            { ...n, project: 'x' },
            create({ project: { category: p.category } }),
          ),
        ).toEqual([]);
        expect(n.releasedAt.slice(0, 10) <= TRADING_WINDOW.to || n.draft).toBe(true);
      }
      const published = p.draft ? [] : p.notices.filter((n) => !n.draft);
      const process = deriveProcess({
        category: p.category,
        registeredOn: p.registeredOn,
        bidOpeningAt: p.keyTimes?.bidOpeningAt,
        contractSignedOn: p.contractSignedOn,
        notices: published.map((n, i) => ({
          documentId: String(i),
          title: n.title,
          noticeType: n.noticeType,
          releasedAt: n.releasedAt,
        })),
        now: new Date(`${TRADING_WINDOW.to}T23:59:59+08:00`),
      });
      stages.add(process.stage);
      expect(!!p.winner).toBe(!!p.winningAmount);
    }
    for (const stage of ['announced', 'candidates', 'result', 'contract', 'failed', 'terminated'])
      expect(stages).toContain(stage);
  });

  it('applications', () => {
    const specs = applicationSpecs('full', TODAY);
    const rule = RULES['api::disclosure-application.disclosure-application'];
    for (const a of specs) {
      expect(rule({ ...a, organization: 'x' }, create())).toEqual([]);
      expect(a.trackingNumber).toMatch(pattern(applicationSchema.attributes.trackingNumber));
      if (a.idNumber) expect(a.idNumber).toMatch(pattern(applicationSchema.attributes.idNumber));
      expect(a.phone).toMatch(pattern(applicationSchema.attributes.phone));
      expect(a.applicantName).toMatch(/（示例）$/);
    }
    for (const org of ['center', 'department']) {
      for (const year of recordYears(TODAY).filter((y) => y <= 2025)) {
        const n = specs.filter((a) => a.organization === org && a.receivedOn.startsWith(String(year))).length;
        if (org === 'center' && year === 2021) expect(n).toBe(0);
        else expect(n).toBeGreaterThanOrEqual(50);
      }
    }
    expect(specs.some((a) => a.receivedOn.slice(5, 7) === '12' && a.concludedOn?.slice(5, 7) === '01')).toBe(true);
    expect(specs.filter((a) => a.applicantType === 'naturalPerson').length / specs.length).toBeGreaterThan(0.6);
    const open = specs.filter((a) => a.concludedOn === null);
    expect(
      open.every(
        (a) =>
          a.state === 'received' &&
          a.outcome === null &&
          a.receivedOn.slice(0, 4) >= String(Number(TODAY.slice(0, 4)) - 1),
      ),
    ).toBe(true);
    // Nothing of the center is carried into or out of 2021, as its real report says.
    expect(
      specs.some(
        (a) => a.organization === 'center' && a.receivedOn < '2021-01-01' && (a.concludedOn ?? '9999') >= '2021-01-01',
      ),
    ).toBe(false);
  });

  it('review cases, decisions and fees', () => {
    const cases = reviewCaseSpecs('full', TODAY);
    for (const c of cases)
      expect(RULES['api::review-case.review-case']({ ...c, organization: 'x' }, create())).toEqual([]);
    expect(cases.some((c) => c.concludedOn === null && c.result === null)).toBe(true);
    expect(reviewCaseSpecs('small', TODAY).some((c) => c.concludedOn === null)).toBe(true);
    for (const d of decisionSpecs('full', TODAY))
      expect(
        RULES['api::administrative-decision.administrative-decision']({ ...d, organization: 'x' }, create()),
      ).toEqual([]);
    const fees = feeSpecs('full', TODAY);
    for (const f of fees) {
      expect(RULES['api::fee.fee']({ ...f, organization: 'x' }, create())).toEqual([]);
      expect(String(f.amount)).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/);
    }
    expect(fees.some((f) => f.amount === 0.1)).toBe(true);
  });

  it('annual reports: the 2021 narrative is the fixture’s, the rest are labelled samples', () => {
    const [r2021, ...others] = annualReportSpecs();
    expect(r2021.year).toBe(2021);
    expect(r2021.zh.overview.startsWith('2021年,中心严格对照')).toBe(true);
    expect(r2021.zh.problems.endsWith('推进工作。')).toBe(true);
    expect(r2021.en?.overview).toMatch(/^Sample data/);
    for (const r of others) expect(r.zh.overview).toMatch(/示例数据/);
  });
});
