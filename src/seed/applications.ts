/**
 * Applications for government information (依申请公开), 2019 to the current year, for the center and the department:
 * about 60 per organization and year, mostly from natural persons, mostly granted. Applications received in late
 * December are concluded in January; those not yet concluded today are still open (no conclusion, no outcome).
 * Applicants are fictitious: 王某（示例）, IDs of an unassigned region, phones 100-0000-xxxx, mail at example.com.
 */
import { CREDIT_CODE_ALPHABET, sampleCreditCode } from './credit-code';
import { addDays, randomDate } from './dates';
import type { OrgKey, Orgs } from './organizations';
import { Random } from './random';
import { sampleResidentId } from './resident-id';
import { orgRef, type Scale, type SeedStore } from './store';
import { REGIONS, SAMPLE, companyName, personName } from './vocabulary';

export const APPLICATION_UID = 'api::disclosure-application.disclosure-application';

export const FIRST_RECORD_YEAR = 2019;
export const LAST_PLANNED_YEAR = 2025;
export const APPLICATIONS_PER_YEAR: Record<Scale, [number, number] | number> = { full: [52, 68], small: 10 };

/** Organizations that handle applications, with the prefix of their tracking numbers. */
export const HANDLING_ORGS: Array<{ key: Extract<OrgKey, 'center' | 'department'>; prefix: string }> = [
  { key: 'center', prefix: 'ZMD-JY' },
  { key: 'department', prefix: 'ZMD-GG' },
];

/**
 * The center's real 2021 report (the fixture) says it received no application that year, and the seed keeps its
 * 2021 records consistent with that report: no applications, none carried over into or out of 2021, no cases.
 */
export const YEARS_WITHOUT_RECORDS: Partial<Record<OrgKey, number[]>> = { center: [2021] };

export const hasRecords = (org: OrgKey, year: number) => !(YEARS_WITHOUT_RECORDS[org] ?? []).includes(year);

/** 2019 up to the current year (at least 2025): the current year holds only what has arrived by today. */
export function recordYears(today: string): number[] {
  const last = Math.max(LAST_PLANNED_YEAR, Number(today.slice(0, 4)));
  return Array.from({ length: last - FIRST_RECORD_YEAR + 1 }, (_, i) => FIRST_RECORD_YEAR + i);
}

export type ApplicantType =
  | 'naturalPerson'
  | 'commercialEnterprise'
  | 'researchInstitution'
  | 'socialWelfareOrganization'
  | 'legalServiceOrganization'
  | 'otherOrganization';

export const OUTCOME_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['granted', 38],
  ['partiallyGranted', 14],
  ['withheld.stateSecret', 0.5],
  ['withheld.prohibitedByLaw', 1],
  ['withheld.threeSecurities', 0.5],
  ['withheld.thirdPartyRights', 3],
  ['withheld.internalAffairs', 2],
  ['withheld.processInformation', 3],
  ['withheld.enforcementFiles', 1],
  ['withheld.administrativeQuery', 1.5],
  ['unavailable.notHeld', 16],
  ['unavailable.needsCreation', 4],
  ['unavailable.unclearAfterCorrection', 2],
  ['notProcessed.petition', 3],
  ['notProcessed.duplicate', 2],
  ['notProcessed.publication', 1],
  ['notProcessed.vexatious', 0.5],
  ['notProcessed.confirmation', 1],
  ['otherDisposal.noCorrection', 3],
  ['otherDisposal.feeUnpaid', 0.5],
  ['otherDisposal.other', 2],
];

const APPLICANT_WEIGHTS: ReadonlyArray<readonly [ApplicantType, number]> = [
  ['naturalPerson', 70],
  ['commercialEnterprise', 17],
  ['researchInstitution', 2],
  ['socialWelfareOrganization', 2],
  ['legalServiceOrganization', 5],
  ['otherOrganization', 4],
];

export type ApplicationSpec = {
  organization: OrgKey;
  trackingNumber: string;
  receivedOn: string;
  channel: string;
  applicantType: ApplicantType;
  applicantName: string;
  idType: string;
  idNumber: string;
  contactPerson: string | null;
  phone: string;
  email: string | null;
  address: string;
  postalCode: string;
  requestedInformation: string;
  preferredForm: string;
  deliveryMethod: string;
  state: 'received' | 'concluded';
  concludedOn: string | null;
  outcome: string | null;
  notes: string;
};

