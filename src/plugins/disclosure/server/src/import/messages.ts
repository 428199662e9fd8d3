// Messages of the importer and the audit (zh-Hans and en), with {placeholders}; the format's own rule messages stay in
// the format declaration.
import type { Bilingual } from '../format/types';
import { fillTemplate } from '../format';

export const IMPORT_MESSAGES = {
  'heading.notFound': {
    zh: '未找到「{heading}」标题，{what}未读取',
    en: 'Heading “{heading}” not found; {whatEn} not read',
  },
  'organization.notFound': { zh: '未能从标题读出机关名称', en: 'The organization could not be read from the title' },
  'year.notFound': { zh: '未能从标题读出报告年度', en: 'The report year could not be read from the title' },
  'row.notFound': {
    zh: '表{table}未找到「{row}」行，该行未读取',
    en: 'Table {tableEn}: row “{rowEn}” not found; not read',
  },
  'row.labelVariant': {
    zh: '表{table}「{row}」行的标签印为「{printed}」，按该行读取',
    en: 'Table {tableEn}: row “{rowEn}” is labelled “{printed}”; read as that row',
  },
  'row.count': {
    zh: '表{table}「{row}」：应有 {expected} 个数，读到 {actual} 个（{values}），未确定读取',
    en: 'Table {tableEn}, “{rowEn}”: {expected} numbers expected, {actual} read ({values}); not read with certainty',
  },
  'row.looseBlanks': {
    zh: '表{table}「{row}」：空单元格与数字分行印出（{values}），各数所在的列无法确定，且无法用总计核对，未读取',
    en: 'Table {tableEn}, “{rowEn}”: empty cells printed apart from the numbers ({values}); which column each number is in cannot be told nor checked against the total; not read',
  },
  'row.decoded': {
    zh: '表{table}「{row}」：数字连在一起（{raw}），按表内勾稽关系唯一拆分为 {values}',
    en: 'Table {tableEn}, “{rowEn}”: digits ran together ({raw}); the table’s arithmetic allows one reading only: {values}',
  },
  'row.ambiguous': {
    zh: '表{table}「{row}」：读到的数字（{raw}）少于该行的单元格数；如为数字连写，有多种拆分均符合勾稽关系（如 {values}），未选择',
    en: 'Table {tableEn}, “{rowEn}”: fewer numbers ({raw}) than cells; read as run-together digits, several readings fit the arithmetic (e.g. {values}); none chosen',
  },
  'row.undecodable': {
    zh: '表{table}「{row}」：数字连在一起（{raw}），没有符合勾稽关系的拆分，未读取',
    en: 'Table {tableEn}, “{rowEn}”: digits ran together ({raw}); no reading fits the arithmetic; not read',
  },
  'rows.positional': {
    zh: '表{table}：未找到「{rows}」行标签，其数字按行序读取，并经各行总计核对',
    en: 'Table {tableEn}: labels of “{rowsEn}” not found; their numbers were read in row order and checked against each row’s total',
  },
  'rows.positionalUnverified': {
    zh: '表{table}：未找到「{rows}」行标签，其后的数字无法按勾稽关系核对归属，未读取',
    en: 'Table {tableEn}: labels of “{rowsEn}” not found; the numbers after them cannot be attributed with certainty; not read',
  },
  'table.positional': {
    zh: '表{table}：「{rows}」行的标签与数字错位，按全表数字的行序读取；各行总计、各列总计与勾稽关系均已核对',
    en: 'Table {tableEn}: labels of “{rowsEn}” are apart from their numbers; read in the order of all the table’s numbers, every row total, column total and balance checked',
  },
  'values.unassigned': {
    zh: '表{table}中有未归属任何单元格的数字：{values}',
    en: 'Table {tableEn} has numbers that belong to no cell: {values}',
  },
  'fee.convertedFromYuan': {
    zh: '收费金额以“元”填报（{raw} 元），已换算为 {wan} 万元',
    en: 'The fee is printed in yuan ({raw}); converted to {wan} (10,000 yuan)',
  },
  'block.notImported': {
    zh: '「{caption}」不属于{format}表格，未导入',
    en: '“{caption}” is not part of the {format} tables; not imported',
  },
} as const satisfies Record<string, Bilingual & { en: string }>;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;

export function importMessage(code: ImportMessageCode, values: Record<string, string | number>): Bilingual {
  const m = IMPORT_MESSAGES[code];
  return { zh: fillTemplate(m.zh, values), en: fillTemplate(m.en, values) };
}
