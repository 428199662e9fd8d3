/**
 * The four CA certificate providers accepted province-wide (全省互认), with fee schedules, service addresses and
 * steps. Every provider is invented: names end in （示例）/(sample), websites are under example.com and phone
 * numbers use the unassigned 0396-0000xxx block.
 */
import type { SeedStore } from './store';

export const CA_PROVIDER_UID = 'api::ca-provider.ca-provider';

type Fee = { item: string; price: string; unit: string; note?: string };
type Address = { name: string; address: string; phone: string; hours: string };
type Step = { order: number; title: string; description: string; materials?: string };
type Version = {
  name: string;
  shortName: string;
  introduction: string;
  fees: Fee[];
  addresses: Address[];
  steps: Step[];
};

export type CaProviderSpec = {
  key: string;
  website: string;
  hotline: string;
  displayOrder: number;
  zh: Version;
  en: Version;
};

const HOURS_ZH = '工作日 8:30–12:00，14:30–17:30（法定节假日除外）';
const HOURS_EN = 'Working days 8:30–12:00 and 14:30–17:30 (closed on public holidays)';
const NOTE_ZH = '示例数据 / Sample data：本机构及其收费、地址、电话均为系统示例，非真实信息。';
const NOTE_EN = 'Sample data: this provider, its fees, addresses and phone numbers are invented for demonstration.';

const MATERIALS_ORG_ZH =
  '营业执照副本复印件（加盖公章）；法定代表人身份证复印件；经办人身份证原件及复印件；授权委托书（加盖公章）';
const MATERIALS_ORG_EN =
  'Copy of the business licence (stamped); copy of the legal representative’s ID; the agent’s ID and a copy; power of attorney (stamped)';

function steps(zhOnline: boolean, count: number): { zh: Step[]; en: Step[] } {
  const zh: Step[] = [
    {
      order: 1,
      title: zhOnline ? '网上申请' : '下载申请表',
      description: zhOnline
        ? '登录服务网站填写数字证书申请信息，选择证书类型和办理网点。'
        : '在服务网站下载《数字证书申请表》并如实填写。',
      materials: '数字证书申请表（加盖公章）',
    },
    {
      order: 2,
      title: '提交材料',
      description: '携带申请材料到办理网点窗口提交，或通过邮寄方式提交。',
      materials: MATERIALS_ORG_ZH,
    },
    { order: 3, title: '审核', description: '服务网点审核申请材料，材料不全的一次性告知需补正内容。' },
    {
      order: 4,
      title: '缴费',
      description: '按收费标准缴纳证书费用，可现场刷卡或对公转账。',
      materials: '转账凭证（对公转账时提供）',
    },
    {
      order: 5,
      title: '领取证书',
      description: '审核通过后现场制证，领取USB Key介质及密码信封。',
      materials: '经办人身份证原件',
    },
    { order: 6, title: '驱动安装与绑定', description: '在交易平台下载驱动并完成证书绑定，即可参与电子投标。' },
  ];
  const en: Step[] = [
    {
      order: 1,
      title: zhOnline ? 'Apply online' : 'Download the application form',
      description: zhOnline
        ? 'Fill in the certificate application on the provider’s website and choose the certificate type and service point.'
        : 'Download the certificate application form from the provider’s website and fill it in.',
      materials: 'Certificate application form (stamped)',
    },
    {
      order: 2,
      title: 'Submit the documents',
      description: 'Hand in the documents at a service counter, or send them by post.',
      materials: MATERIALS_ORG_EN,
    },
    {
      order: 3,
      title: 'Review',
      description: 'The service point checks the documents and says at once what is missing.',
    },
    {
      order: 4,
      title: 'Pay the fee',
      description: 'Pay according to the fee schedule, by card on site or by bank transfer.',
      materials: 'Transfer receipt (for bank transfers)',
    },
    {
      order: 5,
      title: 'Collect the certificate',
      description: 'The certificate is issued on the spot on a USB key with a sealed PIN envelope.',
      materials: 'The agent’s ID card',
    },
    {
      order: 6,
      title: 'Install the driver and bind',
      description:
        'Download the driver from the trading platform and bind the certificate before bidding electronically.',
    },
  ];
  // Providers with fewer steps merge review into submission and skip the binding step.
  const keep = count >= 6 ? [1, 2, 3, 4, 5, 6] : count === 5 ? [1, 2, 3, 4, 5] : [1, 2, 4, 5];
  const pick = (list: Step[]) => list.filter((s) => keep.includes(s.order)).map((s, i) => ({ ...s, order: i + 1 }));
  return { zh: pick(zh), en: pick(en) };
}

const CENTER_ADDRESS_ZH = '驻马店市驿城区示例大道100号市公共资源交易中心一楼CA服务窗口（示例）';
const CENTER_ADDRESS_EN =
  'CA counter, ground floor, Zhumadian Public Resources Trading Center, 100 Sample Avenue, Yicheng District (sample)';