const DIGITS = '0123456789';

function applicant(rng: Random, type: ApplicantType) {
  const contact = () => personName(rng);
  switch (type) {
    case 'naturalPerson': {
      const idType = rng.weighted([
        ['residentId', 88],
        ['passport', 5],
        ['otherPersonalId', 7],
      ] as const);
      const idNumber =
        idType === 'residentId'
          ? sampleResidentId(rng)
          : `${idType === 'passport' ? 'E' : 'H'}0000${rng.chars(DIGITS, 4)}`;
      return { applicantName: personName(rng), idType, idNumber, contactPerson: null };
    }
    case 'commercialEnterprise':
      return {
        applicantName: companyName(rng, rng.pick(['construction', 'supplier', 'developer', 'consulting'] as const)),
        idType: 'creditCode',
        idNumber: sampleCreditCode(rng, '91'),
        contactPerson: contact(),
      };
    case 'researchInstitution':
      return {
        applicantName: `河南省${rng.pick(['城乡规划', '经济发展', '公共管理', '工程造价', '数字政府'])}研究院${SAMPLE}`,
        idType: 'creditCode',
        idNumber: sampleCreditCode(rng, '12', '410000'),
        contactPerson: contact(),
      };
    case 'socialWelfareOrganization':
      return {
        applicantName: `驻马店市${rng.pick(['阳光', '同心', '守望', '益民', '春晖'])}公益服务中心${SAMPLE}`,
        idType: 'creditCode',
        idNumber: sampleCreditCode(rng, '52'),
        contactPerson: contact(),
      };
    case 'legalServiceOrganization':
      return {
        applicantName: companyName(rng, 'law'),
        idType: 'creditCode',
        idNumber: sampleCreditCode(rng, '31'),
        contactPerson: contact(),
      };
    case 'otherOrganization':
      return {
        applicantName: `${rng.pick(REGIONS).name}${rng.pick(['王庄村', '李楼村', '张湾村', '刘岗村'])}村民委员会${SAMPLE}`,
        idType: 'otherOrganizationId',
        idNumber: `ORG-0000${rng.chars(CREDIT_CODE_ALPHABET.slice(0, 10), 5)}`,
        contactPerson: contact(),
      };
  }
}

function request(rng: Random, org: OrgKey, year: number): string {
  const subject = rng.pick(
    org === 'center'
      ? [
          `${year}年度某道路改造工程项目的评标报告`,
          `某政府采购项目的中标（成交）供应商投标文件`,
          `${year}年度评标专家抽取记录`,
          `某宗地国有建设用地使用权出让的成交确认书`,
          `某项目投标保证金退还情况`,
          `${year}年度进场交易项目数量及成交金额统计`,
          `某国有产权转让项目的交易结果及受让方信息`,
          `交易中心${year}年度部门预算及“三公”经费情况`,
        ]
      : [
          `对某建设工程有限公司作出的行政处罚决定书`,
          `${year}年度公共资源交易投诉处理情况`,
          `《驻马店市公共资源交易目录》的制定依据及征求意见情况`,
          `某招标代理机构的不良行为记录`,
          `${year}年度行政许可事项办理情况`,
          `某政府采购项目投诉的处理决定`,
          `公共资源交易保证金管理办法的起草说明`,
        ],
  );
  return `申请公开${subject}。（示例数据 / Sample data：虚构的申请内容）`;
}

