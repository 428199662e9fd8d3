import type { Core } from '@strapi/strapi';
import { excludePrivateFromDocumentation, setUp } from './bootstrap';
import { registerDocumentRules } from './validation';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentRules(strapi);
    excludePrivateFromDocumentation(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await setUp(strapi);
  },
};
