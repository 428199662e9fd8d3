import type { Core } from '@strapi/strapi';
import registerReport from './register-report';
import registerApplications from './register-applications';
import registerImports from './register-imports';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerReport({ strapi });
  registerApplications({ strapi });
  registerImports({ strapi });
};
