/**
 * Words the sample names are built from: places of 驻马店市, public bodies, works, goods and company names. Every
 * built name of a person or company ends in （示例） so no sample can pass for a real party.
 */
import type { Random } from './random';

export const SAMPLE = '（示例）';

/** 驻马店市 and its districts and counties, with the 6-digit division codes used in deal codes. */
export const REGIONS = [
  { name: '驿城区', code: '411702' },
  { name: '驻马店经济开发区', code: '411771' },
  { name: '西平县', code: '411721' },
  { name: '上蔡县', code: '411722' },
  { name: '平舆县', code: '411723' },
  { name: '正阳县', code: '411724' },
  { name: '确山县', code: '411725' },
  { name: '泌阳县', code: '411726' },
  { name: '汝南县', code: '411727' },
  { name: '遂平县', code: '411728' },
  { name: '新蔡县', code: '411729' },
] as const;
export type Region = (typeof REGIONS)[number];

export const TOWNS = [
  '城关镇',
  '老王坡乡',
  '杨庄乡',
  '蔡沟镇',
  '东和店镇',
  '韩庄镇',
  '铜山乡',
  '马乡镇',
  '关王庙乡',
  '金桥镇',
  '胡庙乡',
  '顿岗乡',
];
export const VILLAGES = [
  '王庄村',
  '李楼村',
  '张湾村',
  '刘岗村',
  '陈寨村',
  '赵庄村',
  '孙店村',
  '周营村',
  '吴桥村',
  '郑坡村',
];
export const ROADS = [
  '开源大道',
  '雪松大道',
  '驿城大道',
  '练江大道',
  '解放路',
  '中华路',
  '文明路',
  '乐山路',
  '交通路',
  '淮河大道',
  '风光路',
  '置地大道',
];
export const RIVERS = ['练江河', '汝河', '洪河', '小洪河', '臻头河', '冷水河', '溱头河'];
export const SCHOOLS = [
  '第一高级中学',
  '第二高级中学',
  '实验中学',
  '第三初级中学',
  '实验小学',
  '职业教育中心',
  '特殊教育学校',
];
export const HOSPITALS = ['人民医院', '中医院', '妇幼保健院', '第二人民医院', '疾病预防控制中心'];

/** Municipal and county bodies that buy or build (the region is prefixed: 西平县 + 交通运输局). */
export const BODIES = [
  '交通运输局',
  '住房和城乡建设局',
  '水利局',
  '教育局',
  '卫生健康委员会',
  '农业农村局',
  '城市管理局',
  '公安局',
  '民政局',
  '文化广电和旅游局',
  '生态环境局',
  '机关事务管理局',
];

const TRADE_NAMES = [
  '恒信',
  '华拓',
  '天中',
  '泰和',
  '宏达',
  '鼎盛',
  '嘉诚',
  '润丰',
  '卓远',
  '广厦',
  '永安',
  '誉诚',
  '兴业',
  '方圆',
  '九州',
  '同创',
  '瑞达',
  '金鼎',
  '中豫',
  '豫通',
  '正坤',
  '汇川',
  '博远',
  '晟源',
  '德润',
  '国鑫',
  '弘毅',
  '昌隆',
];
const COMPANY_PLACES = ['河南', '驻马店', '郑州', '河南省', '信阳', '漯河', '周口', '许昌'];

export type CompanyTrade =
  'construction' | 'supplier' | 'agency' | 'developer' | 'mining' | 'trading' | 'consulting' | 'law';
const SUFFIXES: Record<CompanyTrade, string[]> = {
  construction: [
    '建设工程有限公司',
    '建筑工程有限公司',
    '路桥工程有限公司',
    '水利工程有限公司',
    '市政工程有限公司',
    '建设集团有限公司',
  ],
  supplier: [
    '科技有限公司',
    '医疗器械有限公司',
    '信息技术有限公司',
    '物业服务有限公司',
    '商贸有限公司',
    '教学设备有限公司',
  ],
  agency: ['工程咨询有限公司', '招标代理有限公司', '项目管理有限公司', '建设工程造价咨询有限公司'],
  developer: ['置业有限公司', '房地产开发有限公司', '实业有限公司'],
  mining: ['矿业有限公司', '建材有限公司', '新型建材有限公司'],
  trading: ['商贸有限公司', '资产管理有限公司', '实业有限公司'],
  consulting: ['信息咨询有限公司', '数据服务有限公司', '企业管理咨询有限公司'],
  law: ['律师事务所'],
};

/** A company name such as 河南恒信建设工程有限公司（示例）. */
export function companyName(rng: Random, trade: CompanyTrade): string {
  if (trade === 'law') return `河南${rng.pick(TRADE_NAMES)}律师事务所${SAMPLE}`;
  return `${rng.pick(COMPANY_PLACES)}${rng.pick(TRADE_NAMES)}${rng.pick(SUFFIXES[trade])}${SAMPLE}`;
}

/** `count` distinct company names. */
export function companyNames(rng: Random, trade: CompanyTrade, count: number): string[] {
  const names = new Set<string>();
  for (let guard = 0; names.size < count && guard < 100; guard += 1) names.add(companyName(rng, trade));
  return [...names];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];

/** A person's name that is plainly not one: 王某（示例）, 李某某（示例）. */
export function personName(rng: Random): string {
  return `${rng.pick(SURNAMES)}${rng.chance(0.5) ? '某' : '某某'}${SAMPLE}`;
}

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
