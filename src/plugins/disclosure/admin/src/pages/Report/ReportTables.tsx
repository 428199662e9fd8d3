// Tables 二, 三 and 四 laid out like the national format: real <table>s with merged headers (rowspan/colspan), each
// value a button that opens the records it counts; cells with problems are marked by colour, an icon and words.
import * as React from 'react';
import styled from 'styled-components';
import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { CrossCircle, WarningCircle } from '@strapi/icons';
import type { Problem, ReportFormat } from './api';
import { type BlockLayout, type Cells, type GridCell, layoutBlock } from './grid';
import { useReportT } from './i18n';

export interface CellMark {
  severity: 'error' | 'warning';
  /** 'cell': a problem names this cell as the wrong one; 'related': it was only compared with the wrong one. */
  role: 'cell' | 'related';
  problems: Problem[];
}

const worse = (a: 'error' | 'warning', b: 'error' | 'warning') =>
  a === 'error' || b === 'error' ? 'error' : 'warning';

/** Problems by cell: the first cell of a problem is the wrong one, the others are the cells it was compared with. */
export function marksOf(problems: readonly Problem[]): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const p of problems)
    p.cells.forEach((id, i) => {
      const role = i === 0 ? 'cell' : 'related';
      const mark = marks.get(id);
      if (!mark) return void marks.set(id, { severity: p.severity, role, problems: [p] });
      if (!mark.problems.includes(p)) mark.problems.push(p);
      if (role === 'cell' && mark.role === 'related') {
        mark.role = 'cell';
        mark.severity = p.severity;
      } else if (role === mark.role) mark.severity = worse(mark.severity, p.severity);
    });
  // The problems that name the cell as the wrong one first.
  for (const [id, mark] of marks) mark.problems.sort((a, b) => Number(b.cells[0] === id) - Number(a.cells[0] === id));
  return marks;
}

const Scroll = styled.div`
  overflow-x: auto;
  max-width: 100%;
`;

const Grid = styled.table`
  border-collapse: collapse;
  min-width: 100%;
  font-size: 1.3rem;
  line-height: 1.4;
  color: ${({ theme }) => theme.colors.neutral800};
  background: ${({ theme }) => theme.colors.neutral0};

  caption {
    caption-side: top;
    text-align: left;
    font-weight: 600;
    padding: 0 0 ${({ theme }) => theme.spaces[2]};
  }

  th,
  td {
    border: 1px solid ${({ theme }) => theme.colors.neutral300};
    padding: ${({ theme }) => `${theme.spaces[1]} ${theme.spaces[2]}`};
    vertical-align: middle;
  }

  thead th,
  .corner {
    background: ${({ theme }) => theme.colors.neutral100};
    font-weight: 600;
    text-align: center;
  }

  .corner-note {
    font-weight: 400;
    font-size: 1.2rem;
    text-align: left;
  }

  tbody th {
    font-weight: 400;
    text-align: left;
    background: ${({ theme }) => theme.colors.neutral100};
    min-width: 6rem;
  }

  td.value {
    padding: 0;
    min-width: 5.6rem;
    text-align: right;
  }

  td.value[data-problem='error'][data-problem-role='cell'] {
    background: ${({ theme }) => theme.colors.danger100};
    outline: 2px solid ${({ theme }) => theme.colors.danger600};
    outline-offset: -2px;
  }

  td.value[data-problem='warning'][data-problem-role='cell'] {
    background: ${({ theme }) => theme.colors.warning100};
    outline: 2px dashed ${({ theme }) => theme.colors.warning600};
    outline-offset: -2px;
  }

  td.value[data-problem-role='related'] {
    outline: 1px dotted ${({ theme }) => theme.colors.neutral600};
    outline-offset: -3px;
  }

  td.value[data-highlight='true'] {
    box-shadow: inset 0 0 0 3px ${({ theme }) => theme.colors.primary600};
  }
`;

const CellButton = styled.button`
  display: flex;
  align-items: center;
  justify-content: flex-end;
  gap: ${({ theme }) => theme.spaces[1]};
  width: 100%;
  min-height: 3.2rem;
  padding: ${({ theme }) => `${theme.spaces[1]} ${theme.spaces[2]}`};
  border: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  font-variant-numeric: tabular-nums;
  cursor: pointer;

  &:hover {
    background: ${({ theme }) => theme.colors.primary100};
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: -2px;
  }

  .mark-error {
    color: ${({ theme }) => theme.colors.danger700};
    font-weight: 600;
  }

  .mark-warning {
    color: ${({ theme }) => theme.colors.warning700};
    font-weight: 600;
  }
`;

interface TablesProps {
  format: ReportFormat;
  cells: Cells;
  feeDecimals: number;
  marks: Map<string, CellMark>;
  highlight: string | null;
  onOpenCell: (cellId: string) => void;
  /** What selecting a value does, when not opening its records (the import page shows its place in the source). */
  openTitle?: string;
}

