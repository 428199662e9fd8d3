/**
 * About 300 transaction projects of the five categories, 2024–2025, each with the notices of its category released in
 * the order of the process (announcement, amendments, candidates, result, contract). The trading data is a snapshot
 * taken on TRADING_SNAPSHOT: projects registered shortly before it are still running, so the site shows every stage;
 * the next notice of some running projects is already prepared as a draft. A few tenders fail or are terminated.
 */
import { addDays, chinaTime, daysBetween, randomDate, weekday, yearOf } from './dates';
import { amountBetween, label, money, scaled, type Money } from './money';
import type { OrgKey, Orgs } from './organizations';
import { Random } from './random';
import { orgRef, type Scale, type SeedStore } from './store';
import {
  BODIES,
  CHINESE_NUMERALS,
  HOSPITALS,
  REGIONS,
  RIVERS,
  ROADS,
  SAMPLE,
  SCHOOLS,
  TOWNS,
  VILLAGES,
  companyName,
  companyNames,
  personName,
  type Region,
} from './vocabulary';

export const PROJECT_UID = 'api::transaction-project.transaction-project';
export const NOTICE_UID = 'api::transaction-notice.transaction-notice';

/** Projects are registered in this window; nothing is released after its end (the snapshot date). */
export const TRADING_WINDOW = { from: '2024-01-02', to: '2025-12-31' } as const;
export const PROJECT_COUNT: Record<Scale, number> = { full: 300, small: 30 };

export type Category = 'construction' | 'procurement' | 'landUse' | 'miningRights' | 'stateProperty';
type Method =
  | 'openTender'
  | 'invitedTender'
  | 'competitiveNegotiation'
  | 'competitiveConsultation'
  | 'singleSource'
  | 'inquiry'
  | 'listing'
  | 'auction'
  | 'bidding'
  | 'agreement';

export type NoticeSpec = {
  noticeType: string;
  title: string;
  releasedAt: string;
  publicityStart: string | null;
  publicityEnd: string | null;
  body: string;
  draft: boolean;
};

type KeyTimes = {
  documentsFrom?: string;
  documentsUntil?: string;
  bidDeadline?: string;
  bidOpeningAt?: string;
  bidOpeningPlace?: string;
};
type Candidate = { rank: number; name: string; bidAmount: string; bidUnit: 'yuan' | 'wanYuan' };

export type ProjectSpec = {
  index: number;
  category: Category;
  organization: OrgKey;
  name: string;
  projectCode: string;
  dealCode: string;
  sectionCode: string | null;
  registeredOn: string;
  principal: string;
  agency: string | null;
  method: Method;
  region: string;
  budget: Money;
  keyTimes: KeyTimes | null;
  candidates: Candidate[];
  winner: string | null;
  winningAmount: Money | null;
  contractSignedOn: string | null;
  hasComplaint: boolean;
  draft: boolean;
  notices: NoticeSpec[];
};

/** Title words of each notice type (DOMAIN.md), as printed after the project name. */
const NOTICE_WORDS: Record<string, string> = {
  tenderNotice: '招标公告',
  prequalificationNotice: '资格预审公告',
  amendmentNotice: '变更公告',
  clarificationNotice: '答疑公示',
  candidatePublicity: '中标候选人公示',
  awardResult: '中标结果公告',
  failedTender: '流标公示',
  procurementNotice: '采购公告',
  correctionNotice: '更正公告',
  procurementResult: '中标（成交）结果公告',
  contractNotice: '合同公告',
  terminationNotice: '终止公告',
  transferNotice: '出让公告',
  dealPublicity: '成交公示',
  listingDisclosure: '挂牌披露公告',
  dealResult: '交易结果公告',
};

const CATEGORY_CODES: Record<Category, { letters: string; digit: string }> = {
  construction: { letters: 'JS', digit: '1' },
  procurement: { letters: 'CG', digit: '2' },
  landUse: { letters: 'TD', digit: '3' },
  miningRights: { letters: 'KY', digit: '4' },
  stateProperty: { letters: 'CQ', digit: '5' },
};

