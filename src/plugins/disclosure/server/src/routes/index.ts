/** The plugin's routes: admin routes at /disclosure/*, content-API routes at /api/disclosure/*. */
import reportRoutes from './report';
import applicationRoutes from './applications';
import overviewRoutes from './overview';

export default {
  admin: { type: 'admin', routes: [...reportRoutes.admin, ...applicationRoutes.admin, ...overviewRoutes.admin] },
  'content-api': {
    type: 'content-api',
    routes: [...reportRoutes.contentApi, ...applicationRoutes.contentApi, ...overviewRoutes.contentApi],
  },
};
