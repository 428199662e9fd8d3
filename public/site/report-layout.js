// The national layout of a published report's tables, from the public JSON (GET /api/disclosure/reports/:id):
// the same merges as the plugin's printable page (src/plugins/disclosure/server/src/report/layout.ts), computed from
// the label paths. Pure; tests/unit/site-report-layout.test.ts checks it against the plugin's own layout.

/**
 * What the public JSON (v1) does not carry yet: the narrative headings, each block's corner text and whether it
 * prints row labels. Copied from the format declaration (src/plugins/disclosure/server/src/format/gov-2021.ts;
 * the unit test fails when they differ). Values the JSON does carry (block.note, block.rowHeader,
 * block.showRowLabels, sectionHeadings) take precedence.
 */
export const FORMAT_HINTS = {
  'gov-2021': {
    order: ['overview', 'proactive', 'applications', 'reviewsAndLawsuits', 'problems', 'otherMatters'],
    narratives: {
      overview: { zh: '一、总体情况', en: 'I. Overview' },
      problems: { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' },
      otherMatters: { zh: '六、其他需要报告的事项', en: 'VI. Other matters to report' },
    },
    blocks: {
      'proactive.documents': { corner: { zh: '信息内容', en: 'Information' }, showRowLabels: true },
      'proactive.licensing': { corner: { zh: '信息内容', en: 'Information' }, showRowLabels: true },
      'proactive.enforcement': { corner: { zh: '信息内容', en: 'Information' }, showRowLabels: true },
      'proactive.fees': { corner: { zh: '信息内容', en: 'Information' }, showRowLabels: true },
      'applications.main': {
        corner: {
          zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
          en: '(In each column: item I plus item II equals item III plus item IV)',
        },
        showRowLabels: true,
      },
      'reviewsAndLawsuits.main': { corner: null, showRowLabels: false },
    },
    documentTitle: {
      zh: '{organization}{year}年政府信息公开工作年度报告',
      en: '{organization}: Annual Report on Government Information Disclosure, {year}',
    },
  },
};

const lang = (locale) => (locale === 'en' ? 'en' : 'zh');

/** The order of a report's sections: narratives by code, tables by code. */
export function sectionOrder(report) {
  const hints = FORMAT_HINTS[report.format?.code];
  const tables = report.tables.map((t) => t.code);
  if (hints) {
    const known = hints.order.filter((code) => tables.includes(code) || code in (report.sections ?? {}));
    return [...known, ...tables.filter((code) => !known.includes(code))];
  }
  return ['overview', ...tables, 'problems', 'otherMatters'];
}

/** The heading of a narrative section. */
export function narrativeHeading(report, code) {
  const given = report.sectionHeadings?.[code];
  if (given) return given;
  const hint = FORMAT_HINTS[report.format?.code]?.narratives?.[code];
  return hint ? hint[lang(report.locale)] : code;
}

/** The report's title, as the printable page and the exports word it. */
export function reportTitle(report) {
  const template = FORMAT_HINTS[report.format?.code]?.documentTitle?.[lang(report.locale)] ?? '{organization} {year} {title}';
  return template
    .replace('{organization}', report.organization?.name ?? '')
    .replace('{year}', String(report.year))
    .replace('{title}', report.format?.title ?? '');
}

/** Corner text and row labels of a block: from the JSON when present, else from the hints. */
export function blockOptions(report, table, block) {
  const hint = FORMAT_HINTS[report.format?.code]?.blocks?.[`${table.code}.${block.code}`];
  const cornerHint = hint?.corner ? hint.corner[lang(report.locale)] : null;
  return {
    corner: block.note ?? block.rowHeader ?? block.corner ?? cornerHint ?? null,
    showRowLabels: block.showRowLabels ?? hint?.showRowLabels ?? true,
  };
}

const samePrefix = (a, b, depth) => a.length > depth && b.length > depth && a.slice(0, depth + 1).every((x, i) => x === b[i]);

/**
 * A block as a grid: header rows first, row labels on the left; a group label spans what is under it, a label with
 * nothing under it stretches down (columns) or right (rows) to the edge. Cells covered by a merge are absent.
 */
export function layoutBlock(block, { corner = null, showRowLabels = true } = {}) {
  const D = Math.max(...block.columns.map((c) => c.path.length));
  const R = showRowLabels ? Math.max(...block.rows.map((r) => r.path.length)) : 0;
  const cells = [];
  if (R > 0) cells.push({ row: 0, col: 0, rowspan: D, colspan: R, role: 'corner', text: corner ?? '' });

  block.columns.forEach((column, j) => {
    for (let d = 0; d < column.path.length; d++) {
      if (j > 0 && samePrefix(block.columns[j - 1].path, column.path, d)) continue;
      const leaf = d === column.path.length - 1;
      let span = 1;
      while (j + span < block.columns.length && samePrefix(block.columns[j + span].path, column.path, d)) span++;
      cells.push({
        row: d,
        col: R + j,
        rowspan: leaf ? D - d : 1,
        colspan: leaf ? 1 : span,
        role: leaf ? 'column' : 'columnGroup',
        text: leaf ? column.label : column.path[d],
      });
    }
  });

  block.rows.forEach((row, i) => {
    for (let d = 0; d < Math.min(R, row.path.length); d++) {
      if (i > 0 && samePrefix(block.rows[i - 1].path, row.path, d)) continue;
      const leaf = d === row.path.length - 1;
      let span = 1;
      while (i + span < block.rows.length && samePrefix(block.rows[i + span].path, row.path, d)) span++;
      cells.push({
        row: D + i,
        col: d,
        rowspan: leaf ? 1 : span,
        colspan: leaf ? R - d : 1,
        role: leaf ? 'row' : 'rowGroup',
        text: row.path[d],
      });
    }
    block.columns.forEach((column, j) => {
      const value = row.values?.[column.code];
      // The printed text is the report's own (row.display, frozen at publication: the fee with its decimals).
      const printed = row.display?.[column.code];
      cells.push({
        row: D + i,
        col: R + j,
        rowspan: 1,
        colspan: 1,
        role: 'value',
        // A missing value is shown as such, never as 0 or blank: a published report should have none.
        text: typeof printed === 'string' ? printed : value === undefined || value === null ? '—' : String(value),
        cell: `${row.code}.${column.code}`,
        rowLabel: row.label,
        columnLabel: column.label,
      });
    });
  });

  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { headerRows: D, rowLabelColumns: R, height: D + block.rows.length, width: R + block.columns.length, cells };
}
