// The annual report of one organization and year: compute the tables from the records, see them laid out like the
// national format with their problems, open the records behind a cell, acknowledge warnings and publish.
import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import {
  Alert,
  Box,
  Button,
  Dialog,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Status,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Check, WarningCircle } from '@strapi/icons';
import {
  API,
  type Failure,
  type FormatResponse,
  type Organization,
  RBAC_PERMISSIONS,
  type RecordKind,
  type ReportView,
  type Status as ReportStatus,
  failureOf,
  statusOf,
} from './api';
import { CellRecordsModal } from './CellRecords';
import { indexCells, textIn } from './grid';
import { useReportT } from './i18n';
import { ProblemList } from './ProblemList';
import { ReportTables, marksOf } from './ReportTables';
import { StandardParagraphs } from './StandardParagraphs';

/** The national format of 2021 applies to reports on 2021 and later. */
const FIRST_YEAR = 2021;
const RECORD_KINDS: RecordKind[] = ['applications', 'cases', 'policyDocuments', 'decisions', 'fees'];

function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useReportT();
  const [variant, text] = {
    notComputed: ['neutral', t('status.notComputed', 'Not computed')],
    draft: ['secondary', t('status.draft', 'Draft')],
    published: ['success', t('status.published', 'Published')],
    modified: ['alternative', t('status.modified', 'Modified since publication')],
  }[status] as ['neutral' | 'secondary' | 'success' | 'alternative', string];
  return (
    <Status variant={variant} size="S" data-testid="report-status" data-status={status}>
      <Typography fontWeight="bold" textColor={`${variant}700`}>
        {t('status.label', 'Status:')} {text}
      </Typography>
    </Status>
  );
}

