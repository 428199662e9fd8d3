/**
 * Strapi's own admin roles Editor (strapi-editor) and Author (strapi-author), and roles created later in the admin:
 * with the defaults of the first start, none of them reaches the private types (applications, cases, decisions, fees,
 * the plugin's events and calendar) through any Content Manager route, whatever the letter case of the URL. The
 * relation picker answers 403, not 500. A grant a super admin adds later stands (tests/integration/role-config.test.ts).
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, restartStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { countEverything, createProject } from '../helpers/content';
import { PRIVATE_TYPES, STRAPI_DEFAULT_ROLES } from '../../src/bootstrap/access';

let strapi: Core.Strapi;

const APP = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const FEE = 'api::fee.fee';
const DECISION = 'api::administrative-decision.administrative-decision';
const EVENT = 'plugin::disclosure.application-event';
const CALENDAR = 'plugin::disclosure.calendar-day';
const PROJECT = 'api::transaction-project.transaction-project';

const s: Record<string, any> = {};
const tokens: Record<string, string> = {};

async function privateGrants(code: string) {
  const role = await strapi.service('admin::role').findOne({ code });
  return strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id, subject: { $in: [...PRIVATE_TYPES] } } });
}

beforeAll(async () => {
  strapi = await setupStrapi();
  s.org = await createOrganization(strapi);
  s.project = await createProject(strapi);
  s.app = await createApplication(strapi, s.org.documentId);
  s.case = await strapi.documents(CASE).create({
    data: { kind: 'review', filedOn: '2024-02-01', organization: s.org.documentId, application: s.app.documentId },
  } as any);
  for (const role of [...STRAPI_DEFAULT_ROLES, 'content-editor', 'auditor', 'disclosure-officer'])
    tokens[role] = (await adminToken(role)).token;
});
afterAll(teardownStrapi);

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (role: string, method: Method, url: string, body?: unknown) => {
  const req = (http() as any)[method](url).set('Authorization', `Bearer ${tokens[role]}`);
  return body === undefined ? req : req.send(body);
};

const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });
const SUBJECTS = [
  {
    name: 'disclosure applications',
    uid: APP,
    id: () => s.app.documentId,
    body: () => ({
      trackingNumber: 'ROLE-0001',
      receivedOn: '2024-01-02',
      applicantType: 'naturalPerson',
      applicantName: '角色测试',
      requestedInformation: 'x',
      organization: connect(s.org.documentId),
    }),
    relation: 'organization',
  },
  {
    name: 'review cases',
    uid: CASE,
    id: () => s.case.documentId,
    body: () => ({ kind: 'review', filedOn: '2024-02-02', organization: connect(s.org.documentId) }),
    relation: 'application',
  },
];
type Subject = (typeof SUBJECTS)[number];
const ACTIONS: Array<[string, Method, (base: string, x: Subject) => string, (x: Subject) => unknown]> = [
  ['lists', 'get', (base, x) => `${base}/collection-types/${x.uid}`, () => undefined],
  ['reads one of', 'get', (base, x) => `${base}/collection-types/${x.uid}/${x.id()}`, () => undefined],
  ['creates one of', 'post', (base, x) => `${base}/collection-types/${x.uid}`, (x) => x.body()],
  ['updates one of', 'put', (base, x) => `${base}/collection-types/${x.uid}/${x.id()}`, (x) => x.body()],
  ['deletes one of', 'delete', (base, x) => `${base}/collection-types/${x.uid}/${x.id()}`, () => undefined],
  ['clones one of', 'post', (base, x) => `${base}/collection-types/${x.uid}/clone/${x.id()}`, () => ({})],
  [
    'bulk-deletes',
    'post',
    (base, x) => `${base}/collection-types/${x.uid}/actions/bulkDelete`,
    (x) => ({ documentIds: [x.id()] }),
  ],
  ['picks relations for a new one of', 'get', (base, x) => `${base}/relations/${x.uid}/${x.relation}`, () => undefined],
  [
    'lists the relations of one of',
    'get',
    (base, x) => `${base}/relations/${x.uid}/${x.id()}/${x.relation}`,
    () => undefined,
  ],
];
const CASES = STRAPI_DEFAULT_ROLES.flatMap((role) =>
  ['/content-manager', '/CONTENT-MANAGER'].flatMap((base) =>
    SUBJECTS.flatMap((subject) =>
      ACTIONS.map(([what, method, url, body]) => ({
        role,
        what: `${what} ${subject.name} (${base})`,
        method,
        url: () => url(base, subject),
        body: () => body(subject),
      })),
    ),
  ),
);

describe("Given Strapi's default Editor and Author roles", () => {
  test.each(STRAPI_DEFAULT_ROLES)(
    'When the app has started, Then %s holds no permission on any private type',
    async (code) => {
      expect(await privateGrants(code)).toEqual([]);
    },
  );

  test.each(CASES)(
    'When $role $what, Then 403, no personal data and nothing changes',
    async ({ role, method, url, body }) => {
      const before = await countEverything(strapi);
      const res = await call(role, method, url(), body());
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(s.app.applicantName);
      expect(res.text).not.toContain(s.app.idNumber);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test.each(STRAPI_DEFAULT_ROLES.flatMap((role) => [FEE, DECISION, EVENT, CALENDAR].map((uid) => ({ role, uid }))))(
    'When $role lists $uid, Then 403',
    async ({ role, uid }) => {
      expect((await call(role, 'get', `/content-manager/collection-types/${uid}`)).status).toBe(403);
    },
  );

  test('When the Editor lists transaction projects, Then 200 (public content stays theirs)', async () => {
    const res = await call('strapi-editor', 'get', `/content-manager/collection-types/${PROJECT}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.documentId)).toContain(s.project.documentId);
  });

  test('When a super admin grants the Editor read on applications by hand, Then the grant stands after a restart (defaults apply on the first start only)', async () => {
    const role = await strapi.service('admin::role').findOne({ code: 'strapi-editor' });
    await strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::content-manager.explorer.read',
        subject: APP,
        properties: { fields: ['applicantName'] },
        conditions: [],
        role: role.id,
      },
    });
    expect(await privateGrants('strapi-editor')).toHaveLength(1);
    strapi = await restartStrapi();
    expect(await privateGrants('strapi-editor')).toHaveLength(1);
    expect((await call('strapi-editor', 'get', `/content-manager/collection-types/${APP}`)).status).toBe(200);
  });
});

describe('Given a role a super admin creates in Settings › Roles', () => {
  test('When it is created (POST /admin/roles), Then it holds no permission and its user gets 403 on applications and cases', async () => {
    const superAdmin = (await adminToken('strapi-super-admin')).token;
    const created = await http()
      .post('/admin/roles')
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({ name: '新角色', description: '测试' });
    expect(created.status).toBe(201);
    const permissions = await http()
      .get(`/admin/roles/${created.body.data.id}/permissions`)
      .set('Authorization', `Bearer ${superAdmin}`);
    expect(permissions.status).toBe(200);
    expect(permissions.body.data.filter((p: any) => (PRIVATE_TYPES as readonly string[]).includes(p.subject))).toEqual(
      [],
    );
    tokens.fresh = (await adminToken(created.body.data.code)).token;
    for (const uid of [APP, CASE]) {
      expect((await call('fresh', 'get', `/content-manager/collection-types/${uid}`)).status).toBe(403);
      expect((await call('fresh', 'get', `/CONTENT-MANAGER/relations/${uid}/organization`)).status).toBe(403);
    }
  });
});

describe("Given the app's roles and the review case's relation picker", () => {
  test.each([
    ['content-editor', 403],
    ['auditor', 403],
    ['disclosure-officer', 200],
  ] as Array<[string, number]>)(
    'When %s opens the application picker of a review case, Then %i',
    async (role, status) => {
      for (const url of [
        `/content-manager/relations/${CASE}/application`,
        `/content-manager/relations/${CASE}/${s.case.documentId}/application`,
      ]) {
        const res = await call(role, 'get', url);
        expect({ url, status: res.status }).toEqual({ url, status });
        if (status === 403) expect(res.text).not.toContain(s.app.trackingNumber);
      }
    },
  );
});
