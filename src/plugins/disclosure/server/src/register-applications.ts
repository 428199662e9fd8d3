import type { Core } from '@strapi/strapi';
import { registerWorkflowGuards } from './applications/guard';
import { registerCalendarYearRules } from './applications/calendar-year';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerWorkflowGuards(strapi);
  registerCalendarYearRules(strapi);
};
