/**
 * `npm run admin:create` (scripts/create-admin.js): the super admin it makes has its password and no live
 * registration token (the invitation secret that lets its holder set the password through /admin/register).
 */
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdmin } = require('../../scripts/create-admin.js');

const USER = 'admin::user';
let strapi: any;

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('the first super admin can log in and has no registration token', async () => {
  const result = await ensureAdmin(strapi, { email: 'first-admin@example.test' });
  expect(result.created).toBe(true);
  const row = await strapi.db
    .query(USER)
    .findOne({ where: { email: 'first-admin@example.test' }, populate: ['roles'] });
  expect(row.registrationToken).toBeNull();
  expect(row.isActive).toBe(true);
  expect(row.roles.map((role: any) => role.code)).toEqual(['strapi-super-admin']);
  const login = await http()
    .post('/admin/login')
    .send({ email: 'first-admin@example.test', password: result.password });
  expect(login.status).toBe(200);
});

test('a second run creates nothing, clears a token left on an active account, and keeps an invitation', async () => {
  const role =
    (await strapi.service('admin::role').findOne({ code: 'strapi-editor' })) ??
    (await strapi.service('admin::role').getSuperAdmin());
  // What the earlier script left behind: an active account with a password and a live token.
  const leftover = await strapi.service('admin::user').create({
    email: 'old-admin@example.test',
    firstname: 'Old',
    lastname: 'Admin',
    password: 'Old-Password-1',
    isActive: true,
    roles: [role.id],
  });
  // An invitation not yet accepted: its token is the invitation link.
  const invited = await strapi
    .service('admin::user')
    .create({ email: 'invited@example.test', firstname: 'New', lastname: 'Editor', roles: [role.id] });
  const stale = (await strapi.db.query(USER).findOne({ where: { id: leftover.id } })).registrationToken;
  expect(typeof stale).toBe('string');

  const before = await strapi.db.query(USER).count();
  expect(await ensureAdmin(strapi, { email: 'another@example.test' })).toEqual({ created: false });
  expect(await strapi.db.query(USER).count()).toBe(before);

  expect((await strapi.db.query(USER).findOne({ where: { id: leftover.id } })).registrationToken).toBeNull();
  expect(typeof (await strapi.db.query(USER).findOne({ where: { id: invited.id } })).registrationToken).toBe('string');
  // The stale token no longer opens the account.
  const info = await http().get('/admin/registration-info').query({ registrationToken: stale });
  expect(info.status).toBe(400);
});