const CITY = { name: '驻马店市', code: '411700' } as const;

/** A planned notice: its type and day, and the publicity period when the type has one. */
type Event = { type: string; date: string; publicityDays?: number };

/** What a category builder returns before the process is cut at the snapshot date. */
type Draft = {
  baseName: string;
  sectionCode: string | null;
  principal: string;
  agency: string | null;
  method: Method;
  budget: Money;
  keyTimes: KeyTimes | null;
  events: Event[];
  /** Fields set once the notice of the given type is out. */
  results: {
    type: string;
    candidates?: Candidate[];
    winner: string;
    winningAmount: Money;
    contractSignedOn?: string;
  } | null;
  facts: string[];
};

const at = (date: string, hour: number, minute = 0) => chinaTime(date, hour, minute);

function place(org: OrgKey, rng: Random, kind: 'tender' | 'land'): string {
  if (org === 'branch') return '驻马店市公共资源交易中心西平分中心开标室（示例）';
  return kind === 'land'
    ? '驻马店市公共资源交易中心土地矿产交易厅（示例）'
    : `驻马店市公共资源交易中心第${rng.pick(CHINESE_NUMERALS.slice(0, 6))}开标室（示例）`;
}

function tenderTimes(release: string, days: number, org: OrgKey, rng: Random): KeyTimes {
  const opening = weekday(addDays(release, days));
  const until = weekday(addDays(release, Math.min(7, days - 1)));
  return {
    documentsFrom: at(release, 9),
    // A short procedure (询价) may close the documents the morning of the opening.
    documentsUntil: until < opening ? at(until, 17) : at(opening, 9),
    bidDeadline: at(opening, 9, 30),
    bidOpeningAt: at(opening, 9, 30),
    bidOpeningPlace: place(org, rng, 'tender'),
  };
}

