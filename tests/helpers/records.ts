/** Valid records for tests, written through the Document Service (the same path as the admin and the API). */
import type { Core } from '@strapi/strapi';
import { creditCodeCheckChar, residentIdCheckChar } from '../../src/validation/identifiers';
import { addMember, everywhereMembers } from './strapi';

let sequence = 0;
const next = () => (sequence += 1);

export function creditCode(n = next()): string {
  const first17 = `91410000${String(100000000 + n).slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

export function residentId(n = next()): string {
  const first17 = `41170019900101${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** An organization; the test's admin users made "members everywhere" (helpers/strapi.ts) become its members. */
export async function createOrganization(strapi: Core.Strapi, data: Record<string, unknown> = {}) {
  const org = await strapi.documents('api::organization.organization').create({
    data: {
      name: `测试机构${next()}`,
      creditCode: creditCode(),
      kind: 'tradingCenter',
      canIssueRegulations: false,
      ...data,
    },
  } as any);
  for (const userId of everywhereMembers) await addMember(strapi, userId, [org.documentId]);
  return org;
}

export async function createApplication(strapi: Core.Strapi, organization: string, data: Record<string, unknown> = {}) {
  const n = next();
  return strapi.documents('api::disclosure-application.disclosure-application').create({
    data: {
      trackingNumber: `T-${n}-${Date.now().toString(36).toUpperCase()}`,
      receivedOn: '2024-03-01',
      channel: 'online',
      applicantType: 'naturalPerson',
      applicantName: `申请人${n}`,
      idType: 'residentId',
      idNumber: residentId(n),
      phone: '0396-1234567',
      email: `applicant${n}@example.test`,
      address: '驻马店市某路1号',
      requestedInformation: '请求公开某项目的招标文件',
      organization,
      ...data,
    },
  } as any);
}

export async function createPolicyDocument(strapi: Core.Strapi, data: Record<string, unknown> = {}, publish = true) {
  const doc = await strapi.documents('api::policy-document.policy-document').create({
    data: { title: `测试文件${next()}`, kind: 'normative', issuingBody: '测试机关', issuedOn: '2021-05-01', ...data },
  } as any);
  if (publish)
    await strapi.documents('api::policy-document.policy-document').publish({ documentId: doc.documentId } as any);
  return doc;
}
