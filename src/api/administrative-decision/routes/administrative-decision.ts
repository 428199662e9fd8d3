import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::administrative-decision.administrative-decision');