function construction(rng: Random, region: { name: string }, release: string, org: OrgKey): Draft {
  const r = region.name;
  const year = yearOf(release);
  const template = rng.pick([
    () => ({ name: `${r}${rng.pick(ROADS)}道路改造工程`, body: rng.pick(['交通运输局', '住房和城乡建设局']) }),
    () => ({ name: `${r}${rng.pick(TOWNS)}${year}年高标准农田建设项目`, body: '农业农村局' }),
    () => ({ name: `${r}${rng.pick(SCHOOLS)}教学综合楼建设项目`, body: '教育局' }),
    () => ({ name: `${r}${rng.pick(HOSPITALS)}门诊医技综合楼建设工程`, body: '卫生健康委员会' }),
    () => ({
      name: `${r}${year}年老旧小区改造项目（${rng.pick(CHINESE_NUMERALS.slice(0, 4))}期）`,
      body: '住房和城乡建设局',
    }),
    () => ({ name: `${r}${rng.pick(RIVERS)}综合治理工程`, body: '水利局' }),
    () => ({ name: `${r}污水处理厂提标改造工程`, body: '城市管理局' }),
    () => ({ name: `${r}${rng.pick(TOWNS)}农村公路提质改造工程`, body: '交通运输局' }),
  ])();
  const section = rng.chance(0.3) ? rng.int(1, 3) : null;
  const method: Method = rng.weighted([
    ['openTender', 85],
    ['invitedTender', 15],
  ]);
  const budget = amountBetween(rng, 80, 15000, 0.01);
  const prequalification = rng.chance(0.1);
  const keyTimes = tenderTimes(release, prequalification ? 30 : 21, org, rng);
  const opening = keyTimes.bidOpeningAt!.slice(0, 10);
  const events: Event[] = [{ type: prequalification ? 'prequalificationNotice' : 'tenderNotice', date: release }];
  if (rng.chance(0.3)) events.push({ type: 'amendmentNotice', date: weekday(addDays(release, rng.int(3, 9))) });
  if (rng.chance(0.25)) events.push({ type: 'clarificationNotice', date: weekday(addDays(release, rng.int(10, 14))) });
  let results: Draft['results'] = null;
  if (rng.chance(0.07)) {
    events.push({ type: 'failedTender', date: weekday(addDays(opening, rng.int(0, 2))) });
  } else {
    const names = companyNames(rng, 'construction', 3);
    const ratios = [rng.int(900, 960), rng.int(940, 985), rng.int(960, 995)];
    const candidates = names.map((name, i) => ({
      rank: i + 1,
      name,
      bidAmount: money(scaled(budget, ratios[i] / 1000), 'wanYuan').amount,
      bidUnit: 'wanYuan' as const,
    }));
    const winnerRank = rng.chance(0.9) ? 1 : 2;
    const publicity = weekday(addDays(opening, rng.int(2, 5)));
    const award = weekday(addDays(publicity, rng.int(4, 6)));
    events.push({ type: 'candidatePublicity', date: publicity, publicityDays: 3 });
    events.push({ type: 'awardResult', date: award });
    results = {
      type: 'awardResult',
      candidates,
      winner: names[winnerRank - 1],
      winningAmount: { amount: candidates[winnerRank - 1].bidAmount, currency: 'CNY', unit: 'wanYuan' },
      contractSignedOn: weekday(addDays(award, rng.int(7, 30))),
    };
  }
  return {
    baseName: section ? `${template.name}第${CHINESE_NUMERALS[section - 1]}标段` : template.name,
    sectionCode: section ? `00${section}` : null,
    principal: `${r}${template.body}${SAMPLE}`,
    agency: companyName(rng, 'agency'),
    method,
    budget: money(budget, 'wanYuan'),
    keyTimes,
    events,
    results,
    facts: [
      `最高投标限价：${label(money(budget, 'wanYuan'))}`,
      `工期：${rng.pick([90, 120, 180, 240, 365])}日历天`,
      `资质要求：${rng.pick(['市政公用工程施工总承包三级及以上', '建筑工程施工总承包二级及以上', '水利水电工程施工总承包三级及以上', '公路工程施工总承包三级及以上'])}`,
    ],
  };
}

