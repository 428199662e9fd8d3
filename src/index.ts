import type { Core } from '@strapi/strapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    void strapi;
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    void strapi;
  },
};
