/** The compliance overview (政务公开办, auditors): admin routes at /disclosure/overview, overview.read only. */
import { ACTIONS } from '../permissions';

const can = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

export default {
  admin: [
    { method: 'GET', path: '/overview', handler: 'overview.find', config: can(ACTIONS.readOverview) },
    { method: 'GET', path: '/overview/xlsx', handler: 'overview.xlsx', config: can(ACTIONS.readOverview) },
  ],
  contentApi: [],
};
