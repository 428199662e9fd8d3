declare module 'koa2-ratelimit';
