/**
 * Serves the public site's home page at "/": Strapi's static middleware redirects "/" to the admin, but the site is
 * what the public comes for. The admin stays at /admin.
 */
export default () => async (ctx: any, next: () => Promise<unknown>) => {
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path === '/') ctx.path = '/index.html';
  return next();
};