export function caProviderSpecs(): CaProviderSpec[] {
  const s6 = steps(true, 6);
  const s5 = steps(false, 5);
  const s4 = steps(true, 4);
  return [
    {
      key: 'zhongyuan',
      website: 'https://zhongyuan-ca.example.com',
      hotline: '0396-0000101',
      displayOrder: 1,
      zh: {
        name: '中原数字证书认证有限公司（示例）',
        shortName: '中原CA（示例）',
        introduction: `经省级主管部门备案的电子认证服务机构，提供投标用数字证书和电子签章服务，证书在全省公共资源交易平台互认。${NOTE_ZH}`,
        fees: [
          { item: '数字证书新办', price: '300.00', unit: '每证', note: '含首年服务费' },
          { item: '数字证书续期', price: '200.00', unit: '每年' },
          { item: '电子签章', price: '100.00', unit: '每个' },
          { item: 'USB Key介质补办', price: '80.00', unit: '每个' },
        ],
        addresses: [
          { name: '市交易中心服务窗口', address: CENTER_ADDRESS_ZH, phone: '0396-0000111', hours: HOURS_ZH },
          {
            name: '驿城区服务网点',
            address: '驻马店市驿城区示例路8号（示例）',
            phone: '0396-0000112',
            hours: HOURS_ZH,
          },
        ],
        steps: s6.zh,
      },
      en: {
        name: 'Zhongyuan Digital Certificate Authority Co., Ltd. (sample)',
        shortName: 'Zhongyuan CA (sample)',
        introduction: `An electronic certification service registered with the provincial authority, issuing bidding certificates and e-seals recognised on every public resource trading platform in the province. ${NOTE_EN}`,
        fees: [
          { item: 'New certificate', price: '300.00', unit: 'per certificate', note: 'first year of service included' },
          { item: 'Certificate renewal', price: '200.00', unit: 'per year' },
          { item: 'Electronic seal', price: '100.00', unit: 'per seal' },
          { item: 'Replacement USB key', price: '80.00', unit: 'per key' },
        ],
        addresses: [
          { name: 'Trading Center counter', address: CENTER_ADDRESS_EN, phone: '0396-0000111', hours: HOURS_EN },
          {
            name: 'Yicheng District service point',
            address: '8 Sample Road, Yicheng District, Zhumadian (sample)',
            phone: '0396-0000112',
            hours: HOURS_EN,
          },
        ],
        steps: s6.en,
      },
    },
    {
      key: 'yuxin',
      website: 'https://yuxin-ca.example.com',
      hotline: '0396-0000201',
      displayOrder: 2,
      zh: {
        name: '豫信电子认证服务有限公司（示例）',
        shortName: '豫信CA（示例）',
        introduction: `提供企业数字证书、个人数字证书及电子签章服务，支持全省公共资源交易平台互认。${NOTE_ZH}`,
        fees: [
          { item: '企业数字证书新办', price: '280.00', unit: '每证' },
          { item: '证书年度服务费', price: '180.00', unit: '每年' },
          { item: '电子印章制作', price: '120.00', unit: '每枚' },
          { item: '证书信息变更', price: '50.00', unit: '每次' },
          { item: '证书解锁', price: '0.00', unit: '每次', note: '免费' },
        ],
        addresses: [
          { name: '市交易中心服务窗口', address: CENTER_ADDRESS_ZH, phone: '0396-0000211', hours: HOURS_ZH },
          {
            name: '西平县服务网点',
            address: '西平县示例街18号西平分中心大厅（示例）',
            phone: '0396-0000212',
            hours: HOURS_ZH,
          },
          { name: '上蔡县服务网点', address: '上蔡县示例路66号（示例）', phone: '0396-0000213', hours: HOURS_ZH },
        ],
        steps: s5.zh,
      },
      en: {
        name: 'Yuxin Electronic Certification Services Co., Ltd. (sample)',
        shortName: 'Yuxin CA (sample)',
        introduction: `Issues company and personal certificates and electronic seals, recognised across the province’s trading platforms. ${NOTE_EN}`,
        fees: [
          { item: 'New company certificate', price: '280.00', unit: 'per certificate' },
          { item: 'Annual service fee', price: '180.00', unit: 'per year' },
          { item: 'Electronic seal', price: '120.00', unit: 'per seal' },
          { item: 'Change of certificate details', price: '50.00', unit: 'per change' },
          { item: 'Unlocking a certificate', price: '0.00', unit: 'per unlock', note: 'free of charge' },
        ],
        addresses: [
          { name: 'Trading Center counter', address: CENTER_ADDRESS_EN, phone: '0396-0000211', hours: HOURS_EN },
          {
            name: 'Xiping County service point',
            address: 'Hall of the Xiping Branch, 18 Sample Street, Xiping County (sample)',
            phone: '0396-0000212',
            hours: HOURS_EN,
          },
          {
            name: 'Shangcai County service point',
            address: '66 Sample Road, Shangcai County (sample)',
            phone: '0396-0000213',
            hours: HOURS_EN,
          },
        ],
        steps: s5.en,
      },
    },
    {
      key: 'huayu',
      website: 'https://huayu-ca.example.com',
      hotline: '0396-0000301',
      displayOrder: 3,
      zh: {
        name: '华豫数字认证股份有限公司（示例）',
        shortName: '华豫CA（示例）',
        introduction: `面向投标企业和评标专家提供数字证书服务，支持移动端证书（云证书）。${NOTE_ZH}`,
        fees: [
          { item: 'USB Key数字证书', price: '320.00', unit: '每证' },
          { item: '云证书（移动端）', price: '150.00', unit: '每年' },
          { item: '证书续期', price: '220.00', unit: '每年' },
        ],
        addresses: [{ name: '市交易中心服务窗口', address: CENTER_ADDRESS_ZH, phone: '0396-0000311', hours: HOURS_ZH }],
        steps: s4.zh,
      },
      en: {
        name: 'Huayu Digital Certification Co., Ltd. (sample)',
        shortName: 'Huayu CA (sample)',
        introduction: `Certificates for bidders and evaluation experts, including cloud certificates used on a phone. ${NOTE_EN}`,
        fees: [
          { item: 'Certificate on a USB key', price: '320.00', unit: 'per certificate' },
          { item: 'Cloud certificate (mobile)', price: '150.00', unit: 'per year' },
          { item: 'Certificate renewal', price: '220.00', unit: 'per year' },
        ],
        addresses: [
          { name: 'Trading Center counter', address: CENTER_ADDRESS_EN, phone: '0396-0000311', hours: HOURS_EN },
        ],
        steps: s4.en,
      },
    },
    {
      key: 'tianzhong',
      website: 'https://tianzhong-ca.example.com',
      hotline: '0396-0000401',
      displayOrder: 4,
      zh: {
        name: '天中电子认证中心有限公司（示例）',
        shortName: '天中CA（示例）',
        introduction: `本地化服务的电子认证机构，提供数字证书、电子签章及证书托管服务。${NOTE_ZH}`,
        fees: [
          { item: '数字证书新办', price: '260.00', unit: '每证' },
          { item: '证书续期', price: '160.00', unit: '每年' },
          { item: '电子签章', price: '90.00', unit: '每个' },
          { item: '证书遗失补办', price: '150.00', unit: '每证' },
          { item: '加急办理', price: '50.00', unit: '每次', note: '当日领取' },
          { item: '邮寄服务', price: '12.50', unit: '每件' },
        ],
        addresses: [
          { name: '市交易中心服务窗口', address: CENTER_ADDRESS_ZH, phone: '0396-0000411', hours: HOURS_ZH },
          {
            name: '天中服务大厅',
            address: '驻马店市驿城区示例大道200号（示例）',
            phone: '0396-0000412',
            hours: '周一至周六 9:00–17:00',
          },
        ],
        steps: s6.zh,
      },
      en: {
        name: 'Tianzhong Electronic Certification Center Co., Ltd. (sample)',
        shortName: 'Tianzhong CA (sample)',
        introduction: `A local certification service: certificates, electronic seals and certificate custody. ${NOTE_EN}`,
        fees: [
          { item: 'New certificate', price: '260.00', unit: 'per certificate' },
          { item: 'Certificate renewal', price: '160.00', unit: 'per year' },
          { item: 'Electronic seal', price: '90.00', unit: 'per seal' },
          { item: 'Replacing a lost certificate', price: '150.00', unit: 'per certificate' },
          { item: 'Express service', price: '50.00', unit: 'per request', note: 'collected the same day' },
          { item: 'Delivery by post', price: '12.50', unit: 'per parcel' },
        ],
        addresses: [
          { name: 'Trading Center counter', address: CENTER_ADDRESS_EN, phone: '0396-0000411', hours: HOURS_EN },
          {
            name: 'Tianzhong service hall',
            address: '200 Sample Avenue, Yicheng District, Zhumadian (sample)',
            phone: '0396-0000412',
            hours: 'Monday to Saturday 9:00–17:00',
          },
        ],
        steps: s6.en,
      },
    },
  ];
}

export async function seedCaProviders(store: SeedStore) {
  const specs = caProviderSpecs();
  let done = 0;
  for (const spec of specs) {
    const common = {
      website: spec.website,
      hotline: spec.hotline,
      provinceWide: true,
      displayOrder: spec.displayOrder,
    };
    await store.ensureLocalized(
      'caProviders',
      CA_PROVIDER_UID,
      { name: spec.zh.name },
      () => ({ ...spec.zh, ...common }),
      () => ({ ...spec.en }),
      true,
    );
    store.progress('caProviders', (done += 1), specs.length);
  }
}
