import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    maxLimit: env.int('API_MAX_LIMIT', 100),
    // No COUNT(*) unless the client asks (`pagination[withCount]=true`): a full count on every list request grows with
    // the table (½ s at 100,000 notices), and only pages that print page numbers need it. Answers are cached (src/cache).
    withCount: false,
    // Unknown query parameters are refused instead of ignored: a typo in a filter must not silently widen a result.
    strictParams: true,
  },
});

export default config;
