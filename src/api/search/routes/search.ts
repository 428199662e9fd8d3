/** GET /api/search: site-wide search over published notices, projects and policy documents (src/search). */
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.find', config: { policies: [] } }],
};
