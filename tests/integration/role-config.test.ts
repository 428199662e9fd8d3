/**
 * Access defaults are applied on the first start only (and by `npm run roles:reset`); the admin's changes in
 * Settings survive a restart; the safety invariants (src/bootstrap/invariants.ts) refuse unsafe changes with a 400
 * naming them in Chinese and English, leaving everything as it was.
 */
import { execFile } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, restartStrapi, http, adminToken } from '../helpers/strapi';
import { SITE_TOKEN_NAME } from '../../src/bootstrap/access';

let strapi: Core.Strapi;
let admin: string;

const APP = 'api::disclosure-application.disclosure-application';
const CA = 'api::ca-provider.ca-provider';
const bearer = () => ({ Authorization: `Bearer ${admin}` });

type Permission = { action: string; subject: string | null; properties: Record<string, unknown>; conditions: string[] };
const key = (p: { action: string; subject?: string | null; conditions?: string[] | null }) =>
  `${p.action}|${p.subject ?? ''}|${(p.conditions ?? []).join(',')}`;

async function role(code: string) {
  return strapi.service('admin::role').findOne({ code });
}
async function stored(code: string): Promise<string[]> {
  const r = await role(code);
  return (await strapi.db.query('admin::permission').findMany({ where: { role: r.id } })).map(key).sort();
}
async function permissionsOf(code: string): Promise<Permission[]> {
  const r = await role(code);
  const res = await http().get(`/admin/roles/${r.id}/permissions`).set(bearer());
  expect(res.status).toBe(200);
  return res.body.data.map((p: any) => ({
    action: p.action,
    subject: p.subject,
    properties: p.properties,
    conditions: p.conditions,
  }));
}
const putPermissions = async (code: string, permissions: Permission[]) =>
  http()
    .put(`/admin/roles/${(await role(code)).id}/permissions`)
    .set(bearer())
    .send({ permissions });

async function publicRole() {
  const found = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const res = await http().get(`/users-permissions/roles/${found.id}`).set(bearer());
  expect(res.status).toBe(200);
  return res.body.role;
}
const publicActions = async (): Promise<string[]> => {
  const found = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, populate: ['permissions'] });
  return found.permissions.map((p: { action: string }) => p.action).sort();
};

const defaults: Record<string, string[]> = {};
let publicDefaults: string[];

beforeAll(async () => {
  strapi = await setupStrapi();
  admin = (await adminToken('strapi-super-admin')).token;
  for (const code of ['content-editor', 'disclosure-officer', 'auditor', 'strapi-editor'])
    defaults[code] = await stored(code);
  publicDefaults = await publicActions();
});
afterAll(teardownStrapi);

describe('Given the first start', () => {
  test('When it is over, Then the core store records that the defaults were applied', async () => {
    const record = (await strapi.store.get({ type: 'core', name: 'ggzy', key: 'access_defaults' })) as {
      reason: string;
      appliedAt: string;
    };
    expect(record.reason).toBe('first start');
    expect(Number.isNaN(Date.parse(record.appliedAt))).toBe(false);
  });

  test.each(['disclosure-officer', 'content-editor'])(
    'When the %s’s defaults are read, Then exactly the permissions on types with an organization carry the organization condition',
    async (code) => {
      const r = await role(code);
      const rows = await strapi.db
        .query('admin::permission')
        .findMany({ where: { role: r.id, subject: { $notNull: true } } });
      const subjects = (conditioned: boolean) =>
        [
          ...new Set(
            rows
              .filter((p: any) => (p.conditions ?? []).includes('api::in-my-organizations') === conditioned)
              .map((p: any) => p.subject),
          ),
        ].sort();
      expect({ conditioned: subjects(true), unconditioned: subjects(false) }).toEqual(
        code === 'content-editor'
          ? {
              conditioned: [
                'api::disclosure-guide.disclosure-guide',
                'api::organization.organization',
                'api::policy-document.policy-document',
                'api::transaction-notice.transaction-notice',
                'api::transaction-project.transaction-project',
              ],
              unconditioned: ['api::ca-provider.ca-provider'],
            }
          : {
              conditioned: [
                'api::administrative-decision.administrative-decision',
                'api::annual-report.annual-report',
                'api::disclosure-application.disclosure-application',
                'api::fee.fee',
                'api::organization.organization',
                'api::policy-document.policy-document',
                'api::review-case.review-case',
                'plugin::disclosure.historical-report',
              ],
              unconditioned: ['plugin::disclosure.calendar-day', 'plugin::disclosure.calendar-year'],
            },
      );
      expect(rows.every((p: any) => (p.conditions ?? []).every((c: string) => c === 'api::in-my-organizations'))).toBe(
        true,
      );
    },
  );
});