function procurement(rng: Random, region: { name: string }, release: string, org: OrgKey): Draft {
  const r = region.name;
  const year = yearOf(release);
  const hospital = rng.pick(HOSPITALS);
  const school = rng.pick(SCHOOLS);
  const body = rng.pick(BODIES);
  const template = rng.pick([
    () => ({
      name: `${r}${hospital}${rng.pick(['医用CT机', '彩色多普勒超声诊断仪', '全自动生化分析仪', '数字化X射线摄影系统', '血液透析设备'])}采购项目`,
      principal: `${r}${hospital}`,
    }),
    () => ({ name: `${r}${school}智慧教室设备采购项目`, principal: `${r}${school}` }),
    () => ({ name: `${r}${body}办公设备采购项目`, principal: `${r}${body}` }),
    () => ({ name: `${r}${body}物业管理服务采购项目`, principal: `${r}${body}` }),
    () => ({ name: `${r}${body}信息化系统运维服务采购项目`, principal: `${r}${body}` }),
    () => ({ name: `${r}农村生活垃圾清运服务采购项目`, principal: `${r}城市管理局` }),
    () => ({ name: `${r}${year}年度印刷服务定点采购项目`, principal: `${r}机关事务管理局` }),
    () => ({ name: `${r}校车采购项目`, principal: `${r}教育局` }),
  ])();
  const method: Method = rng.weighted([
    ['openTender', 50],
    ['competitiveConsultation', 20],
    ['competitiveNegotiation', 10],
    ['inquiry', 10],
    ['singleSource', 10],
  ]);
  const budget = amountBetween(rng, 50_000, 8_000_000, 100);
  const days = method === 'openTender' ? 21 : method === 'inquiry' ? 4 : 10;
  const keyTimes = method === 'singleSource' ? null : tenderTimes(release, days, org, rng);
  const opening = keyTimes ? keyTimes.bidOpeningAt!.slice(0, 10) : weekday(addDays(release, 7));
  const events: Event[] = [
    { type: 'procurementNotice', date: release, ...(method === 'singleSource' ? { publicityDays: 5 } : {}) },
  ];
  if (rng.chance(0.25))
    events.push({ type: 'correctionNotice', date: weekday(addDays(release, rng.int(2, Math.max(2, days - 3)))) });
  let results: Draft['results'] = null;
  if (rng.chance(0.06)) {
    events.push({ type: 'terminationNotice', date: weekday(addDays(opening, rng.int(0, 3))) });
  } else {
    const winner = companyName(rng, 'supplier');
    const result = weekday(addDays(opening, rng.int(1, 5)));
    const contract = weekday(addDays(result, rng.int(5, 25)));
    events.push({ type: 'procurementResult', date: result, publicityDays: 1 });
    events.push({ type: 'contractNotice', date: weekday(addDays(contract, rng.int(0, 2))) });
    results = {
      type: 'procurementResult',
      winner,
      winningAmount: money(scaled(budget, rng.int(850, 995) / 1000), 'yuan'),
      contractSignedOn: contract,
    };
  }
  return {
    baseName: template.name,
    sectionCode: null,
    principal: `${template.principal}${SAMPLE}`,
    agency: rng.chance(0.85) ? companyName(rng, 'agency') : null,
    method,
    budget: money(budget, 'yuan'),
    keyTimes,
    events,
    results,
    facts: [
      `预算金额：${label(money(budget, 'yuan'))}`,
      `采购需求：详见采购文件（示例）`,
      `合同履行期限：${rng.pick(['合同签订后30日内交货', '一年', '三年', '合同签订后60日内完成安装调试'])}`,
    ],
  };
}

function landUse(rng: Random, region: { name: string }, release: string, org: OrgKey): Draft {
  const r = region.name;
  const use = rng.weighted([
    ['住宅用地', 45],
    ['商服用地', 20],
    ['工业用地', 35],
  ]);
  const method: Method = rng.weighted([
    ['listing', 80],
    ['auction', 15],
    ['bidding', 5],
  ]);
  const start = amountBetween(rng, use === '工业用地' ? 200 : 800, use === '工业用地' ? 3000 : 30000, 1);
  const deadline = weekday(addDays(release, 30));
  const keyTimes: KeyTimes = {
    documentsFrom: at(release, 9),
    documentsUntil: at(addDays(deadline, -2), 17),
    bidDeadline: at(deadline, 10),
    bidOpeningAt: at(deadline, 10),
    bidOpeningPlace: place(org, rng, 'land'),
  };
  const deal = weekday(addDays(deadline, rng.int(1, 3)));
  const rounds = rng.chance(0.6) ? 0 : rng.int(1, 20);
  return {
    baseName: `${r}${yearOf(release)}-${String(rng.int(1, 60)).padStart(2, '0')}号宗地国有建设用地使用权出让`,
    sectionCode: null,
    principal: r === CITY.name ? `驻马店市自然资源和规划局${SAMPLE}` : `${r}自然资源局${SAMPLE}`,
    agency: null,
    method,
    budget: money(start, 'wanYuan'),
    keyTimes,
    events: [
      { type: 'transferNotice', date: release, publicityDays: 20 },
      { type: 'dealPublicity', date: deal, publicityDays: 10 },
    ],
    results: {
      type: 'dealPublicity',
      winner: companyName(rng, use === '工业用地' ? 'trading' : 'developer'),
      winningAmount: money(scaled(start, 1 + rounds * 0.02), 'wanYuan'),
      contractSignedOn: weekday(addDays(deal, rng.int(10, 30))),
    },
    facts: [
      `土地用途：${use}`,
      `出让面积：${rng.int(3000, 80000)}平方米`,
      `出让年限：${use === '住宅用地' ? 70 : use === '商服用地' ? 40 : 50}年`,
      `起始价：${label(money(start, 'wanYuan'))}`,
    ],
  };
}

