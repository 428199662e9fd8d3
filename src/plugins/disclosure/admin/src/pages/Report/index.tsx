// The annual report page (menu link plugins/disclosure), guarded by plugin::disclosure.report.read.
import { Page } from '@strapi/strapi/admin';
import { ACTIONS, permissionsOf } from '../../../../server/src/contracts/permissions';
import { ReportPage } from './ReportPage';

const READ = permissionsOf(ACTIONS.readReport);

const ReportRoute = () => (
  <Page.Protect permissions={READ}>
    <ReportPage />
  </Page.Protect>
);

export default ReportRoute;
