import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::ca-provider.ca-provider');
