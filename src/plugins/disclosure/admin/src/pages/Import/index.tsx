// The import page (menu link plugins/disclosure-import), guarded by plugin::disclosure.report.import.
import { Page } from '@strapi/strapi/admin';
import { IMPORT_PERMISSION } from './api';
import { ImportPage } from './ImportPage';

const IMPORT = [{ action: IMPORT_PERMISSION, subject: null }];

const ImportRoute = () => (
  <Page.Protect permissions={IMPORT}>
    <ImportPage />
  </Page.Protect>
);

export default ImportRoute;