function miningRights(rng: Random, region: { name: string }, release: string, org: OrgKey): Draft {
  const r = region.name;
  const mineral = rng.pick(['建筑用石料（灰岩）矿', '建筑用砂岩矿', '饰面用花岗岩矿', '砖瓦用页岩矿', '建筑用砂矿']);
  const method: Method = rng.weighted([
    ['listing', 60],
    ['auction', 40],
  ]);
  const start = amountBetween(rng, 50, 5000, 1);
  const deadline = weekday(addDays(release, 30));
  const keyTimes: KeyTimes = {
    documentsFrom: at(release, 9),
    documentsUntil: at(addDays(deadline, -2), 17),
    bidDeadline: at(deadline, 10),
    bidOpeningAt: at(deadline, 10),
    bidOpeningPlace: place(org, rng, 'land'),
  };
  const deal = weekday(addDays(deadline, rng.int(1, 3)));
  return {
    baseName: `${r}${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${mineral}采矿权出让`,
    sectionCode: null,
    principal: r === CITY.name ? `驻马店市自然资源和规划局${SAMPLE}` : `${r}自然资源局${SAMPLE}`,
    agency: null,
    method,
    budget: money(start, 'wanYuan'),
    keyTimes,
    events: [
      { type: 'transferNotice', date: release, publicityDays: 20 },
      { type: 'dealPublicity', date: deal, publicityDays: 10 },
    ],
    results: {
      type: 'dealPublicity',
      winner: companyName(rng, 'mining'),
      winningAmount: money(scaled(start, 1 + rng.int(0, 100) / 100), 'wanYuan'),
      contractSignedOn: weekday(addDays(deal, rng.int(10, 40))),
    },
    facts: [
      `矿种：${mineral}`,
      `矿区面积：${(rng.int(5, 120) / 100).toFixed(2)}平方千米`,
      `出让年限：${rng.int(3, 10)}年`,
      `起始价：${label(money(start, 'wanYuan'))}`,
    ],
  };
}

function stateProperty(rng: Random, _region: { name: string }, release: string, org: OrgKey): Draft {
  const owner = `驻马店市${rng.pick(['天中', '驿通', '嵖岈山', '汝南园', '中原农谷'])}${rng.pick(['投资集团有限公司', '国有资产运营有限公司', '城市发展有限公司'])}`;
  const kind = rng.pick(['rent', 'vehicles', 'equity', 'materials'] as const);
  const method: Method =
    kind === 'equity'
      ? rng.weighted([
          ['listing', 80],
          ['agreement', 20],
        ])
      : rng.weighted([
          ['listing', 60],
          ['auction', 40],
        ]);
  const start =
    kind === 'equity'
      ? amountBetween(rng, 100, 5000, 1)
      : kind === 'rent'
        ? amountBetween(rng, 20_000, 500_000, 100)
        : amountBetween(rng, 5_000, 200_000, 100);
  const unit = kind === 'equity' ? 'wanYuan' : 'yuan';
  const name =
    kind === 'rent'
      ? `${owner}闲置办公用房租赁权转让`
      : kind === 'vehicles'
        ? `${owner}报废公务车辆公开处置`
        : kind === 'equity'
          ? `${owner}持有的${companyName(rng, 'trading').replace(SAMPLE, '')}${rng.pick([10, 20, 30, 49, 51, 100])}%股权转让`
          : `${owner}废旧物资公开处置`;
  const deadline = weekday(addDays(release, 28));
  const keyTimes: KeyTimes = {
    documentsFrom: at(release, 9),
    documentsUntil: at(deadline, 17),
    bidDeadline: at(deadline, 17),
    ...(method === 'auction'
      ? { bidOpeningAt: at(weekday(addDays(deadline, 2)), 10), bidOpeningPlace: place(org, rng, 'land') }
      : {}),
  };
  const result = weekday(addDays(deadline, rng.int(3, 6)));
  return {
    baseName: name,
    sectionCode: null,
    principal: `${owner}${SAMPLE}`,
    agency: null,
    method,
    budget: money(start, unit),
    keyTimes,
    events: [
      { type: 'listingDisclosure', date: release, publicityDays: 28 },
      { type: 'dealResult', date: result },
    ],
    results: {
      type: 'dealResult',
      winner: kind === 'vehicles' && rng.chance(0.5) ? personName(rng) : companyName(rng, 'trading'),
      winningAmount: money(scaled(start, 1 + rng.int(0, 30) / 100), unit),
      contractSignedOn: weekday(addDays(result, rng.int(5, 20))),
    },
    facts: [`转让底价：${label(money(start, unit))}`, `标的：${name.replace(owner, '')}`],
  };
}

