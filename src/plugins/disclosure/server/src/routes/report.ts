/** Routes of the annual report: the admin page's (guarded by the plugin's permissions) and the public ones. */
import { ACTIONS } from '../permissions';

const REPORT_ACTIONS = { read: ACTIONS.readReport, compute: ACTIONS.computeReport, publish: ACTIONS.publishReport };
const can = (action: keyof typeof REPORT_ACTIONS) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: [REPORT_ACTIONS[action]] } }],
});

export default {
  admin: [
    { method: 'GET', path: '/format', handler: 'report.format', config: can('read') },
    { method: 'GET', path: '/organizations', handler: 'report.organizations', config: can('read') },
    { method: 'GET', path: '/reports/view', handler: 'report.view', config: can('read') },
    { method: 'GET', path: '/reports/cell', handler: 'report.cellRecords', config: can('read') },
    { method: 'POST', path: '/reports/compute', handler: 'report.compute', config: can('compute') },
    { method: 'POST', path: '/reports/acknowledge', handler: 'report.acknowledge', config: can('publish') },
    { method: 'POST', path: '/reports/publish', handler: 'report.publish', config: can('publish') },
  ],
  contentApi: [
    { method: 'GET', path: '/reports', handler: 'public-report.find' },
    { method: 'GET', path: '/reports/:documentId', handler: 'public-report.findOne' },
    { method: 'GET', path: '/reports/:documentId/html', handler: 'public-report.html' },
    { method: 'GET', path: '/reports/:documentId/csv', handler: 'public-report.csv' },
    { method: 'GET', path: '/reports/:documentId/xlsx', handler: 'public-report.xlsx' },
  ],
};
