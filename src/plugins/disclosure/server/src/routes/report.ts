/** Routes of the annual report: the admin page's (guarded by the plugin's permissions) and the public ones. */
const can = (action: string) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: [`plugin::disclosure.report.${action}`] } }],
});

export default {
  admin: [
    { method: 'GET', path: '/format', handler: 'report.format', config: can('read') },
    { method: 'GET', path: '/organizations', handler: 'report.organizations', config: can('read') },
    { method: 'GET', path: '/reports/view', handler: 'report.view', config: can('read') },
    { method: 'GET', path: '/reports/cell', handler: 'report.cellRecords', config: can('read') },
    { method: 'GET', path: '/reports/paragraphs', handler: 'report.paragraphs', config: can('read') },
    { method: 'POST', path: '/reports/compute', handler: 'report.compute', config: can('compute') },
    { method: 'POST', path: '/reports/acknowledge', handler: 'report.acknowledge', config: can('publish') },
    { method: 'POST', path: '/reports/publish', handler: 'report.publish', config: can('publish') },
    // Imported (historical) reports: preview (nothing stored), confirm (stored; replaces an earlier import), read.
    { method: 'POST', path: '/imports', handler: 'imports.preview', config: can('import') },
    { method: 'POST', path: '/imports/confirm', handler: 'imports.confirm', config: can('import') },
    { method: 'GET', path: '/imports', handler: 'imports.list', config: can('import') },
    { method: 'GET', path: '/imports/:documentId', handler: 'imports.findOne', config: can('import') },
  ],
  contentApi: [
    { method: 'GET', path: '/reports', handler: 'public-report.find' },
    // Before /reports/:documentId, which would take "index" for a documentId.
    { method: 'GET', path: '/reports/index', handler: 'public-report.index' },
    { method: 'GET', path: '/reports/:documentId', handler: 'public-report.findOne' },
    { method: 'GET', path: '/reports/:documentId/html', handler: 'public-report.html' },
    { method: 'GET', path: '/reports/:documentId/csv', handler: 'public-report.csv' },
    { method: 'GET', path: '/reports/:documentId/xlsx', handler: 'public-report.xlsx' },
  ],
};
