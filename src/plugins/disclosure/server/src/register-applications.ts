import type { Core } from '@strapi/strapi';
import { registerWorkflowGuards } from './applications/guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerWorkflowGuards(strapi);
};