function ValueCell(props: {
  cell: GridCell;
  mark?: CellMark;
  highlight: boolean;
  onOpen: (id: string) => void;
  openTitle?: string;
}) {
  const { cell, mark, highlight, onOpen, openTitle } = props;
  const { t, en } = useReportT();
  const missing = cell.value === undefined;
  const severityWord = (s: 'error' | 'warning') =>
    s === 'error' ? t('severity.error', 'Error') : t('severity.warning', 'Warning');
  const title = mark
    ? mark.problems
        .map(
          (p) =>
            `${p.cells[0] === cell.cellId ? severityWord(p.severity) : t('cell.comparedIn', 'Compared in')}: ${en ? p.message.en : p.message.zh}\n${t(
              'problem.expectedActual',
              'Expected {expected}, actual {actual}',
              {
                expected: String(p.expected),
                actual: String(p.actual),
              },
            )}`,
        )
        .join('\n\n')
    : (openTitle ?? t('cell.open', 'Show the records counted in this cell'));
  return (
    <td
      className="value"
      data-cell-id={cell.cellId}
      data-problem={mark?.severity}
      data-problem-role={mark?.role}
      data-highlight={highlight ? 'true' : undefined}
    >
      <CellButton type="button" title={title} onClick={() => onOpen(cell.cellId!)}>
        {mark?.role === 'cell' ? (
          <span className={`mark-${mark.severity}`} aria-hidden="true">
            {mark.severity === 'error' ? (
              <CrossCircle width="1.4rem" height="1.4rem" />
            ) : (
              <WarningCircle width="1.4rem" height="1.4rem" />
            )}
          </span>
        ) : null}
        <span>{missing ? '?' : cell.text}</span>
        {missing ? <VisuallyHidden>{t('cell.missing', 'missing')}</VisuallyHidden> : null}
        {mark ? (
          <VisuallyHidden>
            {mark.role === 'related'
              ? t('cell.related', '(compared in a check that fails)')
              : mark.severity === 'error'
                ? t('cell.hasError', '(error)')
                : t('cell.hasWarning', '(warning)')}
          </VisuallyHidden>
        ) : null}
      </CellButton>
    </td>
  );
}

function Block(
  props: { layout: BlockLayout; labelledBy?: string } & Omit<TablesProps, 'format' | 'cells' | 'feeDecimals'>,
) {
  const { layout, labelledBy, marks, highlight, onOpenCell, openTitle } = props;
  const header = layout.rows.slice(0, layout.headerRows);
  const body = layout.rows.slice(layout.headerRows);
  const noted = !!layout.block.note;
  return (
    <Scroll>
      <Grid aria-labelledby={layout.caption ? undefined : labelledBy} data-block={layout.block.code}>
        {layout.caption ? <caption>{layout.caption}</caption> : null}
        <thead>
          {header.map((cells, i) => (
            <tr key={i}>
              {cells.map((c) =>
                c.role === 'corner' ? (
                  noted ? (
                    <td key={c.col} className="corner corner-note" rowSpan={c.rowspan} colSpan={c.colspan}>
                      {c.text}
                    </td>
                  ) : (
                    <th key={c.col} className="corner" scope="col" rowSpan={c.rowspan} colSpan={c.colspan}>
                      {c.text}
                    </th>
                  )
                ) : (
                  <th key={c.col} scope={c.colspan > 1 ? 'colgroup' : 'col'} rowSpan={c.rowspan} colSpan={c.colspan}>
                    {c.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {body.map((cells, i) => (
            <tr key={i}>
              {cells.map((c) =>
                c.role === 'value' ? (
                  <ValueCell
                    key={c.col}
                    cell={c}
                    mark={marks.get(c.cellId!)}
                    highlight={highlight === c.cellId}
                    onOpen={onOpenCell}
                    openTitle={openTitle}
                  />
                ) : (
                  <th key={c.col} scope={c.rowspan > 1 ? 'rowgroup' : 'row'} rowSpan={c.rowspan} colSpan={c.colspan}>
                    {c.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </Grid>
    </Scroll>
  );
}

export function ReportTables(props: TablesProps) {
  const { format, cells, feeDecimals } = props;
  const { en } = useReportT();
  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      {format.tables.map((table) => {
        const headingId = `report-table-${table.code}`;
        return (
          <Box key={table.code} tag="section" aria-labelledby={headingId} data-table={table.code}>
            <Box paddingBottom={3}>
              <Typography variant="delta" tag="h2" id={headingId}>
                {en ? table.headingEn : table.heading}
              </Typography>
            </Box>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {table.blocks.map((block) => (
                <Block
                  key={block.code}
                  layout={layoutBlock(table, block, { en, cells, feeDecimals })}
                  labelledBy={headingId}
                  marks={props.marks}
                  highlight={props.highlight}
                  onOpenCell={props.onOpenCell}
                  openTitle={props.openTitle}
                />
              ))}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
}
