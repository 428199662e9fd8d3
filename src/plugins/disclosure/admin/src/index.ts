/** Admin entry of the disclosure plugin: the annual report page and the applications worklist, in zh-Hans and en. */
import { Book, Clock } from '@strapi/icons';
import { ACTIONS, permissionsOf } from '../../server/src/contracts/permissions';
import { PLUGIN_ID } from './pluginId';

const REPORT_PERMISSIONS = permissionsOf(ACTIONS.readReport);
const APPLICATION_PERMISSIONS = permissionsOf(ACTIONS.readApplications);

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
    app.registerPlugin({ id: PLUGIN_ID, name: '信息公开 Disclosure' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const file = locale.startsWith('zh') ? 'zh-Hans' : 'en';
        const { default: data } = await import(`./translations/${file}.json`);
        const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
        return { data: prefixed, locale };
      })
    );
  },
};
