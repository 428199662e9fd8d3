import { Page } from '@strapi/strapi/admin';

const ApplicationsPage = () => <Page.Main>Applications</Page.Main>;

export default ApplicationsPage;
