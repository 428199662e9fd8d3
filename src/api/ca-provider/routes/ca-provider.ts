import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::ca-provider.ca-provider');
