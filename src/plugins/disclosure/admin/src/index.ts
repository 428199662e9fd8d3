/** Admin entry of the disclosure plugin: the annual report page, the applications worklist, the import of published reports and the compliance overview, in zh-Hans and en. */
import { Book, Clock, Upload, ChartPie } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

const REPORT_PERMISSIONS = [{ action: 'plugin::disclosure.report.read', subject: null }];
const APPLICATION_PERMISSIONS = [{ action: 'plugin::disclosure.applications.read', subject: null }];
const IMPORT_PERMISSIONS = [{ action: 'plugin::disclosure.report.import', subject: null }];
const OVERVIEW_PERMISSIONS = [{ action: 'plugin::disclosure.overview.read', subject: null }];

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Book,
      intlLabel: { id: `${PLUGIN_ID}.menu.report`, defaultMessage: '年度报告 Annual report' },
      Component: () => import('./pages/Report'),
      permissions: REPORT_PERMISSIONS,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-applications`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.menu.applications`, defaultMessage: '依申请公开 Applications' },
      Component: () => import('./pages/Applications'),
      permissions: APPLICATION_PERMISSIONS,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-import`,
      icon: Upload,
      intlLabel: { id: `${PLUGIN_ID}.menu.import`, defaultMessage: '导入历史年报 Import reports' },
      Component: () => import('./pages/Import'),
      permissions: IMPORT_PERMISSIONS,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-overview`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu.overview`, defaultMessage: '公开工作总览 Compliance overview' },
      Component: () => import('./pages/Overview'),
      permissions: OVERVIEW_PERMISSIONS,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '信息公开 Disclosure' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const file = locale.startsWith('zh') ? 'zh-Hans' : 'en';
        const { default: data } = await import(`./translations/${file}.json`);
        const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
        return { data: prefixed, locale };
      }),
    );
  },
};