/** The specs of one organization and year at the full scale, numbered in order of receipt, before today's cut. */
function yearSpecs(
  org: (typeof HANDLING_ORGS)[number],
  year: number,
): Array<ApplicationSpec & { plannedConclusion: string }> {
  if (!hasRecords(org.key, year)) return [];
  const yearRng = Random.for('applications', org.key, year);
  const [min, max] = APPLICATIONS_PER_YEAR.full as [number, number];
  const count = yearRng.int(min, max);
  const lateDecember = yearRng.int(1, 3);
  // The year before a year without records closes everything by 31 December (nothing carried over into it).
  const closeByYearEnd = !hasRecords(org.key, year + 1);
  const drafts = Array.from({ length: count }, (_, k) => {
    const rng = Random.for('application', org.key, year, k);
    const late = k < lateDecember && !closeByYearEnd;
    const receivedOn = late
      ? randomDate(rng, `${year}-12-18`, `${year}-12-31`)
      : randomDate(rng, `${year}-01-02`, `${year}-12-${closeByYearEnd ? '01' : '31'}`);
    const duration = late
      ? rng.int(Math.max(5, 32 - Number(receivedOn.slice(8))), 40)
      : rng.int(5, closeByYearEnd ? 25 : 40);
    const applicantType = rng.weighted(APPLICANT_WEIGHTS);
    const who = applicant(rng, applicantType);
    return {
      rng,
      receivedOn,
      plannedConclusion: addDays(receivedOn, duration),
      applicantType,
      ...who,
      outcome: rng.weighted(OUTCOME_WEIGHTS),
      channel: rng.weighted([
        ['online', 55],
        ['inPerson', 15],
        ['letter', 15],
        ['email', 10],
        ['fax', 2],
        ['other', 3],
      ] as const),
      preferredForm: rng.weighted([
        ['electronic', 70],
        ['paper', 28],
        ['other', 2],
      ] as const),
      requestedInformation: request(rng, org.key, year),
      k,
    };
  });
  drafts.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.k - b.k);
  return drafts.map((d, i) => ({
    organization: org.key,
    trackingNumber: `${org.prefix}-${year}-${String(i + 1).padStart(4, '0')}`,
    receivedOn: d.receivedOn,
    channel: d.channel,
    applicantType: d.applicantType,
    applicantName: d.applicantName,
    idType: d.idType,
    idNumber: d.idNumber,
    contactPerson: d.contactPerson,
    phone: `100-0000-${d.rng.chars(DIGITS, 4)}`,
    email: d.rng.chance(0.6) ? `applicant-${year}-${i + 1}@example.com` : null,
    address: `驻马店市${d.rng.pick(REGIONS).name}示例路${d.rng.int(1, 300)}号${SAMPLE}`,
    postalCode: '463000',
    requestedInformation: d.requestedInformation,
    preferredForm: d.preferredForm,
    deliveryMethod:
      d.preferredForm === 'paper' ? d.rng.pick(['post', 'pickup']) : d.channel === 'email' ? 'email' : 'online',
    state: 'concluded' as const,
    concludedOn: d.plannedConclusion,
    outcome: d.outcome,
    notes: '示例数据 / Sample data：虚构的申请记录，申请人信息均为示例。',
    plannedConclusion: d.plannedConclusion,
  }));
}

/**
 * The applications at a scale, as of `today`: none received after today; those due to conclude after today are open.
 * The small scale keeps 10 per organization and year, spread over the year (the last one received included, so
 * late-December and still-open applications appear), with the numbers they have at the full scale.
 */
export function applicationSpecs(scale: Scale, today: string): ApplicationSpec[] {
  const out: ApplicationSpec[] = [];
  for (const org of HANDLING_ORGS) {
    for (const year of recordYears(today)) {
      const all = yearSpecs(org, year).filter((spec) => spec.receivedOn <= today);
      const n = APPLICATIONS_PER_YEAR.small as number;
      const kept =
        scale === 'full' || all.length <= n
          ? all
          : Array.from({ length: n }, (_, i) => all[Math.round((i * (all.length - 1)) / (n - 1))]);
      for (const { plannedConclusion, ...spec } of kept) {
        if (plannedConclusion > today) out.push({ ...spec, state: 'received', concludedOn: null, outcome: null });
        else out.push(spec);
      }
    }
  }
  return out;
}

/** Seeds the applications; returns documentId by tracking number (review cases link to some). */
export async function seedApplications(store: SeedStore, orgs: Orgs, scale: Scale): Promise<Map<string, string>> {
  const specs = applicationSpecs(scale, store.today);
  const ids = new Map<string, string>();
  let done = 0;
  await store.inBatches(specs, 50, async (spec) => {
    const { organization, ...data } = spec;
    const documentId = await store.ensure(
      'applications',
      APPLICATION_UID,
      { trackingNumber: spec.trackingNumber },
      () => ({
        ...data,
        organization: orgRef(orgs[organization]),
      }),
    );
    ids.set(spec.trackingNumber, documentId);
    store.progress('applications', (done += 1), specs.length);
  });
  return ids;
}
