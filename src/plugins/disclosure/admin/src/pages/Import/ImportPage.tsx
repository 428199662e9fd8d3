// Import a published annual report (pasted text or a .txt/.html/.docx/text .pdf file) as the organization's report of
// a year: the tables read are shown like the report page's, beside the text they were read from; problems are marked
// on their cells; every cell and problem leads to its place in the text. "Save as historical report" stores it.
import * as React from 'react';
import styled from 'styled-components';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  TextButton,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Check, Eye } from '@strapi/icons';
import { API, failureOf, type Failure, type FormatResponse, type Organization, type Problem } from '../Report/api';
import { describeCell, indexCells, type Cells } from '../Report/grid';
import { ReportTables, marksOf } from '../Report/ReportTables';
import { IMPORT_API, type AuditProblem, type AuditSeverity, type ImportResult, type SourcePlace } from './api';
import { useImportT } from './i18n';
import { SourcePanel } from './SourcePanel';
import { ImportList } from './ImportList';

const FIRST_YEAR = 2019;

const SideBySide = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  gap: ${({ theme }) => theme.spaces[6]};
  align-items: start;

  & > :last-child {
    position: sticky;
    top: ${({ theme }) => theme.spaces[4]};
  }
`;

const ProblemItem = styled.li<{ $severity: AuditSeverity }>`
  list-style: none;
  border-left: 4px solid
    ${({ theme, $severity }) =>
      $severity === 'error'
        ? theme.colors.danger600
        : $severity === 'notice'
          ? theme.colors.neutral400
          : theme.colors.warning600};
  background: ${({ theme, $severity }) =>
    $severity === 'error'
      ? theme.colors.danger100
      : $severity === 'notice'
        ? theme.colors.neutral100
        : theme.colors.warning100};
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  margin-bottom: ${({ theme }) => theme.spaces[2]};
`;

/** Imported values as the grid's cells: a blank keeps its printed form; a cell not read stays absent ("?"). */
const gridCells = (result: ImportResult): Cells =>
  Object.fromEntries(Object.entries(result.cells).map(([id, c]) => [id, c.value === null ? c.raw || '—' : c.value]));

/** The grid marks errors and warnings; a cell not read with certainty is marked as a warning. */
const gridProblems = (problems: readonly AuditProblem[]): Problem[] =>
  problems
    .filter((p) => p.severity !== 'notice' && p.cells.length)
    .map((p) => ({
      rule: p.rule,
      severity: p.severity === 'error' ? 'error' : 'warning',
      cells: p.cells,
      expected: p.expected ?? '—',
      actual: p.actual ?? '—',
      message: p.message,
    }));

export function ImportPage() {
  const { get, post } = useFetchClient();
  const { t, en, dateTime } = useImportT();
  const thisYear = new Date().getFullYear();

  const [organizations, setOrganizations] = React.useState<Organization[] | null>(null);
  const [organization, setOrganization] = React.useState<string | null>(null);
  const [year, setYear] = React.useState(thisYear - 1);
  const [mode, setMode] = React.useState<'paste' | 'file'>('paste');
  const [text, setText] = React.useState('');
  const [file, setFile] = React.useState<File | null>(null);
  const [busy, setBusy] = React.useState<'preview' | 'confirm' | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [result, setResult] = React.useState<ImportResult | null>(null);
  const [saved, setSaved] = React.useState<ImportResult | null>(null);
  const [format, setFormat] = React.useState<FormatResponse | null>(null);
  const [place, setPlace] = React.useState<SourcePlace | null>(null);
  const [highlight, setHighlight] = React.useState<string | null>(null);
  const [listVersion, setListVersion] = React.useState(0);

  React.useEffect(() => {
    get<{ data: Organization[] }>(API.organizations)
      .then((r) => {
        setOrganizations(r.data.data);
        setOrganization((current) => current ?? r.data.data[0]?.documentId ?? null);
      })
      .catch((e) => setFailure(failureOf(e)));
  }, [get]);

  const body = () => {
    const form = new FormData();
    if (organization) form.append('organization', organization);
    form.append('year', String(year));
    if (mode === 'file' && file) form.append('file', file, file.name);
    else form.append('text', text);
    return form;
  };

  const send = async (what: 'preview' | 'confirm') => {
    setBusy(what);
    setFailure(null);
    try {
      const res = await post<{ data: ImportResult }>(
        what === 'preview' ? IMPORT_API.preview : IMPORT_API.confirm,
        body(),
      );
      const data = res.data.data;
      if (!format || format.data.code !== data.format) {
        setFormat((await get<FormatResponse>(API.format, { params: { code: data.format } })).data);
      }
      setResult(data);
      setSaved(what === 'confirm' ? data : null);
      if (what === 'confirm') setListVersion((v) => v + 1);
      setPlace(null);
      setHighlight(null);
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(null);
    }
  };

  const showCell = (id: string) => {
    setHighlight(id);
    setPlace(result?.cells[id]?.place ?? null);
    document.querySelector(`[data-cell-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  };

  const index = React.useMemo(() => (format && result ? indexCells(format.data) : new Map()), [format, result]);
  const marks = React.useMemo(() => marksOf(result ? gridProblems(result.problems) : []), [result]);
  const severityWord = (s: AuditSeverity) =>
    ({
      error: t('severity.error', 'Error'),
      warning: t('severity.warning', 'Warning'),
      uncertain: t('severity.uncertain', 'Not read'),
      notice: t('severity.notice', 'Note'),
    })[s];
  const order: AuditSeverity[] = ['error', 'warning', 'uncertain', 'notice'];
  const problems = result
    ? [...result.problems].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))
    : [];
  const ready = !!organization && (mode === 'file' ? !!file : text.trim().length > 0);

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Import a published report')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Import a published report')}
        subtitle={t(
          'subtitle',
          'Read a published annual report into the tables, audit it, and keep it as the organization’s report of that year',
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box
            background="neutral0"
            padding={6}
            shadow="tableShadow"
            hasRadius
            tag="section"
            aria-label={t('input.title', 'Report to import')}
          >
            <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
              <Box minWidth="28rem">
                <Field.Root name="organization">
                  <Field.Label>{t('organization', 'Organization')}</Field.Label>
                  <SingleSelect
                    value={organization ?? undefined}
                    onChange={(v: string | number) => setOrganization(String(v))}
                    placeholder={t('organization.placeholder', 'Choose an organization')}
                    data-testid="import-organization"
                  >
                    {(organizations ?? []).map((o) => (
                      <SingleSelectOption key={o.documentId} value={o.documentId}>
                        {o.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box minWidth="12rem">
                <Field.Root name="year">
                  <Field.Label>{t('year', 'Year')}</Field.Label>
                  <SingleSelect
                    value={String(year)}
                    onChange={(v: string | number) => setYear(Number(v))}
                    data-testid="import-year"
                  >
                    {Array.from({ length: thisYear - FIRST_YEAR }, (_, i) => thisYear - 1 - i).map((y) => (
                      <SingleSelectOption key={y} value={String(y)}>
                        {String(y)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
            </Flex>
            <Tabs.Root value={mode} onValueChange={(v: string) => setMode(v as 'paste' | 'file')}>
              <Tabs.List aria-label={t('input.title', 'Report to import')}>
                <Tabs.Trigger value="paste">{t('input.paste', 'Paste text')}</Tabs.Trigger>
                <Tabs.Trigger value="file">{t('input.file', 'Upload a file')}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="paste">
                <Box paddingTop={4}>
                  <Field.Root
                    name="text"
                    hint={t(
                      'input.paste.hint',
                      'The whole report as copied from its web page or document, title included.',
                    )}
                  >
                    <Field.Label>{t('input.paste.label', 'Text of the report')}</Field.Label>
                    <Textarea
                      value={text}
                      onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
                      rows={8}
                      data-testid="import-text"
                    />
                    <Field.Hint />
                  </Field.Root>
                </Box>
              </Tabs.Content>
              <Tabs.Content value="file">
                <Box paddingTop={4}>
                  <Field.Root
                    name="file"
                    hint={t(
                      'input.file.hint',
                      '.txt, .html, .docx or a PDF with a text layer (scanned documents cannot be read), up to 10 MB.',
                    )}
                  >
                    <Field.Label>{t('input.file.label', 'File of the report')}</Field.Label>
                    <input
                      type="file"
                      accept=".txt,.html,.htm,.docx,.pdf"
                      data-testid="import-file"
                      onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                    />
                    <Field.Hint />
                  </Field.Root>
                </Box>
              </Tabs.Content>
            </Tabs.Root>
            <Flex gap={3} paddingTop={4}>
              <Button
                startIcon={<Eye />}
                onClick={() => send('preview')}
                loading={busy === 'preview'}
                disabled={!ready || busy !== null}
                data-testid="import-preview"
              >
                {t('preview', 'Read and check')}
              </Button>
              {result && !saved ? (
                <Button
                  variant="success"
                  startIcon={<Check />}
                  onClick={() => send('confirm')}
                  loading={busy === 'confirm'}
                  disabled={busy !== null}
                  data-testid="import-confirm"
                >
                  {t('confirm', 'Save as historical report')}
                </Button>
              ) : null}
            </Flex>
          </Box>

          <ImportList reload={listVersion} />

          {failure ? (
            <Alert
              variant="danger"
              title={t('failure', 'Could not import')}
              closeLabel={t('close', 'Close')}
              onClose={() => setFailure(null)}
              data-testid="import-failure"
            >
              {failure.details.length ? failure.details.join('；') : failure.message}
            </Alert>
          ) : null}

          {saved ? (
            <Alert
              variant="success"
              title={t('saved.title', 'Saved as historical report')}
              closeLabel={t('close', 'Close')}
              onClose={() => setSaved(null)}
              data-testid="import-saved"
            >
              {t('saved.body', '{title}: imported by {by} on {at}. Its figures change only by importing it again.', {
                title: saved.title ?? '',
                by: saved.importedBy ?? '',
                at: dateTime(saved.importedAt),
              })}{' '}
              {saved.file ? (
                <Link href={saved.file.url}>{t('saved.file', 'Original file: {name}', { name: saved.file.name })}</Link>
              ) : null}
            </Alert>
          ) : null}

          {result && format ? (
            <>
              <Box
                background="neutral0"
                padding={6}
                shadow="tableShadow"
                hasRadius
                tag="section"
                aria-labelledby="import-summary"
              >
                <Typography variant="delta" tag="h2" id="import-summary">
                  {t('summary.title', 'What was read')}
                </Typography>
                <Box paddingTop={2}>
                  <Typography tag="p" data-testid="import-summary">
                    {t('summary.body', '{organization}, {year}, format {format}, read from {form}: {cells} cells.', {
                      organization: result.read?.organization?.value ?? result.organization?.name ?? '',
                      year: result.year,
                      format: format.data.basis,
                      form: t(`form.${result.form}`, result.form),
                      cells: Object.keys(result.cells).length,
                    })}
                  </Typography>
                  {result.previousYear ? (
                    <Typography tag="p" textColor="neutral700">
                      {t(`summary.previous.${result.previousYear.source}`, 'Continuity checked against {year}', {
                        year: result.previousYear.year,
                      })}
                    </Typography>
                  ) : null}
                  {result.existing && !saved ? (
                    <Typography tag="p" textColor="warning700" data-testid="import-existing">
                      {t('summary.existing', 'Already imported by {by} on {at}: saving replaces it.', {
                        by: result.existing.importedBy,
                        at: dateTime(result.existing.importedAt),
                      })}
                    </Typography>
                  ) : null}
                </Box>
                <Box paddingTop={4} tag="ul" data-testid="import-problems">
                  {problems.length === 0 ? (
                    <Typography textColor="success700">{t('problems.none', 'No problem found.')}</Typography>
                  ) : (
                    problems.map((p, i) => (
                      <ProblemItem
                        key={`${p.rule}-${i}`}
                        $severity={p.severity}
                        data-rule={p.rule}
                        data-severity={p.severity}
                      >
                        <Typography variant="omega" tag="p">
                          <strong>{severityWord(p.severity)}:</strong> {en ? p.message.en : p.message.zh}
                        </Typography>
                        <Flex gap={3} wrap="wrap" paddingTop={1}>
                          {p.place ? (
                            <TextButton onClick={() => setPlace(p.place)}>
                              {t('problem.place', 'Line {line}', { line: p.place.line })}
                            </TextButton>
                          ) : null}
                          {p.cells.slice(0, 4).map((id) => (
                            <TextButton key={id} onClick={() => showCell(id)}>
                              {describeCell(format.data, index.get(id), id, en)}
                            </TextButton>
                          ))}
                        </Flex>
                      </ProblemItem>
                    ))
                  )}
                </Box>
              </Box>
              <SideBySide>
                <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                  <Box paddingBottom={4}>
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {t(
                        'tables.hint',
                        'Select a number to see where it was read. “?” marks a cell not read with certainty; problems are outlined.',
                      )}
                    </Typography>
                  </Box>
                  <ReportTables
                    format={format.data}
                    cells={gridCells(result)}
                    feeDecimals={6}
                    marks={marks}
                    highlight={highlight}
                    onOpenCell={showCell}
                    openTitle={t('cell.open', 'Show where this number was read')}
                  />
                </Box>
                <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                  <SourcePanel text={result.text} place={place} name={t(`form.${result.form}`, result.form)} />
                </Box>
              </SideBySide>
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
