// The compliance overview page (menu link plugins/disclosure-overview), guarded by plugin::disclosure.overview.read.
import { Page } from '@strapi/strapi/admin';
import { OverviewPage } from './OverviewPage';

const READ = [{ action: 'plugin::disclosure.overview.read', subject: null }];

const OverviewRoute = () => (
  <Page.Protect permissions={READ}>
    <OverviewPage />
  </Page.Protect>
);

export default OverviewRoute;
