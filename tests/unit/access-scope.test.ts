/** The pure parts of the organization scope and of the access invariants (src/bootstrap/scope.ts, invariants.ts). */
import type { Core } from '@strapi/strapi';
import { ORGANIZATION_PATHS, scopeQuery } from '../../src/bootstrap/scope';
import {
  checkAdminRolePermissions,
  checkPublicActions,
  checkSiteToken,
  publicAllowed,
} from '../../src/bootstrap/invariants';
import { PRIVATE_TYPES, SITE_TOKEN_NAME } from '../../src/bootstrap/access';

const fakeStrapi = {
  contentTypes: {
    'api::policy-document.policy-document': { kind: 'collectionType' },
    'api::disclosure-guide.disclosure-guide': { kind: 'singleType' },
    'api::fee.fee': { kind: 'collectionType' },
    'admin::user': { kind: 'collectionType' },
  },
} as unknown as Core.Strapi;

describe('scopeQuery', () => {
  test('a direct organization, a notice through its project, the organization itself', () => {
    expect(scopeQuery('api::fee.fee', ['a', 'b'])).toEqual({ 'organization.documentId': { $in: ['a', 'b'] } });
    expect(scopeQuery('api::transaction-notice.transaction-notice', ['a'])).toEqual({
      'project.organization.documentId': { $in: ['a'] },
    });
    expect(scopeQuery('api::organization.organization', ['a'])).toEqual({ documentId: { $in: ['a'] } });
  });
  test('no membership, or a type without an organization: nothing is granted', () => {
    expect(scopeQuery('api::fee.fee', [])).toBe(false);
    expect(scopeQuery('api::ca-provider.ca-provider', ['a'])).toBe(false);
  });
  test('every private API type with an organization is scoped', () => {
    const scopedPrivate = PRIVATE_TYPES.filter((uid) => uid.startsWith('api::'));
    expect(scopedPrivate.filter((uid) => !(uid in ORGANIZATION_PATHS))).toEqual([]);
  });
});

describe('the invariants', () => {
  test('the public role: reads of non-private API types pass; private reads, writes and other actions are refused by name', () => {
    expect(() =>
      checkPublicActions(fakeStrapi, [
        'api::policy-document.policy-document.find',
        'api::disclosure-guide.disclosure-guide.find',
      ]),
    ).not.toThrow();
    expect(publicAllowed(fakeStrapi).has('api::disclosure-guide.disclosure-guide.findOne')).toBe(false);
    expect(() => checkPublicActions(fakeStrapi, ['api::fee.fee.find'])).toThrow(/refused: api::fee\.fee\.find\)$/);
    expect(() => checkPublicActions(fakeStrapi, ['api::policy-document.policy-document.update'])).toThrow(
      /不能授予：api::policy-document\.policy-document\.update/,
    );
  });
  test('the site token: custom reads only; other tokens are not checked', () => {
    expect(() =>
      checkSiteToken(fakeStrapi, {
        name: SITE_TOKEN_NAME,
        type: 'custom',
        permissions: ['api::policy-document.policy-document.find'],
      }),
    ).not.toThrow();
    expect(() =>
      checkSiteToken(fakeStrapi, {
        name: SITE_TOKEN_NAME,
        type: 'custom',
        permissions: ['plugin::disclosure.applications.apply'],
      }),
    ).toThrow(/plugin::disclosure\.applications\.apply/);
    expect(() => checkSiteToken(fakeStrapi, { name: SITE_TOKEN_NAME, type: 'full-access', permissions: [] })).toThrow(
      /full-access/,
    );
    expect(() => checkSiteToken(fakeStrapi, { name: '其他', type: 'full-access', permissions: [] })).not.toThrow();
  });
  test('a role without reading applications cannot handle them nor touch their events', () => {
    const handle = { action: 'plugin::disclosure.applications.handle', subject: null };
    const events = { action: 'plugin::content-manager.explorer.read', subject: 'plugin::disclosure.application-event' };
    expect(() => checkAdminRolePermissions([handle])).toThrow(/plugin::disclosure\.applications\.handle/);
    expect(() => checkAdminRolePermissions([events])).toThrow(/on plugin::disclosure\.application-event/);
    expect(() =>
      checkAdminRolePermissions([handle, events, { action: 'plugin::disclosure.applications.read', subject: null }]),
    ).not.toThrow();
    expect(() =>
      checkAdminRolePermissions([
        handle,
        {
          action: 'plugin::content-manager.explorer.read',
          subject: 'api::disclosure-application.disclosure-application',
        },
      ]),
    ).not.toThrow();
  });
});
