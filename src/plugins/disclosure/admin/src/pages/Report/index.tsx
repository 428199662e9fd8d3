// The annual report page (menu link plugins/disclosure), guarded by plugin::disclosure.report.read.
import { Page } from '@strapi/strapi/admin';
import { ReportPage } from './ReportPage';

const READ = [{ action: 'plugin::disclosure.report.read', subject: null }];

const ReportRoute = () => (
  <Page.Protect permissions={READ}>
    <ReportPage />
  </Page.Protect>
);

export default ReportRoute;
