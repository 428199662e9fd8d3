/**
 * About forty policy documents, 2018–2025: 规章 and 行政规范性文件 of the department (the center cannot issue
 * either, as its real 2021 report says), other documents of the center and its branch. Some are repealed by a
 * later revision, some have an English version, a few are drafts. Titles and texts are invented (（示例）).
 */
import { addDays, randomDate, weekday } from './dates';
import type { OrgKey, Orgs } from './organizations';
import { Random } from './random';
import { orgRef, type SeedStore } from './store';

export const POLICY_DOCUMENT_UID = 'api::policy-document.policy-document';

type Kind = 'regulation' | 'normative' | 'other';

/** One row of the list below: [key, kind, year, 文号 or '', title (without the sample suffix), organization, options]. */
type Row = [string, Kind, number, string, string, OrgKey, RowOptions?];
type RowOptions = { en?: string; repealedBy?: string; repealedOn?: string; draft?: boolean };

const GOV = '驻马店市人民政府';
const GOV_OFFICE = '驻马店市人民政府办公室';
const GOV_EN = 'Zhumadian Municipal People’s Government';
const GOV_OFFICE_EN = 'General Office of the Zhumadian Municipal People’s Government';

const ROWS: Row[] = [
  // 规章: 市人民政府令, published by the department.
  [
    'reg-2018-trading',
    'regulation',
    2018,
    '驻马店市人民政府令第3号',
    '驻马店市公共资源交易管理办法',
    'department',
    { en: 'Measures of Zhumadian for the Administration of Public Resource Trading', repealedBy: 'reg-2023-trading' },
  ],
  [
    'reg-2019-experts',
    'regulation',
    2019,
    '驻马店市人民政府令第5号',
    '驻马店市政府采购评审专家管理办法',
    'department',
    { en: 'Measures of Zhumadian for Managing Government Procurement Evaluation Experts' },
  ],
  [
    'reg-2020-land',
    'regulation',
    2020,
    '驻马店市人民政府令第8号',
    '驻马店市国有建设用地使用权网上交易规定',
    'department',
    { en: 'Provisions of Zhumadian on Online Trading of State-owned Construction Land-use Rights' },
  ],
  [
    'reg-2022-evaluation',
    'regulation',
    2022,
    '驻马店市人民政府令第12号',
    '驻马店市公共资源交易评标专家管理办法',
    'department',
    { en: 'Measures of Zhumadian for Managing Bid Evaluation Experts' },
  ],
  [
    'reg-2023-trading',
    'regulation',
    2023,
    '驻马店市人民政府令第15号',
    '驻马店市公共资源交易管理办法（修订）',
    'department',
    { en: 'Measures of Zhumadian for the Administration of Public Resource Trading (revised)' },
  ],
  [
    'reg-2025-mining',
    'regulation',
    2025,
    '驻马店市人民政府令第19号',
    '驻马店市矿业权出让交易规定',
    'department',
    { en: 'Provisions of Zhumadian on Trading Mining Rights' },
  ],
  // 行政规范性文件.
  [
    'norm-2018-opinion',
    'normative',
    2018,
    '驻政〔2018〕21号',
    '驻马店市人民政府关于进一步规范公共资源交易活动的意见',
    'department',
    {
      en: 'Opinions of the Zhumadian Municipal Government on Further Regulating Public Resource Trading',
      repealedBy: 'norm-2022-business',
    },
  ],
  [
    'norm-2018-catalogue',
    'normative',
    2018,
    '驻政办〔2018〕56号',
    '驻马店市公共资源交易目录（2018年版）',
    'department',
    { repealedBy: 'norm-2021-catalogue' },
  ],
  [
    'norm-2019-supervision',
    'normative',
    2019,
    '驻政办〔2019〕14号',
    '驻马店市工程建设项目招标投标活动监督管理暂行办法',
    'department',
  ],
  [
    'norm-2019-misconduct',
    'normative',
    2019,
    '驻公管〔2019〕7号',
    '驻马店市公共资源交易不良行为记录管理办法',
    'department',
    { repealedBy: 'norm-2024-misconduct' },
  ],
  [
    'norm-2020-electronic',
    'normative',
    2020,
    '驻政〔2020〕9号',
    '驻马店市关于全面推行电子化招标投标的实施意见',
    'department',
    { en: 'Implementing Opinions of Zhumadian on Fully Electronic Tendering and Bidding' },
  ],
  [
    'norm-2020-deposit',
    'normative',
    2020,
    '驻公管〔2020〕15号',
    '驻马店市公共资源交易保证金管理办法',
    'department',
    { repealedBy: 'norm-2023-deposit' },
  ],
  [
    'norm-2021-catalogue',
    'normative',
    2021,
    '驻政办〔2021〕12号',
    '驻马店市公共资源交易目录（2021年版）',
    'department',
    { en: 'Catalogue of Public Resource Trading in Zhumadian (2021 edition)', repealedBy: 'norm-2025-catalogue' },
  ],
  [
    'norm-2021-guarantee',
    'normative',
    2021,
    '驻公管〔2021〕3号',
    '驻马店市电子保函管理办法（试行）',
    'department',
    { en: 'Measures of Zhumadian for Electronic Guarantees (trial)' },
  ],
  ['norm-2021-draw', 'normative', 2021, '驻公管〔2021〕22号', '驻马店市评标专家抽取管理规定', 'department'],
  [
    'norm-2022-business',
    'normative',
    2022,
    '驻政〔2022〕17号',
    '驻马店市关于优化公共资源交易营商环境的若干措施',
    'department',
    { en: 'Measures of Zhumadian for a Better Business Environment in Public Resource Trading' },
  ],
  [
    'norm-2022-credit',
    'normative',
    2022,
    '驻公管〔2022〕11号',
    '驻马店市公共资源交易主体信用评价管理办法',
    'department',
  ],
  [
    'norm-2023-platform',
    'normative',
    2023,
    '驻政办〔2023〕28号',
    '驻马店市公共资源交易平台整合共享实施方案',
    'department',
  ],
  [
    'norm-2023-deposit',
    'normative',
    2023,
    '驻公管〔2023〕6号',
    '驻马店市公共资源交易保证金管理办法（修订）',
    'department',
    { en: 'Measures of Zhumadian for Trading Deposits (revised)' },
  ],
  [
    'norm-2024-misconduct',
    'normative',
    2024,
    '驻公管〔2024〕4号',
    '驻马店市公共资源交易不良行为记录管理办法（修订）',
    'department',
  ],
  ['norm-2024-property', 'normative', 2024, '驻政办〔2024〕19号', '驻马店市国有产权交易监督管理办法', 'department'],
  ['norm-2025-intention', 'normative', 2025, '驻公管〔2025〕2号', '驻马店市政府采购意向公开实施细则', 'department'],
  [
    'norm-2025-complaints',
    'normative',
    2025,
    '驻公管〔2025〕9号',
    '驻马店市公共资源交易异议投诉处理办法',
    'department',
    { draft: true },
  ],
  [
    'norm-2025-catalogue',
    'normative',
    2025,
    '驻政办〔2025〕33号',
    '驻马店市公共资源交易目录（2025年版）',
    'department',
    { en: 'Catalogue of Public Resource Trading in Zhumadian (2025 edition)' },
  ],
  // Other documents of the center and its branch.
  ['other-2018-venue', 'other', 2018, '驻公资交〔2018〕12号', '驻马店市公共资源交易中心开评标场所管理制度', 'center'],
  [
    'other-2019-openness',
    'other',
    2019,
    '',
    '驻马店市公共资源交易中心政务公开工作制度',
    'center',
    { en: 'Rules of the Zhumadian Public Resources Trading Center on Open Government' },
  ],
  ['other-2019-platform', 'other', 2019, '驻公资交〔2019〕8号', '关于启用新版公共资源交易平台的通知', 'center'],
  [
    'other-2020-remote',
    'other',
    2020,
    '',
    '关于疫情防控期间实行不见面开标的通知',
    'center',
    { repealedOn: '2023-01-08' },
  ],
  ['other-2020-witness', 'other', 2020, '', '驻马店市公共资源交易中心见证服务规范', 'center'],
  [
    'other-2021-ca',
    'other',
    2021,
    '',
    '关于CA数字证书全省互认的公告',
    'center',
    { en: 'Notice on Province-wide Mutual Recognition of CA Certificates' },
  ],
  ['other-2021-tasks', 'other', 2021, '', '驻马店市公共资源交易中心2021年政务公开工作要点', 'center'],
  [
    'other-2022-live',
    'other',
    2022,
    '',
    '关于开通评标专家抽取直播的公告',
    'center',
    { en: 'Notice on Live Streaming of Evaluation Expert Draws' },
  ],
  ['other-2022-booking', 'other', 2022, '', '西平分中心交易场地预约须知', 'branch'],
  ['other-2023-guarantee', 'other', 2023, '驻公资交〔2023〕5号', '关于上线电子保函服务平台的通知', 'center'],
  ['other-2023-archives', 'other', 2023, '', '驻马店市公共资源交易中心档案管理办法', 'center'],
  ['other-2024-process', 'other', 2024, '', '关于交易流程可视化功能上线的公告', 'center'],
  ['other-2024-rooms', 'other', 2024, '', '西平分中心开标室使用管理规定', 'branch'],
  ['other-2025-tasks', 'other', 2025, '', '驻马店市公共资源交易中心2025年政务公开工作要点', 'center'],
  ['other-2025-schedule', 'other', 2025, '', '关于调整开评标时间安排的通知', 'center', { draft: true }],
  [
    'other-2025-verification',
    'other',
    2025,
    '驻公资交〔2025〕3号',
    '关于做好2025年度交易主体信息核验工作的通知',
    'center',
    { draft: true },
  ],
];