describe('Given a super admin changing roles in Settings', () => {
  test('When the editor loses CA providers and Strapi’s Editor gains reading applications, Then both survive a restart', async () => {
    const editor = (await permissionsOf('content-editor')).filter((p) => p.subject !== CA);
    expect((await putPermissions('content-editor', editor)).status).toBe(200);
    const strapiEditor = await permissionsOf('strapi-editor');
    strapiEditor.push({
      action: 'plugin::content-manager.explorer.read',
      subject: APP,
      properties: { fields: ['trackingNumber'] },
      conditions: [],
    });
    expect((await putPermissions('strapi-editor', strapiEditor)).status).toBe(200);
    const changed = { editor: await stored('content-editor'), strapiEditor: await stored('strapi-editor') };
    expect(changed.editor.filter((k) => k.includes(CA))).toEqual([]);
    expect(changed.strapiEditor.filter((k) => k.includes(APP))).toEqual([
      `plugin::content-manager.explorer.read|${APP}|`,
    ]);

    strapi = await restartStrapi();
    expect({ editor: await stored('content-editor'), strapiEditor: await stored('strapi-editor') }).toEqual(changed);
    const editorToken = (await adminToken('strapi-editor')).token;
    expect(
      (await http().get(`/content-manager/collection-types/${APP}`).set('Authorization', `Bearer ${editorToken}`))
        .status,
    ).toBe(200);
  });

  test('When the public role loses a read (CA providers’ findOne), Then the change is kept over a restart', async () => {
    const r = await publicRole();
    r.permissions['api::ca-provider'].controllers['ca-provider'].findOne.enabled = false;
    const res = await http()
      .put(`/users-permissions/roles/${r.id}`)
      .set(bearer())
      .send({ name: r.name, description: r.description, permissions: r.permissions });
    expect(res.status).toBe(200);
    const changed = await publicActions();
    expect(changed).toEqual(publicDefaults.filter((a) => a !== 'api::ca-provider.ca-provider.findOne'));
    strapi = await restartStrapi();
    expect(await publicActions()).toEqual(changed);
  });

  test('When a newer release declares a grant (simulated: taken out of the record and out of the roles), Then the next start grants it once; removed again by the admin, it stays removed', async () => {
    const RECORD = { type: 'core', name: 'ggzy', key: 'access_defaults' } as const;
    const record = (await strapi.store.get(RECORD)) as { offered: string[] };
    const SEARCH = 'api::search.search.find';
    const OVERVIEW = 'plugin::disclosure.overview.read';
    const newKeys = [`public: ${SEARCH}`, `site token: ${SEARCH}`, `admin auditor: ${OVERVIEW}`];
    for (const key of newKeys) expect(record.offered).toContain(key);
    // The database as an older release left it: without the grants, and without them in the record.
    await strapi.store.set({
      ...RECORD,
      value: { ...record, offered: record.offered.filter((k) => !newKeys.includes(k)) },
    });
    const pub = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: pub.id, action: SEARCH } });
    const auditor = await role('auditor');
    await strapi.db.query('admin::permission').deleteMany({ where: { role: auditor.id, action: OVERVIEW } });
    const withoutCaRead = await publicActions();
    expect(withoutCaRead).not.toContain(SEARCH);

    strapi = await restartStrapi();
    expect(await publicActions()).toEqual([...withoutCaRead, SEARCH].sort());
    expect(await strapi.db.query('admin::permission').count({ where: { role: auditor.id, action: OVERVIEW } })).toBe(1);
    const token = await strapi.service('admin::api-token-content-api').getByName('Public site (read-only)');
    expect((token.permissions ?? []).map((p: any) => (typeof p === 'string' ? p : p.action))).toContain(SEARCH);
    // The earlier change (CA providers' findOne removed from the public role) is still the admin's: not re-granted.
    expect(await publicActions()).not.toContain('api::ca-provider.ca-provider.findOne');
    expect(((await strapi.store.get(RECORD)) as { offered: string[] }).offered).toEqual(
      expect.arrayContaining(newKeys),
    );

    await strapi.db.query('admin::permission').deleteMany({ where: { role: auditor.id, action: OVERVIEW } });
    strapi = await restartStrapi();
    expect(await strapi.db.query('admin::permission').count({ where: { role: auditor.id, action: OVERVIEW } })).toBe(0);
  });
});

