// Translation helpers of the applications pages: keys live in ../../translations/*.json under "applications.".
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../pluginId';

export function useT() {
  const intl = useIntl();
  const zh = intl.locale.toLowerCase().startsWith('zh');
  const t = (key: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: `${PLUGIN_ID}.applications.${key}`, defaultMessage }, values) as string;
  /** Labels that come from the server in both languages (outcomes of table 三). */
  const label = (item: { label: string; labelEn: string } | null | undefined) =>
    item ? (zh ? item.label : item.labelEn) : '';
  return { t, zh, label };
}
