// The problems of the computed tables, above them: hard errors first, then warnings; each names its cells, which
// can be jumped to.
import * as React from 'react';
import styled from 'styled-components';
import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { CheckCircle, CrossCircle, WarningCircle } from '@strapi/icons';
import type { Problem, ReportFormat } from './api';
import { type CellInfo, describeCell } from './grid';
import { useReportT } from './i18n';

const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[2]};
`;

const Item = styled.li<{ $severity: 'error' | 'warning' }>`
  border-left: 4px ${({ $severity }) => ($severity === 'error' ? 'solid' : 'dashed')}
    ${({ theme, $severity }) => ($severity === 'error' ? theme.colors.danger600 : theme.colors.warning600)};
  background: ${({ theme, $severity }) => ($severity === 'error' ? theme.colors.danger100 : theme.colors.warning100)};
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
`;

const Related = styled.details`
  padding-top: ${({ theme }) => theme.spaces[1]};

  summary {
    cursor: pointer;
  }
`;

interface Props {
  format: ReportFormat;
  index: Map<string, CellInfo>;
  problems: readonly Problem[];
  acknowledged: boolean;
  onShowCell: (cellId: string) => void;
}

export function ProblemList({ format, index, problems, acknowledged, onShowCell }: Props) {
  const { t, en } = useReportT();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');

  if (!problems.length) {
    return (
      <Flex gap={2} data-testid="report-no-problems">
        <CheckCircle fill="success600" aria-hidden />
        <Typography textColor="success700">{t('problems.none', 'All checks pass: no errors, no warnings.')}</Typography>
      </Flex>
    );
  }

  const group = (severity: 'error' | 'warning', items: Problem[]) => (
    <Box tag="section" aria-labelledby={`report-problems-${severity}`} data-testid={`report-problems-${severity}`}>
      <Flex gap={2} paddingBottom={2}>
        {severity === 'error' ? (
          <CrossCircle fill="danger600" aria-hidden />
        ) : (
          <WarningCircle fill="warning600" aria-hidden />
        )}
        <Typography variant="omega" fontWeight="bold" tag="h3" id={`report-problems-${severity}`}>
          {severity === 'error'
            ? t('problems.errors', 'Errors ({count}): publishing is blocked until they are fixed', {
                count: items.length,
              })
            : acknowledged
              ? t('problems.warningsAcknowledged', 'Warnings ({count}): acknowledged', { count: items.length })
              : t('problems.warnings', 'Warnings ({count}): to be acknowledged before publishing', {
                  count: items.length,
                })}
        </Typography>
      </Flex>
      <List>
        {items.map((p, i) => (
          <Item key={`${p.rule}-${i}`} $severity={p.severity} data-rule={p.rule} data-cells={p.cells.join(' ')}>
            <Typography variant="omega" tag="p">
              <strong>
                {p.severity === 'error' ? t('severity.error', 'Error') : t('severity.warning', 'Warning')}:
              </strong>{' '}
              {en ? p.message.en : p.message.zh}
            </Typography>
            <Typography variant="pi" tag="p" textColor="neutral700">
              {t('problem.expectedActual', 'Expected {expected}, actual {actual}', {
                expected: String(p.expected),
                actual: String(p.actual),
              })}
            </Typography>
            <Flex gap={2} wrap="wrap" paddingTop={1}>
              <Typography variant="pi" textColor="neutral700">
                {t('problem.cell', 'Cell:')}
              </Typography>
              <TextButton onClick={() => onShowCell(p.cells[0])}>
                {describeCell(format, index.get(p.cells[0]), p.cells[0], en)}
              </TextButton>
            </Flex>
            {p.cells.length > 1 ? (
              <Related>
                <summary>
                  <Typography variant="pi" textColor="neutral700">
                    {t('problem.related', 'Compared with {count} cell(s)', { count: p.cells.length - 1 })}
                  </Typography>
                </summary>
                <Flex gap={2} wrap="wrap" paddingTop={1}>
                  {p.cells.slice(1).map((id) => (
                    <TextButton key={id} onClick={() => onShowCell(id)}>
                      {describeCell(format, index.get(id), id, en)}
                    </TextButton>
                  ))}
                </Flex>
              </Related>
            ) : null}
          </Item>
        ))}
      </List>
    </Box>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {errors.length ? group('error', errors) : null}
      {warnings.length ? group('warning', warnings) : null}
    </Flex>
  );
}
