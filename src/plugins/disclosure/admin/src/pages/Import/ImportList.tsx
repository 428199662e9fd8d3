// The imports stored so far (GET /disclosure/imports: the caller's organizations when scoped), below the import form:
// organization, year, who imported it and when, and its original file. Reloaded after each save.
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { failureOf } from '../Report/api';
import { IMPORT_API, type StoredImport } from './api';
import { useImportT } from './i18n';

export function ImportList({ reload }: { reload: number }) {
  const { get } = useFetchClient();
  const { t, dateTime } = useImportT();
  const [rows, setRows] = React.useState<StoredImport[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let current = true;
    get<{ data: StoredImport[] }>(IMPORT_API.list)
      .then((r) => current && (setRows(r.data.data), setError(null)))
      .catch((e) => current && setError(failureOf(e).message));
    return () => {
      current = false;
    };
  }, [get, reload]);

  const heading = t('list.title', 'Imported reports');
  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
      tag="section"
      aria-label={heading}
      data-testid="import-list"
    >
      <Box paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {heading}
        </Typography>
      </Box>
      {error ? (
        <Typography textColor="danger600">{error}</Typography>
      ) : rows === null ? null : rows.length === 0 ? (
        <Typography textColor="neutral600" data-testid="import-list-empty">
          {t('list.empty', 'No report has been imported yet.')}
        </Typography>
      ) : (
        <Table colCount={4} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('organization', 'Organization')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('year', 'Year')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('list.imported', 'Imported')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('list.file', 'Original file')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.documentId} data-testid="import-list-row" data-document-id={r.documentId}>
                <Td>
                  <Typography>{r.organization?.name ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{String(r.year)}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {t('list.by', '{by}, {at}', { by: r.importedBy ?? '—', at: dateTime(r.importedAt) })}
                  </Typography>
                </Td>
                <Td>{r.file ? <Link href={r.file.url}>{r.file.name}</Link> : <Typography>—</Typography>}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
}
