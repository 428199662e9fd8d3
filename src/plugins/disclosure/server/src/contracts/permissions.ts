// The plugin's admin permission actions, the one spelling both sides use: the server registers and guards them, the
// admin hides menu links and buttons with them. Pure data: imported by the admin bundle.

export const ACTIONS = {
  readReport: 'plugin::disclosure.report.read',
  computeReport: 'plugin::disclosure.report.compute',
  publishReport: 'plugin::disclosure.report.publish',
  importReports: 'plugin::disclosure.report.import',
  readApplications: 'plugin::disclosure.applications.read',
  handleApplications: 'plugin::disclosure.applications.handle',
  readOverview: 'plugin::disclosure.overview.read',
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** The shape `permissions` props of the admin (menu links, useRBAC, Page.Protect) take. */
export const permissionsOf = (...actions: Action[]) => actions.map((action) => ({ action, subject: null }));
