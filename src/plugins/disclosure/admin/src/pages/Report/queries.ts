// The report page's server state as react-query queries (the QueryClient of Strapi's admin): results are kept per
// organization and year, so an answer that arrives late can never show under another choice.
import { useQuery, useQueryClient } from 'react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import { API, type FormatResponse, type Organization, type ReportView } from './api';

const KEYS = {
  setup: ['disclosure', 'report', 'setup'] as const,
  view: (organization: string | null, year: number) => ['disclosure', 'report', 'view', organization, year] as const,
};

/** Failures are shown at once (no retries), and nothing is refetched behind the officer's back. */
const ONCE = { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/** The format and the organizations the page offers. */
export function useReportSetup() {
  const { get } = useFetchClient();
  return useQuery(
    KEYS.setup,
    async () => {
      const [format, organizations] = await Promise.all([
        get<FormatResponse>(API.format),
        get<{ data: Organization[] }>(API.organizations),
      ]);
      return { format: format.data, organizations: organizations.data.data };
    },
    ONCE,
  );
}

/** The report of one organization and year (tables, problems, publication state); the previous one while loading. */
export function useReportView(organization: string | null, year: number) {
  const { get } = useFetchClient();
  return useQuery(
    KEYS.view(organization, year),
    async () => {
      const res = await get<{ data: ReportView }>(API.view, { params: { organization, year, locale: 'zh-Hans' } });
      return res.data.data;
    },
    { ...ONCE, enabled: !!organization, keepPreviousData: true },
  );
}

/** Puts a view the server answered (after computing) in place of the one being loaded, which is dropped. */
export function useReplaceReportView() {
  const client = useQueryClient();
  return {
    cancel: (organization: string, year: number) => client.cancelQueries(KEYS.view(organization, year)),
    set: (organization: string, year: number, view: ReportView) =>
      client.setQueryData(KEYS.view(organization, year), view),
  };
}