function FailureAlert({ failure, title, onClose }: { failure: Failure; title: string; onClose?: () => void }) {
  const { t } = useReportT();
  return (
    <Alert
      variant="danger"
      title={title}
      closeLabel={t('close', 'Close')}
      onClose={onClose}
      data-testid="report-failure"
    >
      {failure.message}
      {failure.details.length ? (
        <Box tag="ul" paddingTop={1} paddingLeft={4} style={{ listStyle: 'disc' }}>
          {failure.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </Box>
      ) : null}
    </Alert>
  );
}

export function ReportPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t, en, dateTime, number } = useReportT();
  const rbac = useRBAC(RBAC_PERMISSIONS);
  const mayCompute = !!rbac.allowedActions.canCompute;
  const mayPublish = !!rbac.allowedActions.canPublish;

  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(searchParams.get('year')) || thisYear - 1;
  const orgParam = searchParams.get('organization');

  const [format, setFormat] = React.useState<FormatResponse | null>(null);
  const [organizations, setOrganizations] = React.useState<Organization[] | null>(null);
  const [setupFailure, setSetupFailure] = React.useState<Failure | null>(null);
  const [view, setView] = React.useState<ReportView | null>(null);
  const [viewFailure, setViewFailure] = React.useState<Failure | null>(null);
  const [loadingView, setLoadingView] = React.useState(false);
  const [busy, setBusy] = React.useState<'compute' | 'publish' | null>(null);
  const [publishFailure, setPublishFailure] = React.useState<Failure | null>(null);
  const [confirmOpen, setConfirmOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const [openCell, setOpenCell] = React.useState<string | null>(null);
  const [highlight, setHighlight] = React.useState<string | null>(null);
  const viewRequest = React.useRef(0);

  const organization = orgParam ?? organizations?.[0]?.documentId ?? null;

  /** Keeps the choice in the address (both parameters), so that a report can be linked to and reloaded. */
  const select = (next: { organization?: string; year?: number }) => {
    const params = new URLSearchParams(searchParams);
    const nextOrganization = next.organization ?? organization;
    if (nextOrganization) params.set('organization', nextOrganization);
    params.set('year', String(next.year ?? year));
    setSearchParams(params, { replace: true });
  };

  const loadSetup = React.useCallback(async () => {
    setSetupFailure(null);
    try {
      const [f, o] = await Promise.all([
        get<FormatResponse>(API.format),
        get<{ data: Organization[] }>(API.organizations),
      ]);
      setFormat(f.data);
      setOrganizations(o.data.data);
    } catch (e) {
      setSetupFailure(failureOf(e));
    }
  }, [get]);

  React.useEffect(() => {
    void loadSetup();
  }, [loadSetup]);

  const loadView = React.useCallback(async () => {
    if (!organization) return;
    const request = ++viewRequest.current;
    setLoadingView(true);
    setViewFailure(null);
    try {
      const res = await get<{ data: ReportView }>(API.view, { params: { organization, year, locale: 'zh-Hans' } });
      if (request === viewRequest.current) setView(res.data.data);
    } catch (e) {
      if (request === viewRequest.current) {
        setView(null);
        setViewFailure(failureOf(e));
      }
    } finally {
      if (request === viewRequest.current) setLoadingView(false);
    }
  }, [get, organization, year]);

  React.useEffect(() => {
    setPublishFailure(null);
    setHighlight(null);
    void loadView();
  }, [loadView]);

  const index = React.useMemo(() => (format ? indexCells(format.data) : new Map()), [format]);
  const problems = view?.problems ?? [];
  const marks = React.useMemo(() => marksOf(problems), [problems]);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const status = statusOf(view);
  const current = view && view.organization.documentId === organization && view.year === year ? view : null;

  const compute = async () => {
    if (!organization) return;
    setBusy('compute');
    setPublishFailure(null);
    const request = ++viewRequest.current;
    try {
      const res = await post<{ data: ReportView }>(API.compute, { organization, year });
      if (request === viewRequest.current) {
        setView(res.data.data);
        setViewFailure(null);
      }
      const found = res.data.data.problems;
      toggleNotification({
        type: found.some((p) => p.severity === 'error') ? 'warning' : 'success',
        message: t('compute.done', 'Tables computed: {errors} error(s), {warnings} warning(s)', {
          errors: found.filter((p) => p.severity === 'error').length,
          warnings: found.filter((p) => p.severity === 'warning').length,
        }),
      });
    } catch (e) {
      const failure = failureOf(e);
      toggleNotification({
        type: 'danger',
        message: `${t('compute.failed', 'Could not compute the tables')}: ${failure.message}`,
      });
    } finally {
      setBusy(null);
    }
  };

  const publish = async (acknowledge: boolean) => {
    const documentId = current?.report?.documentId;
    if (!documentId) return;
    setBusy('publish');
    setPublishFailure(null);
    try {
      if (acknowledge) await post(API.acknowledge, { documentId });
      const revision = current?.report?.revision ?? 0;
      await post(
        API.publish,
        current?.needsReason ? { documentId, revision, reason: reason.trim() } : { documentId, revision },
      );
      setReason('');
      toggleNotification({
        type: 'success',
        message: current?.needsReason
          ? t('correction.done', 'The correction is published; the earlier publication is kept in the history.')
          : t('publish.done', 'The report is published.'),
      });
    } catch (e) {
      const failure = failureOf(e);
      setPublishFailure(failure);
      toggleNotification({
        type: 'danger',
        message: `${t('publish.failed', 'Could not publish the report')}: ${failure.message}`,
      });
    } finally {
      setBusy(null);
      await loadView();
    }
  };

  const onPublishClick = () => {
    if (current?.needsAcknowledgement || current?.needsReason) setConfirmOpen(true);
    else void publish(false);
  };

  const showCell = (id: string) => {
    setHighlight(id);
    const button = document.querySelector<HTMLButtonElement>(`[data-cell-id="${CSS.escape(id)}"] button`);
    button?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    button?.focus({ preventScroll: true });
  };

  // Why the publish button is disabled, in words (shown beside it).
  const blockers: string[] = [];
  if (current) {
    if (!current.snapshot)
      blockers.push(t('publish.blocked.notComputed', 'Nothing is computed yet: compute the tables first.'));
    else if (errors.length)
      blockers.push(
        t('publish.blocked.errors', '{count} error(s) remain in the tables: correct the records and recompute.', {
          count: errors.length,
        }),
      );
    else if (!current.deadline.yearEnded)
      blockers.push(
        t('publish.blocked.year', 'The year {year} is not over yet: its report can be published from 1 January.', {
          year,
        }),
      );
    else if (current.completeness.length) for (const c of current.completeness) blockers.push(en ? c.en : c.zh);
    else if (!current.canPublish)
      blockers.push(t('publish.blocked.server', 'The server refuses publication of this report.'));
  }
  // Published and unchanged since: nothing to publish again (not a problem, so not listed as one) — unless the
  // baseline it was checked against changed, which a correction brings into the record.
  const upToDate = !!current?.snapshot && status === 'published' && !current?.publication?.baselineChanged;
  const publishDisabled = !current || busy !== null || blockers.length > 0 || upToDate;
  const publishNoteId = blockers.length ? 'report-publish-blockers' : upToDate ? 'report-publish-uptodate' : undefined;

  if (rbac.isLoading) return <Page.Loading />;

  const years: number[] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);
  if (!years.includes(year)) years.push(year);

  const title = t('title', 'Annual report on government information disclosure');
  return (
    <Page.Main aria-busy={loadingView || busy !== null}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          format
            ? t('subtitle.format', 'National format of {basis}: tables II, III and IV, computed from the records', {
                basis: format.data.basis,
              })
            : t('subtitle', 'Tables II, III and IV, computed from the records')
        }
        primaryAction={
          <Flex gap={2}>
            {mayCompute ? (
              <Button
                variant="secondary"
                startIcon={<ArrowClockwise />}
                onClick={compute}
                loading={busy === 'compute'}
                disabled={!organization || busy !== null}
                data-testid="report-compute"
              >
                {current?.snapshot ? t('compute.again', 'Recompute') : t('compute.first', 'Compute tables')}
              </Button>
            ) : null}
            {mayPublish ? (
              <Button
                startIcon={<Check />}
                onClick={onPublishClick}
                loading={busy === 'publish'}
                disabled={publishDisabled}
                aria-describedby={publishNoteId}
                data-testid="report-publish"
              >
                {current?.needsReason ? t('correction.button', 'Publish a correction') : t('publish.button', 'Publish')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {setupFailure ? (
            <FailureAlert
              failure={setupFailure}
              title={t('setup.failed', 'Could not load the report format or the organizations')}
            />
          ) : null}

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex gap={6} wrap="wrap" alignItems="flex-end">
              <Box minWidth="28rem">
                <Field.Root name="organization" id="report-organization">
                  <Field.Label>{t('organization', 'Organization')}</Field.Label>
                  <SingleSelect
                    value={organization ?? undefined}
                    onChange={(value) => select({ organization: String(value) })}
                    disabled={!organizations?.length}
                    placeholder={t('organization.placeholder', 'Choose an organization')}
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
                <Field.Root name="year" id="report-year">
                  <Field.Label>{t('year', 'Year')}</Field.Label>
                  <SingleSelect value={String(year)} onChange={(value) => select({ year: Number(value) })}>
                    {years.map((y) => (
                      <SingleSelectOption key={y} value={String(y)}>
                        {String(y)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box paddingBottom={2}>
                <StatusBadge status={current ? status : 'notComputed'} />
              </Box>
              {loadingView ? <Loader small>{t('loading', 'Loading…')}</Loader> : null}
            </Flex>
            {current?.snapshot ? (
              <Box paddingTop={4} data-testid="report-summary">
                <Typography variant="pi" textColor="neutral700" tag="p">
                  {t('computedAt', 'Computed {time}', { time: dateTime(current.snapshot.computedAt) })}
                  {current.report?.publishedAt
                    ? ` · ${t('publishedAt', 'Published {time}', { time: dateTime(current.report.publishedAt) })}`
                    : ''}
                </Typography>
                <Typography variant="pi" textColor="neutral700" tag="p">
                  {t('recordCounts', 'Records counted:')}{' '}
                  {RECORD_KINDS.map(
                    (kind) => `${t(`recordKind.${kind}`, kind)} ${number(current.snapshot!.recordCounts[kind] ?? 0)}`,
                  ).join(' · ')}
                </Typography>
                {current.acknowledgement ? (
                  <Typography variant="pi" textColor="neutral700" tag="p">
                    {current.acknowledgement.current
                      ? t('acknowledged', 'Warnings acknowledged by {name}, {time}', {
                          name: current.acknowledgement.by.name,
                          time: dateTime(current.acknowledgement.at),
                        })
                      : t('acknowledgedStale', 'The warnings changed since {name} acknowledged them ({time}).', {
                          name: current.acknowledgement.by.name,
                          time: dateTime(current.acknowledgement.at),
                        })}
                  </Typography>
                ) : null}
              </Box>
            ) : null}
          </Box>

          {current ? (
            <Box
              background="neutral0"
              padding={6}
              shadow="tableShadow"
              hasRadius
              tag="section"
              aria-labelledby="report-record-title"
              data-testid="report-record"
            >
              <Box paddingBottom={3}>
                <Typography variant="delta" tag="h2" id="report-record-title">
                  {t('record.title', 'Publication record')}
                </Typography>
              </Box>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="omega" tag="p" data-testid="report-deadline">
                  {t('deadline', 'Statutory deadline: {date} (31 January of the next year).', {
                    date: current.deadline.date,
                  })}{' '}
                  {current.publication
                    ? current.deadline.late
                      ? t('deadline.publishedLate', 'First published after the deadline (late publication).')
                      : t('deadline.publishedInTime', 'First published in time.')
                    : current.deadline.passed
                      ? ''
                      : t('deadline.open', 'The deadline has not passed yet.')}
                </Typography>
                {!current.publication && current.deadline.passed ? (
                  <Alert
                    variant="warning"
                    title={t('deadline.passed.title', 'Deadline passed')}
                    closeLabel={t('close', 'Close')}
                    data-testid="report-late"
                  >
                    {t('deadline.passed', 'The deadline of {date} has passed: publishing now is a late publication.', {
                      date: current.deadline.date,
                    })}
                  </Alert>
                ) : null}
                {current.publication ? (
                  <>
                    <Typography variant="omega" tag="p" data-testid="report-frozen">
                      {t(
                        'record.frozen',
                        'Published {time} by {name}. What the public reads is frozen as published; later changes show here, never in the published report.',
                        {
                          time: dateTime(current.publication.publishedAt),
                          name: current.publication.publishedBy,
                        },
                      )}
                    </Typography>
                    {current.publication.baselineChanged ? (
                      <Alert
                        variant="warning"
                        title={t('record.baselineChanged.title', 'Baseline changed')}
                        closeLabel={t('close', 'Close')}
                        data-testid="report-baseline-changed"
                      >
                        {t(
                          'record.baselineChanged',
                          'Last year’s published report changed since this report was published: recompute, check the continuity warnings and publish a correction if needed.',
                        )}
                      </Alert>
                    ) : null}
                    {current.publication.recordsChanged ? (
                      <Alert
                        variant="warning"
                        title={t('record.recordsChanged.title', 'Records changed since publication')}
                        closeLabel={t('close', 'Close')}
                        data-testid="report-records-changed"
                      >
                        {t(
                          'record.recordsChanged',
                          'Today’s records give other figures than the published ones: recompute and publish a correction (更正) with its reason.',
                        )}
                      </Alert>
                    ) : null}
                    {current.publication.corrections.length ? (
                      <Box data-testid="report-corrections">
                        <Typography variant="omega" fontWeight="bold" tag="p">
                          {t('record.corrections', 'Corrections (更正), first published {time}:', {
                            time: dateTime(current.publication.firstPublishedAt),
                          })}
                        </Typography>
                        <Box tag="ol" paddingLeft={4} style={{ listStyle: 'decimal' }}>
                          {current.publication.corrections.map((c) => (
                            <li key={c.at}>
                              <Typography variant="omega">
                                {t('record.correction', '{time}, {name}: {reason}', {
                                  time: dateTime(c.at),
                                  name: c.by,
                                  reason: c.reason,
                                })}
                              </Typography>
                            </li>
                          ))}
                        </Box>
                      </Box>
                    ) : null}
                  </>
                ) : null}
              </Flex>
            </Box>
          ) : null}
          {organizations && !organizations.length ? (
            <EmptyStateLayout
              content={t('organizations.none', 'No organization yet: create one in the Content Manager first.')}
            />
          ) : null}

          {viewFailure ? (
            <FailureAlert
              failure={viewFailure}
              title={t('view.failed', 'Could not load the report')}
              onClose={() => setViewFailure(null)}
            />
          ) : null}

          {mayPublish && current && blockers.length ? (
            <Box
              id="report-publish-blockers"
              data-testid="report-publish-blockers"
              background="neutral0"
              padding={4}
              hasRadius
              borderColor="neutral200"
              borderStyle="solid"
              borderWidth="1px"
            >
              <Typography variant="omega" fontWeight="bold" tag="p">
                {t('publish.blocked', 'Publishing is not possible yet:')}
              </Typography>
              <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                {blockers.map((b) => (
                  <li key={b}>
                    <Typography variant="omega">{b}</Typography>
                  </li>
                ))}
              </Box>
            </Box>
          ) : null}

          {mayPublish && upToDate && !blockers.length ? (
            <Flex id="report-publish-uptodate" data-testid="report-publish-uptodate" gap={2}>
              <Check fill="success600" aria-hidden />
              <Typography variant="omega" textColor="neutral700">
                {t(
                  'publish.upToDate',
                  'Published; the tables have not changed since, so there is nothing to publish again.',
                )}
              </Typography>
            </Flex>
          ) : null}

          {publishFailure ? (
            <FailureAlert
              failure={publishFailure}
              title={t('publish.failed', 'Could not publish the report')}
              onClose={() => setPublishFailure(null)}
            />
          ) : null}

          {current && format && !current.snapshot ? (
            <Box data-testid="report-empty">
              <EmptyStateLayout
                icon={<WarningCircle width="6rem" height="6rem" fill="neutral500" aria-hidden />}
                content={t('empty', 'Nothing is computed for {organization}, {year} yet.', {
                  organization: current.organization.name,
                  year,
                })}
                action={
                  mayCompute ? (
                    <Button
                      variant="secondary"
                      startIcon={<ArrowClockwise />}
                      onClick={compute}
                      disabled={busy !== null}
                    >
                      {t('compute.first', 'Compute tables')}
                    </Button>
                  ) : (
                    <Typography textColor="neutral600">
                      {t('empty.noCompute', 'Ask a disclosure officer to compute the tables.')}
                    </Typography>
                  )
                }
              />
            </Box>
          ) : null}

          {current?.snapshot && format ? (
            <>
              <Box
                background="neutral0"
                padding={6}
                shadow="tableShadow"
                hasRadius
                tag="section"
                aria-labelledby="report-problems"
              >
                <Box paddingBottom={3}>
                  <Typography variant="delta" tag="h2" id="report-problems">
                    {t('problems.title', 'Checks')}
                  </Typography>
                </Box>
                <ProblemList
                  format={format.data}
                  index={index}
                  problems={problems}
                  acknowledged={!!current.acknowledgement?.current}
                  onShowCell={showCell}
                />
              </Box>
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <Flex paddingBottom={4} gap={4} justifyContent="space-between" alignItems="flex-start">
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {t(
                      'tables.hint',
                      'Select a number to list the records it counts. Cells with problems are outlined and marked with an icon.',
                    )}
                  </Typography>
                  {organization ? <StandardParagraphs organization={organization} year={year} /> : null}
                </Flex>
                <ReportTables
                  format={format.data}
                  cells={current.snapshot.cells}
                  feeDecimals={format.feeDecimals}
                  marks={marks}
                  highlight={highlight}
                  onOpenCell={setOpenCell}
                />
              </Box>
            </>
          ) : null}
        </Flex>
      </Layouts.Content>

      {format && organization ? (
        <CellRecordsModal
          cellId={openCell}
          organization={organization}
          year={year}
          format={format.data}
          index={index}
          value={openCell ? current?.snapshot?.cells[openCell] : undefined}
          feeDecimals={format.feeDecimals}
          onClose={() => setOpenCell(null)}
        />
      ) : null}

      <Dialog.Root open={confirmOpen} onOpenChange={setConfirmOpen}>
        <Dialog.Content>
          <Dialog.Header>
            {current?.needsReason
              ? t('correction.title', 'Publish a correction (更正)')
              : t('acknowledge.title', 'Acknowledge the warnings and publish')}
          </Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="warning600" />}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              {current?.needsAcknowledgement ? (
                <Dialog.Description>
                  {t(
                    'acknowledge.body',
                    'The tables have {count} warning(s). By publishing you confirm that you have checked them and that the figures are correct as they are; your name and the time are recorded.',
                    { count: warnings.length },
                  )}
                </Dialog.Description>
              ) : null}
              <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                {(current?.needsAcknowledgement ? warnings : []).map((w, i) => (
                  <li key={i}>
                    <Typography variant="omega">{textIn(w.message, en)}</Typography>
                  </li>
                ))}
              </Box>
              {current?.needsReason ? (
                <Field.Root name="reason" id="report-correction-reason" required>
                  <Field.Label>
                    {t('correction.reason', 'Reason for the correction (shown with the published report)')}
                  </Field.Label>
                  <Textarea
                    value={reason}
                    onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
                    data-testid="report-correction-reason"
                  />
                  <Field.Hint>
                    {t(
                      'correction.hint',
                      'The earlier publication stays in the history: when, by whom, why and its figures.',
                    )}
                  </Field.Hint>
                </Field.Root>
              ) : null}
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary" fullWidth>
                {t('acknowledge.cancel', 'Cancel')}
              </Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button
                variant="default"
                fullWidth
                onClick={() => void publish(!!current?.needsAcknowledgement)}
                disabled={!!current?.needsReason && !reason.trim()}
                data-testid="report-acknowledge-publish"
              >
                {current?.needsReason
                  ? t('correction.confirm', 'Publish the correction')
                  : t('acknowledge.confirm', 'Acknowledge and publish')}
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Page.Main>
  );
}
