/**
 * Who may do what, declared once: the public API, the site's read-only token and the three admin roles.
 * These are DEFAULTS: applied on the first start and by `npm run roles:reset` (see ./index.ts); afterwards the
 * admin's changes in Settings › Roles stand, within the safety invariants of ./invariants.ts.
 */

/** Content types the public may read (find and findOne). Everything else is closed to the public. */
export const PUBLIC_READABLE = [
  'api::organization.organization',
  'api::policy-document.policy-document',
  'api::transaction-project.transaction-project',
  'api::transaction-notice.transaction-notice',
  'api::ca-provider.ca-provider',
  'api::annual-report.annual-report',
] as const;

/** Single types the public may read (a single type has `find` only). */
export const PUBLIC_READABLE_SINGLES = ['api::disclosure-guide.disclosure-guide'] as const;

/**
 * Types holding applicants' personal data or internal records: never public, and closed to every admin role that is
 * not explicitly granted them below (Strapi's own Editor and Author roles are stripped of them on every start).
 */
export const PRIVATE_TYPES = [
  'api::disclosure-application.disclosure-application',
  'api::review-case.review-case',
  'api::administrative-decision.administrative-decision',
  'api::fee.fee',
  'plugin::disclosure.application-event',
  'plugin::disclosure.calendar-day',
  // Imported (historical) reports: written only by the import (re-import replaces), read and removed by the officer.
  'plugin::disclosure.historical-report',
] as const;

/**
 * Strapi's own admin roles, created on a fresh database with Content Manager rights on every type. They are kept (users
 * may be assigned to them, and they are useful for public content) but lose every permission on PRIVATE_TYPES.
 */
export const STRAPI_DEFAULT_ROLES = ['strapi-editor', 'strapi-author'] as const;

/** Extra content-API actions of the public role beyond find/findOne of PUBLIC_READABLE (plugin routes). */
export const PUBLIC_EXTRA_ACTIONS: string[] = [
  'plugin::i18n.locales.listLocales',
  // Published annual reports as JSON, HTML, CSV and XLSX, and the city's index (the plugin never serves drafts).
  ...['find', 'index', 'findOne', 'html', 'csv', 'xlsx'].map((action) => `plugin::disclosure.public-report.${action}`),
  ...['apply', 'status'].map((action) => `plugin::disclosure.applications.${action}`), // online application, status check
  'api::search.search.find', // site-wide search over published content (src/search)
];

export const publicActions = (): string[] => [
  ...PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...PUBLIC_READABLE_SINGLES.map((uid) => `${uid}.find`),
  ...PUBLIC_EXTRA_ACTIONS,
];

export type RoleSpec = {
  code: string;
  name: string;
  description: string;
  /** Content types with the content-manager actions granted on them. */
  contentTypes: Array<{ uid: string; actions: Array<'read' | 'create' | 'update' | 'delete' | 'publish'> }>;
  /** Other admin actions (media library, plugin actions). */
  actions: string[];
  /**
   * Content-type permissions on types with an organization (ORGANIZATION_PATHS in ./scope.ts) carry the condition
   * "属于本人所在机构 / in my organizations": the role's users see and change only their organizations' records.
   */
  scoped?: boolean;
};

const ALL: RoleSpec['contentTypes'][number]['actions'] = ['read', 'create', 'update', 'delete', 'publish'];
const CRUD: RoleSpec['contentTypes'][number]['actions'] = ['read', 'create', 'update', 'delete'];
const MEDIA = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/** Admin actions registered by the disclosure plugin (src/plugins/disclosure/server/src/permissions.ts). */
const REPORT_ACTIONS = [
  'plugin::disclosure.report.read',
  'plugin::disclosure.report.compute',
  'plugin::disclosure.report.publish',
];
/** Importing published reports as historical reports (POST /disclosure/imports, the import page). */
const IMPORT_ACTIONS = ['plugin::disclosure.report.import'];
const APPLICATION_ACTIONS = ['plugin::disclosure.applications.read', 'plugin::disclosure.applications.handle'];
/** The compliance overview (every organization × year: report state, timeliness, overdue applications; no personal data). */
const OVERVIEW_ACTION = 'plugin::disclosure.overview.read';

export const ADMIN_ROLES: RoleSpec[] = [
  {
    code: 'content-editor',
    name: '内容编辑 Content editor',
    description:
      'Edits and publishes policy documents, transaction projects and notices of their organizations, and CA provider information.',
    scoped: true,
    contentTypes: [
      { uid: 'api::policy-document.policy-document', actions: ALL },
      { uid: 'api::transaction-project.transaction-project', actions: ALL },
      { uid: 'api::transaction-notice.transaction-notice', actions: ALL },
      { uid: 'api::ca-provider.ca-provider', actions: ALL },
      { uid: 'api::disclosure-guide.disclosure-guide', actions: ALL },
      { uid: 'api::organization.organization', actions: ['read'] },
    ],
    actions: [...MEDIA],
  },
  {
    code: 'disclosure-officer',
    name: '信息公开专员 Disclosure officer',
    description:
      'Handles disclosure applications and review or lawsuit cases, records decisions and fees, and produces the annual report, for their organizations.',
    scoped: true,
    contentTypes: [
      { uid: 'api::disclosure-application.disclosure-application', actions: CRUD },
      { uid: 'api::review-case.review-case', actions: CRUD },
      { uid: 'api::administrative-decision.administrative-decision', actions: CRUD },
      { uid: 'api::fee.fee', actions: CRUD },
      { uid: 'api::annual-report.annual-report', actions: ALL },
      { uid: 'api::organization.organization', actions: ['read'] },
      { uid: 'api::policy-document.policy-document', actions: ['read'] },
      // Working-day overrides for years the holiday package does not cover yet (the State Council announces late).
      { uid: 'plugin::disclosure.calendar-day', actions: CRUD },
      { uid: 'plugin::disclosure.calendar-year', actions: CRUD }, // marks a year's schedule complete (with its notice)
      // Figures change only by re-import (the plugin refuses every other write): read and delete here.
      { uid: 'plugin::disclosure.historical-report', actions: ['read', 'delete'] },
    ],
    actions: [...MEDIA, ...REPORT_ACTIONS, ...IMPORT_ACTIONS, ...APPLICATION_ACTIONS, OVERVIEW_ACTION],
  },
  {
    code: 'auditor',
    name: '只读审核 Auditor',
    description:
      'City-level: reads everything public and the annual reports of every organization, with the records behind the report tables; changes nothing.',
    contentTypes: [
      ...[...PUBLIC_READABLE, ...PUBLIC_READABLE_SINGLES].map((uid) => ({
        uid,
        actions: ['read'] as RoleSpec['contentTypes'][number]['actions'],
      })),
      { uid: 'api::administrative-decision.administrative-decision', actions: ['read'] },
      { uid: 'api::fee.fee', actions: ['read'] },
    ],
    actions: [
      'plugin::upload.read',
      'plugin::upload.assets.download',
      'plugin::disclosure.report.read',
      OVERVIEW_ACTION,
    ],
  },
];

export const SITE_TOKEN_NAME = 'Public site (read-only)';