const BUILDERS: Record<Category, (rng: Random, region: { name: string }, release: string, org: OrgKey) => Draft> = {
  construction,
  procurement,
  landUse,
  miningRights,
  stateProperty,
};

const ROLE_WORDS: Record<Category, { principal: string; agency: string }> = {
  construction: { principal: '招标人', agency: '招标代理机构' },
  procurement: { principal: '采购人', agency: '采购代理机构' },
  landUse: { principal: '出让人', agency: '代理机构' },
  miningRights: { principal: '出让人', agency: '代理机构' },
  stateProperty: { principal: '转让方', agency: '代理机构' },
};

function noticeBody(
  project: Omit<ProjectSpec, 'notices'>,
  facts: string[],
  event: Event,
  title: string,
  results: Draft['results'],
): string {
  const roles = ROLE_WORDS[project.category];
  const lines = [
    `# ${title}`,
    '',
    '> 示例数据 / Sample data：本公告为系统演示用的虚构信息，不是真实的交易公告。',
    '',
    `- 项目名称：${project.name}`,
    `- 项目编号：${project.projectCode}${project.sectionCode ? `（标段编号 ${project.sectionCode}）` : ''}`,
    `- 统一交易标识码：${project.dealCode}`,
    `- ${roles.principal}：${project.principal}`,
    ...(project.agency ? [`- ${roles.agency}：${project.agency}`] : []),
    ...facts.map((fact) => `- ${fact}`),
  ];
  const times = project.keyTimes;
  if (
    times &&
    ['tenderNotice', 'prequalificationNotice', 'procurementNotice', 'transferNotice', 'listingDisclosure'].includes(
      event.type,
    )
  ) {
    if (times.documentsFrom && times.documentsUntil)
      lines.push(`- 文件获取时间：${times.documentsFrom} 至 ${times.documentsUntil}`);
    if (times.bidDeadline) lines.push(`- 递交截止时间：${times.bidDeadline}`);
    if (times.bidOpeningAt)
      lines.push(`- 开标（竞价）时间：${times.bidOpeningAt}，地点：${times.bidOpeningPlace ?? '网上交易系统'}`);
  }
  if (event.type === 'amendmentNotice' || event.type === 'correctionNotice')
    lines.push('', '原公告中的资格要求表述调整如下，其他内容不变（示例）。');
  if (event.type === 'clarificationNotice')
    lines.push('', '对投标人提出的问题统一答复如下，答复内容为招标文件的组成部分（示例）。');
  if (event.type === 'failedTender')
    lines.push('', '因递交投标文件的投标人不足三家，本次招标失败，招标人将依法重新招标（示例）。');
  if (event.type === 'terminationNotice') lines.push('', '因采购需求发生变化，本项目终止采购活动（示例）。');
  if (event.type === 'candidatePublicity' && results?.candidates) {
    lines.push('', '| 排名 | 中标候选人 | 投标报价（万元） |', '|---|---|---|');
    for (const c of results.candidates)
      lines.push(`| 第${CHINESE_NUMERALS[c.rank - 1]}名 | ${c.name} | ${c.bidAmount} |`);
  }
  if (results && event.type === results.type) {
    lines.push('', `- 中标（成交、竞得）人：${results.winner}`, `- 中标（成交）金额：${label(results.winningAmount)}`);
  }
  if (event.type === 'contractNotice' && results)
    lines.push('', `- 合同签订日期：${results.contractSignedOn}`, `- 供应商：${results.winner}`);
  if (event.publicityDays) lines.push('', `公示期：${event.date} 至 ${addDays(event.date, event.publicityDays)}。`);
  return lines.join('\n');
}

