import type { Core } from '@strapi/strapi';
import registerReport from './register-report';
import registerApplications from './register-applications';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerReport({ strapi });
  registerApplications({ strapi });
};