export type PolicyDocumentSpec = {
  key: string;
  kind: Kind;
  documentNumber: string | null;
  organization: OrgKey;
  issuedOn: string;
  effectiveOn: string | null;
  repealedOn: string | null;
  draft: boolean;
  zh: { title: string; issuingBody: string; summary: string; body: string };
  en: { title: string; issuingBody: string; summary: string; body: string } | null;
};

const ORG_NAMES: Record<OrgKey, { zh: string; en: string }> = {
  center: { zh: '驻马店市公共资源交易中心', en: 'Zhumadian Public Resources Trading Center' },
  department: {
    zh: '驻马店市公共资源交易管理委员会办公室（示例）',
    en: 'Zhumadian Public Resources Trading Administration Office (sample)',
  },
  branch: {
    zh: '驻马店市公共资源交易中心西平分中心（示例）',
    en: 'Xiping Branch of the Zhumadian Public Resources Trading Center (sample)',
  },
};

function issuingBodies(number: string, org: OrgKey): { zh: string; en: string } {
  if (number.startsWith('驻马店市人民政府令') || number.startsWith('驻政〔')) return { zh: GOV, en: GOV_EN };
  if (number.startsWith('驻政办')) return { zh: GOV_OFFICE, en: GOV_OFFICE_EN };
  return ORG_NAMES[org];
}

