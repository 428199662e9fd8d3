/**
 * Valid public content for the integration tests (projects, notices, CA providers, reports), written through the
 * Document Service, published or left as a draft; and counters to prove that a refused write stored nothing.
 */
import type { Core } from '@strapi/strapi';

let sequence = 0;
const next = () => (sequence += 1);

const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE = 'api::transaction-notice.transaction-notice';
const CA = 'api::ca-provider.ca-provider';
const REPORT = 'api::annual-report.annual-report';

async function maybePublish(strapi: Core.Strapi, uid: string, doc: any, publish: boolean, locale?: string) {
  if (publish)
    await strapi.documents(uid as any).publish({ documentId: doc.documentId, ...(locale ? { locale } : {}) } as any);
  return doc;
}

export async function createProject(strapi: Core.Strapi, data: Record<string, unknown> = {}, publish = true) {
  const n = next();
  const doc = await strapi.documents(PROJECT).create({
    data: {
      name: `测试项目${n}`,
      category: 'construction',
      projectCode: `ZMD-GC-2024-${String(n).padStart(3, '0')}`,
      registeredOn: '2024-02-01',
      principal: '驻马店市测试招标人',
      method: 'openTender',
      ...data,
    },
  } as any);
  return maybePublish(strapi, PROJECT, doc, publish);
}

export async function createNotice(
  strapi: Core.Strapi,
  project: string,
  data: Record<string, unknown> = {},
  publish = true,
) {
  const doc = await strapi.documents(NOTICE).create({
    data: {
      title: `测试公告${next()}`,
      noticeType: 'tenderNotice',
      releasedAt: '2024-02-02T08:00:00.000Z',
      project,
      ...data,
    },
  } as any);
  return maybePublish(strapi, NOTICE, doc, publish);
}

export async function createCaProvider(strapi: Core.Strapi, data: Record<string, unknown> = {}, publish = true) {
  const doc = await strapi.documents(CA).create({
    data: {
      name: `测试CA机构${next()}`,
      provinceWide: true,
      fees: [{ item: '证书新办', price: '200.00', unit: '元/年' }],
      addresses: [{ address: '驻马店市测试路1号', phone: '0396-1234567' }],
      steps: [{ order: 1, title: '提交材料' }],
      ...data,
    },
  } as any);
  return maybePublish(strapi, CA, doc, publish);
}

/**
 * A report of (organization, year). Published reports need computed tables (the disclosure plugin refuses to publish
 * without them): they are computed and their warnings acknowledged by the plugin's service first.
 */
export async function createReport(
  strapi: Core.Strapi,
  organization: string,
  data: Record<string, unknown> = {},
  publish = true,
) {
  const year = (data.year as number | undefined) ?? 2023;
  const doc = await strapi.documents(REPORT).create({
    // Sections 一, 五, 六 are required to publish a report.
    data: {
      title: `年度报告${next()}`,
      formatVersion: 'gov-2021',
      organization,
      overview: '总体情况',
      problems: '存在的主要问题及改进情况',
      otherMatters: '无',
      ...data,
      year,
    },
  } as any);
  if (publish) {
    const report = strapi.plugin('disclosure').service('report');
    await report.compute(organization, year);
    await report.acknowledge(doc.documentId, { id: 1, firstname: '测试', lastname: '审核人' });
  }
  return maybePublish(strapi, REPORT, doc, publish);
}

/** Row counts of every API content type and every component table: equal before and after a refused write. */
export async function countEverything(strapi: Core.Strapi): Promise<Record<string, number>> {
  const uids = [
    ...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
    ...Object.keys(strapi.components),
  ];
  const counts: Record<string, number> = {};
  for (const uid of uids.sort()) counts[uid] = Number(await strapi.db.query(uid as any).count());
  return counts;
}