/** Every project of the full scale, in index order; the small scale takes every tenth one. */
export function projectSpecs(cutoffDate: string = TRADING_WINDOW.to): ProjectSpec[] {
  const cutoff = cutoffDate < TRADING_WINDOW.to ? cutoffDate : TRADING_WINDOW.to;
  const drafts = Array.from({ length: PROJECT_COUNT.full }, (_, index) => {
    const rng = Random.for('project', index);
    const category: Category = rng.weighted([
      ['construction', 40],
      ['procurement', 37],
      ['landUse', 10],
      ['miningRights', 5],
      ['stateProperty', 8],
    ]);
    const organization: OrgKey = rng.chance(0.15) ? 'branch' : 'center';
    const region: Region | typeof CITY =
      organization === 'branch'
        ? REGIONS.find((r) => r.name === '西平县')!
        : rng.chance(0.3)
          ? CITY
          : rng.pick(REGIONS);
    // One project in six is registered in the last two months, so many are still running at the snapshot.
    const recent = rng.chance(0.16);
    const registeredOn = weekday(
      randomDate(rng, recent ? addDays(TRADING_WINDOW.to, -60) : TRADING_WINDOW.from, TRADING_WINDOW.to),
    );
    const release = weekday(addDays(registeredOn, rng.int(1, 5)));
    const draft = BUILDERS[category](rng, region, release, organization);
    return { index, rng, category, organization, region, registeredOn, release, draft, complaint: rng.chance(0.04) };
  });

  // Codes are numbered per organization, category and year, in order of registration.
  const sequence = new Map<string, number>();
  const codes = new Map<number, { projectCode: string; dealCode: string }>();
  for (const p of [...drafts].sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.index - b.index)) {
    const cat = CATEGORY_CODES[p.category];
    const prefix = p.organization === 'branch' ? 'XP' : 'ZMD';
    const year = yearOf(p.registeredOn);
    const key = `${prefix}-${cat.letters}-${year}`;
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    const seq = String(n).padStart(3, '0');
    const regionCode = p.organization === 'branch' ? '411721' : '411700';
    codes.set(p.index, {
      projectCode: `${prefix}${cat.letters}-${year}-${seq}${p.draft.sectionCode ? `-${p.draft.sectionCode}` : ''}`,
      dealCode: `A${regionCode}${year}${cat.digit}${String(n).padStart(4, '0')}${p.draft.sectionCode ? p.draft.sectionCode : '000'}`,
    });
  }

  return drafts.map(({ index, rng, category, organization, region, registeredOn, draft, complaint }) => {
    const events = [...draft.events].sort((a, b) => a.date.localeCompare(b.date));
    const released = events.filter((e) => e.date <= cutoff);
    const next = events.find((e) => e.date > cutoff);
    // The next notice of a running project is sometimes already prepared; a project not yet announced always is.
    const prepared =
      next && (released.length === 0 || (daysBetween(cutoff, next.date) <= 15 && rng.chance(0.5))) ? next : null;
    const resultOut = draft.results && released.some((e) => e.type === draft.results!.type) ? draft.results : null;
    const candidatesOut =
      draft.results?.candidates && released.some((e) => e.type === 'candidatePublicity')
        ? draft.results.candidates
        : [];
    const contractSignedOn =
      resultOut?.contractSignedOn && resultOut.contractSignedOn <= cutoff ? resultOut.contractSignedOn : null;
    const base: Omit<ProjectSpec, 'notices'> = {
      index,
      category,
      organization,
      name: `${draft.baseName}${SAMPLE}`,
      ...codes.get(index)!,
      sectionCode: draft.sectionCode,
      registeredOn,
      principal: draft.principal,
      agency: draft.agency,
      method: draft.method,
      region: region.name,
      budget: draft.budget,
      keyTimes: draft.keyTimes,
      candidates: candidatesOut,
      winner: resultOut?.winner ?? null,
      winningAmount: resultOut?.winningAmount ?? null,
      contractSignedOn,
      hasComplaint: (category === 'construction' || category === 'procurement') && complaint,
      draft: released.length === 0,
    };
    const notices = [...released, ...(prepared ? [prepared] : [])].map((event, i) => {
      const title = `${draft.baseName}${NOTICE_WORDS[event.type]}${SAMPLE}`;
      return {
        noticeType: event.type,
        title,
        releasedAt: at(event.date, 9 + (index % 4) + i, (index * 7 + i * 13) % 60),
        publicityStart: event.publicityDays ? event.date : null,
        publicityEnd: event.publicityDays ? addDays(event.date, event.publicityDays) : null,
        body: noticeBody(base, draft.facts, event, title, draft.results),
        draft: event === prepared,
      };
    });
    return { ...base, notices };
  });
}

