// Translation helper of the import page: keys under "import." in ../../translations/*.json.
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../pluginId';

export function useImportT() {
  const intl = useIntl();
  const en = !intl.locale.toLowerCase().startsWith('zh');
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `${PLUGIN_ID}.import.${key}`, defaultMessage }, values) as string;
  const dateTime = (iso: string | null | undefined) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' } as Intl.DateTimeFormatOptions) : '';
  return { t, en, dateTime };
}