const SAMPLE_NOTE_ZH = '> 示例数据 / Sample data：本文件为系统演示用的虚构文件，并非真实发布的政策文件。';
const SAMPLE_NOTE_EN = '> Sample data: an invented document for demonstrating the system, not a real policy.';

function body(title: string, number: string | null, issuedOn: string, kind: Kind): string {
  const lead = kind === 'regulation' ? '第一条' : '一、';
  return [
    `# ${title}`,
    '',
    SAMPLE_NOTE_ZH,
    '',
    number ? `文号：${number}　成文日期：${issuedOn}` : `成文日期：${issuedOn}`,
    '',
    `${lead}为进一步规范公共资源交易活动，提高交易效率和透明度，维护国家利益、社会公共利益和交易各方合法权益，结合本市实际，制定本${kind === 'regulation' ? '办法' : '文件'}。`,
    '',
    `${kind === 'regulation' ? '第二条' : '二、'}本市行政区域内的公共资源交易活动及其监督管理，适用本${kind === 'regulation' ? '办法' : '文件'}。`,
    '',
    `${kind === 'regulation' ? '第三条' : '三、'}本${kind === 'regulation' ? '办法' : '文件'}自印发之日起施行。`,
  ].join('\n');
}

function bodyEn(title: string, number: string | null, issuedOn: string): string {
  return [
    `# ${title}`,
    '',
    SAMPLE_NOTE_EN,
    '',
    number ? `Document number: ${number}. Issued on ${issuedOn}.` : `Issued on ${issuedOn}.`,
    '',
    '1. These provisions regulate public resource trading in the city, to make it more efficient and transparent and to protect the public interest and the lawful rights of the parties.',
    '',
    '2. They apply to public resource trading in the administrative area of the city and to its supervision.',
    '',
    '3. They take effect on the day of issue.',
  ].join('\n');
}

