import { Page } from '@strapi/strapi/admin';

const ReportPage = () => <Page.Main>Report</Page.Main>;

export default ReportPage;
