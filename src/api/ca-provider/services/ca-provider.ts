import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::ca-provider.ca-provider');
