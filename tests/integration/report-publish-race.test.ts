/**
 * Publishing a report exactly once: two publications started from the same revision (two instances, two tabs) race;
 * the database's conditional update lets one through, the other answers 409 in both languages, writes nothing and
 * emits nothing. The cluster test (tests/cluster) runs the same race across two processes on PostgreSQL.
 */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';

const REPORT = 'api::annual-report.annual-report';
const EVENT = 'disclosure-report.publish';
let strapi: any;
let officer: string;
let documentId: string;
const events: any[] = [];

const asOfficer = (req: any) => req.set('Authorization', `Bearer ${officer}`);
const publish = (body: Record<string, unknown>) =>
  asOfficer(http().post('/disclosure/reports/publish')).send({ documentId, ...body });
const publishedRows = () =>
  strapi.db.query(REPORT).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['id', 'locale', 'publicationRevision'],
  });

beforeAll(async () => {
  strapi = await setupStrapi();
  strapi.eventHub.on(EVENT, (payload: unknown) => events.push(payload));
  officer = (await adminToken('disclosure-officer')).token;
  const org = await createOrganization(strapi, { name: '并发发布测试中心' });
  const computed = await asOfficer(http().post('/disclosure/reports/compute'))
    .send({ organization: org.documentId, year: 2021 })
    .expect(200);
  documentId = computed.body.data.report.documentId;
  expect(computed.body.data.report.revision).toBe(0);
  await strapi
    .documents(REPORT)
    .update({ documentId, locale: 'zh-Hans', data: { overview: '总体情况', problems: '问题', otherMatters: '无' } });
  await asOfficer(http().post('/disclosure/reports/acknowledge')).send({ documentId }).expect(200);
});
afterAll(teardownStrapi);

test('two publications from revision 0 at once: one 200, one 409 (zh/en), one published version, one event', async () => {
  const answers = await Promise.all([publish({ revision: 0 }), publish({ revision: 0 })]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const conflict = answers.find((a) => a.status === 409)!;
  expect(conflict.body.error).toMatchObject({
    status: 409,
    name: 'ConflictError',
    details: { code: 'publishConflict' },
  });
  expect(conflict.body.error.message).toMatch(/已由他人发布.*published by someone else/);
  expect(await publishedRows()).toEqual([expect.objectContaining({ locale: 'zh-Hans', publicationRevision: 1 })]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ documentId, year: 2021 });
  const view = await asOfficer(http().get('/disclosure/reports/view'))
    .query({ organization: events[0].organization, year: 2021 })
    .expect(200);
  expect(view.body.data.report.revision).toBe(1);
});

test('a publication from a revision that has moved on is refused at once, before asking for a reason', async () => {
  const stale = await publish({ revision: 0, reason: '更正' });
  expect(stale.status).toBe(409);
  expect(events).toHaveLength(1);
});

test('a correction from the current revision goes through, once, when two are sent together', async () => {
  const answers = await Promise.all([
    publish({ revision: 1, reason: '更正数据' }),
    publish({ revision: 1, reason: '更正数据' }),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  expect(await publishedRows()).toEqual([expect.objectContaining({ publicationRevision: 2 })]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(events).toHaveLength(2);
});

test('without a revision (Content Manager, code), concurrent publications still give one version and one event', async () => {
  const service = strapi.plugin('disclosure').service('report');
  const results = await Promise.allSettled([
    service.publish(documentId, { reason: '再次更正' }),
    service.publish(documentId, { reason: '再次更正' }),
  ]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(await publishedRows()).toEqual([expect.objectContaining({ publicationRevision: 3 })]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(events).toHaveLength(3);
});