export function projectsAtScale(scale: Scale, cutoff?: string): ProjectSpec[] {
  const all = projectSpecs(cutoff);
  return scale === 'full' ? all : all.filter((p) => p.index % (PROJECT_COUNT.full / PROJECT_COUNT.small) === 0);
}

function projectData(spec: ProjectSpec, orgs: Orgs) {
  return {
    name: spec.name,
    category: spec.category,
    dealCode: spec.dealCode,
    projectCode: spec.projectCode,
    sectionCode: spec.sectionCode,
    registeredOn: spec.registeredOn,
    principal: spec.principal,
    agency: spec.agency,
    method: spec.method,
    region: spec.region,
    budget: spec.budget,
    keyTimes: spec.keyTimes,
    candidates: spec.candidates,
    winner: spec.winner,
    winningAmount: spec.winningAmount,
    contractSignedOn: spec.contractSignedOn,
    hasComplaint: spec.hasComplaint,
    organization: orgRef(orgs[spec.organization]),
  };
}

export async function seedTransactions(store: SeedStore, orgs: Orgs, scale: Scale) {
  const specs = projectsAtScale(scale, store.today);
  const projects = store.docs(PROJECT_UID);
  const notices = store.docs(NOTICE_UID);
  let done = 0;
  // A project and its notices are written in the same transaction (ten projects per transaction): a failure
  // leaves neither, and the re-run redoes both.
  await store.inBatches(specs, 10, async (spec) => {
    let projectId: string;
    const found = await store.find(PROJECT_UID, { projectCode: spec.projectCode });
    if (found) {
      projectId = found.documentId;
      store.count('projects', false);
    } else {
      projectId = (
        await projects.create({ data: projectData(spec, orgs), ...(spec.draft ? {} : { status: 'published' }) })
      ).documentId;
      store.count('projects', true);
    }
    for (const notice of spec.notices) {
      if (await store.find(NOTICE_UID, { title: notice.title, project: { documentId: projectId } })) {
        store.count('notices', false);
        continue;
      }
      const { draft, ...data } = notice;
      await notices.create({
        data: { ...data, project: projectId },
        ...(draft || spec.draft ? {} : { status: 'published' }),
      });
      store.count('notices', true);
    }
    store.progress('projects', (done += 1), specs.length);
  });
}
