/**
 * The center's annual reports, as drafts: 2021 with the narrative of the real report (zh-Hans) and a short sample
 * English translation, and 2022–2024 with short sample narratives. The tables stay empty (the disclosure plugin
 * computes them) and nothing is published here: publishing is the plugin's check-then-publish step.
 */
import { CENTER_NAME, type Orgs } from './organizations';
import { FIXTURE_2021 } from './fixture-2021';
import { orgRef, type SeedStore } from './store';

export const ANNUAL_REPORT_UID = 'api::annual-report.annual-report';

type Narrative = { title: string; overview: string; problems: string; otherMatters: string | null };
export type AnnualReportSpec = { year: number; zh: Narrative; en: Narrative | null };

const EN_2021: Narrative = {
  title:
    'Zhumadian Public Resources Trading Center: 2021 Annual Report on Government Information Disclosure (sample translation)',
  overview: [
    'Sample data: a short English summary of the Chinese original written for demonstration, not an official translation.',
    '',
    'In 2021 the Center published policies, trading information and news of its work through its trading platform website, the municipal government portal and the media, following the city’s division of open-government tasks for 2021.',
    '',
    'Proactive disclosure: the website has columns for open government, trading information, weekly reports, an exposure board, objections and complaints, a credit database of market parties, service guides and downloads. Trading information of construction tendering, government procurement, land-use rights and state-owned property rights is published promptly.',
    '',
    'Disclosure on request: the Center is a public institution directly under the municipal government without administrative approval, supervision or penalty powers, and had no applications for information this year.',
    '',
    'Platform: the Center launched a visual view of each transaction’s process, live streams of evaluation expert draws, live figures of its electronic guarantee service, and published the fees, addresses and procedures of the four CA certificate providers recognised across the province.',
  ].join('\n'),
  problems: [
    'Sample data: a short English summary of the Chinese original, for demonstration.',
    '',
    'The Center will publish the whole trading process more completely and promptly, coordinate more closely with the propaganda, cyberspace, government service and big data authorities, and supervise and evaluate the openness of its work more regularly.',
  ].join('\n'),
  otherMatters: null,
};

function sampleNarrative(year: number): Narrative {
  return {
    title: `${CENTER_NAME}${year}年政府信息公开工作年度报告（示例）`,
    overview: [
      `示例数据 / Sample data：本节为系统演示用的示例文字，并非${CENTER_NAME}发布的真实报告。`,
      '',
      `${year}年，中心通过门户网站、政府门户网站和新闻媒体主动公开政策文件、交易信息和工作动态，及时公开建设工程招投标、政府采购、国有土地使用权出让、矿业权出让和国有产权交易信息。`,
      '',
      `（一）依申请公开情况。本年度收到和办理政府信息公开申请的情况见第三部分统计表。`,
      '',
      '（二）平台建设。持续完善交易流程可视化、评标专家抽取直播和电子保函服务数据公开。',
    ].join('\n'),
    problems:
      '示例数据 / Sample data：公开内容的及时性和解读质量仍有提升空间。下一步将细化公开事项清单，加强政策解读和监督评价。',
    otherMatters: '示例数据 / Sample data：本年度未收取信息处理费。',
  };
}

export function annualReportSpecs(): AnnualReportSpec[] {
  return [
    // Section 六 is empty in the source; a report publishes only with every section written, so it states 无 (none).
    {
      year: 2021,
      zh: { ...FIXTURE_2021, otherMatters: FIXTURE_2021.otherMatters ?? '无' },
      en: { ...EN_2021, otherMatters: EN_2021.otherMatters ?? 'None.' },
    },
    ...[2022, 2023, 2024].map((year) => ({ year, zh: sampleNarrative(year), en: null })),
  ];
}

export async function seedAnnualReports(store: SeedStore, orgs: Orgs) {
  const specs = annualReportSpecs();
  const organization = { organization: orgRef(orgs.center) };
  let done = 0;
  for (const spec of specs) {
    await store.ensureLocalized(
      'annualReports',
      ANNUAL_REPORT_UID,
      { year: spec.year, organization: { documentId: orgs.center } },
      () => ({ ...spec.zh, year: spec.year, formatVersion: 'gov-2021', ...organization }),
      spec.en ? () => ({ ...spec.en!, ...organization }) : null,
    );
    store.progress('annualReports', (done += 1), specs.length);
  }
}