export function policyDocumentSpecs(): PolicyDocumentSpec[] {
  const dated = new Map<string, { issuedOn: string; effectiveOn: string | null }>();
  for (const [key, kind, year] of ROWS) {
    const rng = Random.for('policy', key);
    const issuedOn = weekday(randomDate(rng, `${year}-01-05`, `${year}-12-10`));
    const effectiveOn =
      kind === 'regulation'
        ? addDays(issuedOn, 30)
        : kind === 'normative'
          ? addDays(issuedOn, rng.pick([0, 0, 10, 30]))
          : rng.chance(0.5)
            ? issuedOn
            : null;
    dated.set(key, { issuedOn, effectiveOn });
  }
  return ROWS.map(([key, kind, , number, title, org, options = {}]) => {
    const { issuedOn, effectiveOn } = dated.get(key)!;
    const replacement = options.repealedBy ? dated.get(options.repealedBy) : undefined;
    if (options.repealedBy && !replacement)
      throw new Error(`policy ${key}: repealedBy "${options.repealedBy}" is not in the list`);
    // A revision repeals its predecessor the day it takes effect.
    const repealedOn = replacement ? (replacement.effectiveOn ?? replacement.issuedOn) : (options.repealedOn ?? null);
    const bodies = issuingBodies(number, org);
    const zhTitle = `${title}（示例）`;
    return {
      key,
      kind,
      documentNumber: number || null,
      organization: org,
      issuedOn,
      effectiveOn,
      repealedOn,
      draft: options.draft === true,
      zh: {
        title: zhTitle,
        issuingBody: bodies.zh,
        summary: `${title}的主要内容摘要。示例数据 / Sample data：虚构文件，仅供系统演示。`,
        body: body(zhTitle, number || null, issuedOn, kind),
      },
      en: options.en
        ? {
            title: `${options.en} (sample)`,
            issuingBody: bodies.en,
            summary: `Summary of the ${options.en}. Sample data: an invented document for demonstration only.`,
            body: bodyEn(`${options.en} (sample)`, number || null, issuedOn),
          }
        : null,
    };
  });
}

export async function seedPolicyDocuments(store: SeedStore, orgs: Orgs) {
  const specs = policyDocumentSpecs();
  let done = 0;
  for (const spec of specs) {
    const common = {
      documentNumber: spec.documentNumber,
      kind: spec.kind,
      issuedOn: spec.issuedOn,
      effectiveOn: spec.effectiveOn,
      repealedOn: spec.repealedOn,
    };
    // Relations are localized in Strapi 5: the en version links the en row of the organization.
    const organization = { organization: orgRef(orgs[spec.organization]) };
    await store.ensureLocalized(
      'policyDocuments',
      POLICY_DOCUMENT_UID,
      spec.documentNumber ? { documentNumber: spec.documentNumber } : { title: spec.zh.title },
      () => ({ ...spec.zh, ...common, ...organization }),
      spec.en ? () => ({ ...spec.en!, ...organization }) : null,
      !spec.draft,
    );
    store.progress('policyDocuments', (done += 1), specs.length);
  }
}
