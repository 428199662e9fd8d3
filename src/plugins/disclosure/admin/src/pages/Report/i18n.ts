// Translation helper of the report page: keys live in ../../translations/*.json under "report." (prefixed with the
// plugin id by registerTrads). Labels of the national format come from the format itself, in both languages.
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../pluginId';

export function useReportT() {
  const intl = useIntl();
  const en = !intl.locale.toLowerCase().startsWith('zh');
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `${PLUGIN_ID}.report.${key}`, defaultMessage }, values) as string;
  const dateTime = (iso: string | null | undefined) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' } as Intl.DateTimeFormatOptions) : '';
  const number = (n: number) => intl.formatNumber(n);
  return { t, en, locale: intl.locale, dateTime, number };
}
