/** Routes of the applications workflow (worklist, transitions, online filing, status check). */
import { ACTIONS } from '../permissions';
import { rateLimit } from '../applications/rate-limit';

const can = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

/** At /disclosure/*, for admin users holding the plugin's permissions (the disclosure officer, super admins). */
const admin = [
  { method: 'GET', path: '/applications', handler: 'applications.worklist', config: can(ACTIONS.readApplications) },
  {
    method: 'GET',
    path: '/applications/:documentId',
    handler: 'applications.findOne',
    config: can(ACTIONS.readApplications),
  },
  {
    method: 'POST',
    path: '/applications/:documentId/events',
    handler: 'applications.recordEvent',
    config: can(ACTIONS.handleApplications),
  },
];

/**
 * At /api/disclosure/*, granted to the public role (plugin::disclosure.applications.apply and .status, see
 * PUBLIC_EXTRA_ACTIONS in src/bootstrap/access.ts), each with its own per-address rate limit.
 */
const contentApi = [
  {
    method: 'POST',
    path: '/applications',
    handler: 'applications.apply',
    config: { middlewares: [rateLimit('filing')] },
  },
  {
    method: 'POST',
    path: '/applications/status',
    handler: 'applications.status',
    config: { middlewares: [rateLimit('status')] },
  },
];

export default { admin, contentApi };
