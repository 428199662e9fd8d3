/**
 * The three sample bodies: the real center of the fixture report (its credit code is a sample), a municipal
 * department that issues 规章 and 规范性文件, and a county branch of the center.
 */
import { sampleCreditCode } from './credit-code';
import { Random } from './random';
import { orgRef, type SeedStore } from './store';

export const ORGANIZATION_UID = 'api::organization.organization';

export type OrgKey = 'center' | 'department' | 'branch';
export type Orgs = Record<OrgKey, string>;

export type OrganizationSpec = {
  key: OrgKey;
  zh: { name: string; shortName: string };
  en: { name: string; shortName: string };
  creditCode: string;
  kind: 'tradingCenter' | 'governmentDepartment' | 'districtBranch';
  canIssueRegulations: boolean;
  parent?: OrgKey;
  displayOrder: number;
  /** The host of the public site: contacts and the site's identification numbers shown in its footer. */
  site?: {
    zh: { address: string; workingHours: string };
    en: { address: string; workingHours: string };
    common: Record<string, unknown>;
  };
};

export const CENTER_NAME = '驻马店市公共资源交易中心';
export const DEPARTMENT_NAME = '驻马店市公共资源交易管理委员会办公室（示例）';
export const BRANCH_NAME = '驻马店市公共资源交易中心西平分中心（示例）';

export function organizationSpecs(): OrganizationSpec[] {
  return [
    {
      key: 'center',
      zh: { name: CENTER_NAME, shortName: '市交易中心' },
      en: { name: 'Zhumadian Public Resources Trading Center', shortName: 'Trading Center' },
      // 12 = 机构编制·事业单位: the center is a public institution directly under the city government.
      creditCode: sampleCreditCode(Random.for('organization', 'center'), '12', '411700'),
      kind: 'tradingCenter',
      canIssueRegulations: false,
      displayOrder: 1,
      // Sample contacts and registration numbers (示例): a real site copies its own from the MIIT/MPS filings.
      site: {
        zh: {
          address: '河南省驻马店市驿城区开源大道与雪松路交叉口（示例）',
          workingHours: '工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
        },
        en: {
          address: 'Kaiyuan Avenue at Xuesong Road, Yicheng District, Zhumadian, Henan (sample)',
          workingHours: 'Working days 8:30–12:00 and 14:30–17:30 (closed on public holidays)',
        },
        common: {
          isSiteHost: true,
          postcode: '463000',
          phone: '0396-0000100',
          email: 'ggzy@example.com',
          siteCode: '4117000000',
          icpNumber: '豫ICP备00000000号（示例）',
          publicSecurityNumber: '豫公网安备41170000000000号（示例）',
        },
      },
    },
    {
      key: 'department',
      zh: { name: DEPARTMENT_NAME, shortName: '市公管办（示例）' },
      en: {
        name: 'Zhumadian Public Resources Trading Administration Office (sample)',
        shortName: 'Trading Administration (sample)',
      },
      creditCode: sampleCreditCode(Random.for('organization', 'department'), '11', '411700'),
      kind: 'governmentDepartment',
      canIssueRegulations: true,
      displayOrder: 2,
    },
    {
      key: 'branch',
      zh: { name: BRANCH_NAME, shortName: '西平分中心（示例）' },
      en: {
        name: 'Xiping Branch of the Zhumadian Public Resources Trading Center (sample)',
        shortName: 'Xiping Branch (sample)',
      },
      creditCode: sampleCreditCode(Random.for('organization', 'branch'), '12', '411721'),
      kind: 'districtBranch',
      canIssueRegulations: false,
      parent: 'center',
      displayOrder: 3,
    },
  ];
}

export async function seedOrganizations(store: SeedStore): Promise<Orgs> {
  const specs = organizationSpecs();
  const orgs: Partial<Orgs> = {};
  let done = 0;
  for (const spec of specs) {
    // Relations are localized in Strapi 5 whatever the schema says: each locale links its own parent row.
    const parent = spec.parent ? { parent: orgRef(orgs[spec.parent]!) } : {};
    const common = {
      creditCode: spec.creditCode,
      kind: spec.kind,
      canIssueRegulations: spec.canIssueRegulations,
      displayOrder: spec.displayOrder,
      ...spec.site?.common,
    };
    orgs[spec.key] = await store.ensureLocalized(
      'organizations',
      ORGANIZATION_UID,
      { creditCode: spec.creditCode },
      () => ({ ...spec.zh, ...spec.site?.zh, ...common, ...parent }),
      () => ({ ...spec.en, ...spec.site?.en, ...parent }),
    );
    store.progress('organizations', (done += 1), specs.length);
  }
  return orgs as Orgs;
}