describe('Given unsafe changes', () => {
  test.each([
    ['reading applications', 'api::disclosure-application', 'disclosure-application', 'find'],
    ['creating policy documents', 'api::policy-document', 'policy-document', 'create'],
    ['registering end users', 'plugin::users-permissions', 'auth', 'register'],
  ])(
    'When the public role is given %s, Then 400 in Chinese and English and nothing changes',
    async (_what, type, controller, action) => {
      const before = await publicActions();
      const r = await publicRole();
      r.permissions[type].controllers[controller][action].enabled = true;
      const res = await http()
        .put(`/users-permissions/roles/${r.id}`)
        .set(bearer())
        .send({ name: r.name, description: r.description, permissions: r.permissions });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `公开角色（未登录访客）只能读取公开内容，不能写入，也不能读取非公开类型；不能授予：${type}.${controller}.${action} ` +
          `(The public role reads public content only: it never writes and never reads private types; refused: ${type}.${controller}.${action})`,
      );
      expect(await publicActions()).toEqual(before);
    },
  );

  test('When the site token is given reading fees or made read-only, Then 400 and the token is unchanged', async () => {
    const token = await strapi.service('admin::api-token-content-api').getByName(SITE_TOKEN_NAME);
    const before = (token.permissions as Array<string | { action: string }>)
      .map((p) => (typeof p === 'string' ? p : p.action))
      .sort();
    const current = await http().get(`/admin/api-tokens/${token.id}`).set(bearer());
    expect(current.status).toBe(200);
    const withFees = await http()
      .put(`/admin/api-tokens/${token.id}`)
      .set(bearer())
      .send({ name: SITE_TOKEN_NAME, type: 'custom', permissions: [...before, 'api::fee.fee.find'] });
    expect(withFees.status).toBe(400);
    expect(withFees.body.error.message).toBe(
      `“${SITE_TOKEN_NAME}”令牌只能读取公开内容，不能写入，也不能读取非公开类型；不能授予：api::fee.fee.find ` +
        `(The "${SITE_TOKEN_NAME}" token reads public content only: it never writes and never reads private types; refused: api::fee.fee.find)`,
    );
    const readOnly = await http()
      .put(`/admin/api-tokens/${token.id}`)
      .set(bearer())
      .send({ name: SITE_TOKEN_NAME, type: 'read-only' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.error.message).toContain('必须是自定义（custom）类型');
    const after = await strapi.service('admin::api-token-content-api').getByName(SITE_TOKEN_NAME);
    expect(after.type).toBe('custom');
    expect(
      (after.permissions as Array<string | { action: string }>)
        .map((p) => (typeof p === 'string' ? p : p.action))
        .sort(),
    ).toEqual(before);
  });

  test('When another token is created with reads of private types, Then it is the admin’s decision (201)', async () => {
    const res = await http()
      .post('/admin/api-tokens')
      .set(bearer())
      .send({ name: '内部对接', type: 'custom', lifespan: null, permissions: ['api::fee.fee.find'] });
    expect(res.status).toBe(201);
  });

  test('When a role without reading applications is given handling them or the events, Then 400 and nothing changes', async () => {
    const before = await stored('content-editor');
    const permissions = await permissionsOf('content-editor');
    const res = await putPermissions('content-editor', [
      ...permissions,
      { action: 'plugin::disclosure.applications.handle', subject: null, properties: {}, conditions: [] },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '没有“申请”查看权限的角色不能获得可看到申请人信息的权限，请先授予“依申请公开”的查看权限：plugin::disclosure.applications.handle ' +
        "(A role that may not read disclosure applications cannot be given permissions that show applicants' data; grant reading applications first: plugin::disclosure.applications.handle)",
    );
    expect(await stored('content-editor')).toEqual(before);
  });
});

describe('Given `npm run roles:reset`', () => {
  test('When it runs, Then the defaults are back, each change is logged, and the record says so', async () => {
    expect(await stored('content-editor')).not.toEqual(defaults['content-editor']);
    const output = await new Promise<{ code: number; text: string }>((resolve) => {
      execFile(
        'node',
        [path.resolve(__dirname, '../../scripts/roles-reset.js')],
        { env: { ...process.env, LOG_LEVEL: 'info' }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, text: `${stdout}${stderr}` }),
      );
    });
    expect(output.code).toBe(0);
    expect(output.text).toContain('[access] roles:reset: set admin role content-editor to its defaults; granted ');
    expect(output.text).toContain(
      `[access] roles:reset: removed from Strapi's "Editor" role (strapi-editor) its permissions on private types: plugin::content-manager.explorer.read on ${APP}`,
    );
    expect(output.text).toContain('[access] roles:reset: granted the public role api::ca-provider.ca-provider.findOne');
    strapi = await restartStrapi();
    for (const code of Object.keys(defaults))
      expect({ code, permissions: await stored(code) }).toEqual({ code, permissions: defaults[code] });
    expect(await publicActions()).toEqual(publicDefaults);
    const record = (await strapi.store.get({ type: 'core', name: 'ggzy', key: 'access_defaults' })) as {
      reason: string;
    };
    expect(record.reason).toBe('roles:reset');
  });
});
