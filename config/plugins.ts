import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    config: {
      // Decimals printed for the fee cell of table 二 (万元). The stored value stays exact.
      feeDecimals: env.int('REPORT_FEE_DECIMALS', 4),
      // Applications due within this many working days are flagged "due soon" in the officer's worklist.
      dueSoonWorkingDays: env.int('APPLICATION_DUE_SOON_DAYS', 5),
    },
  },
  documentation: {
    enabled: true,
    config: {
      openapi: '3.0.0',
      info: {
        version: '1.0.0',
        title: '公共资源交易中心 Content API (public)',
        description:
          'Read-only content API of the public site: policy documents, transaction projects and notices, CA providers, organizations and annual reports. Only published content is served.',
      },
      'x-strapi-config': {
        plugins: [],
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
});

export default config;
