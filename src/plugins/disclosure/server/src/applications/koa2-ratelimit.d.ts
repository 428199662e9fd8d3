// koa2-ratelimit ships no types; the plugin server compiles on its own, without the app's src/types.
declare module 'koa2-ratelimit';
