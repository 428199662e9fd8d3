import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::administrative-decision.administrative-decision');
