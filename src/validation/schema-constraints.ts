/**
 * The schema's own constraints (enum, regex, lengths, ranges, real calendar dates), checked on every write.
 * Strapi checks them only when a document is published, so a draft could store a malformed 文号 or budget that
 * editors would discover much later; this applies them to drafts too. Required fields stay optional on drafts.
 */
import type { Core } from '@strapi/strapi';
import type { FieldProblem } from './rules';
import { CONTENT_VIEWS, ENUM_LABELS } from '../labels';
import { bilingual } from './messages';

type Attribute = Record<string, any>;
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isCalendarDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The problem of one value, "中文 (English)": the field's Chinese label and the expected form (its hint in src/labels)
 * first, then the path and the rule in English for API users and developers.
 */
function checkValue(
  owner: string,
  path: string[],
  attr: Attribute,
  value: unknown,
  out: FieldProblem[],
  strapi: Core.Strapi,
) {
  const name = path.join('.');
  const field = path[path.length - 1];
  const label = CONTENT_VIEWS[owner]?.fields[field];
  const zhName = label?.zh ?? name;
  const expected = label?.hint ? `，应为：${label.hint}` : '';
  const fail = (zh: string, en: string) => out.push({ path, message: bilingual(zh, `${name} ${en}`) });
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid': {
      if (typeof value !== 'string') return fail(`${zhName}应为文本`, 'must be text');
      const shown = value.slice(0, 40);
      if (attr.regex && !new RegExp(attr.regex).test(value))
        fail(`${zhName}格式不正确（“${shown}”）${expected}`, `has an invalid format ("${shown}")`);
      if (attr.type === 'email' && !EMAIL.test(value))
        fail(`${zhName}不是有效的电子邮箱地址`, 'must be an email address');
      if (attr.maxLength !== undefined && value.length > attr.maxLength)
        fail(`${zhName}最多 ${attr.maxLength} 个字`, `must be at most ${attr.maxLength} characters`);
      if (attr.minLength !== undefined && value.length < attr.minLength)
        fail(`${zhName}至少 ${attr.minLength} 个字`, `must be at least ${attr.minLength} characters`);
      return;
    }
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float': {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) return fail(`${zhName}应为数字`, 'must be a number');
      if ((attr.type === 'integer' || attr.type === 'biginteger') && !Number.isInteger(n))
        return fail(`${zhName}应为整数`, 'must be a whole number');
      if (attr.min !== undefined && n < attr.min) fail(`${zhName}不能小于 ${attr.min}`, `must be at least ${attr.min}`);
      if (attr.max !== undefined && n > attr.max) fail(`${zhName}不能大于 ${attr.max}`, `must be at most ${attr.max}`);
      return;
    }
    case 'enumeration':
      if (!attr.enum.includes(value)) {
        const labels = ENUM_LABELS[owner]?.[field];
        const choices = (attr.enum as string[]).map((code) => labels?.[code]?.zh ?? code).join('、');
        fail(`${zhName}只能是：${choices}`, `must be one of ${attr.enum.join(', ')}`);
      }
      return;
    case 'date':
      if (!isCalendarDate(value))
        fail(
          `${zhName}不是有效日期，应为 YYYY-MM-DD（如 2021-05-01）`,
          `must be a real date YYYY-MM-DD (got ${JSON.stringify(value)})`,
        );
      return;
    case 'datetime':
      if (Number.isNaN(new Date(value as string).getTime()))
        fail(`${zhName}不是有效的日期时间`, 'must be a date and time');
      return;
    case 'component': {
      const component = strapi.components[attr.component as keyof typeof strapi.components] as any;
      if (!component) return;
      const items = attr.repeatable ? (Array.isArray(value) ? value : []) : [value];
      items.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        const base = attr.repeatable ? [...path, String(i)] : path;
        checkAttributes(attr.component, base, component.attributes, item as Record<string, unknown>, out, strapi);
      });
      return;
    }
    default:
  }
}

function checkAttributes(
  owner: string,
  base: string[],
  attributes: Record<string, Attribute>,
  data: Record<string, unknown>,
  out: FieldProblem[],
  strapi: Core.Strapi,
) {
  for (const [field, attr] of Object.entries(attributes)) {
    if (field in data && present(data[field])) checkValue(owner, [...base, field], attr, data[field], out, strapi);
  }
}

export function schemaProblems(strapi: Core.Strapi, uid: string, data: Record<string, unknown>): FieldProblem[] {
  const contentType = strapi.contentType(uid as any) as any;
  if (!contentType) return [];
  const out: FieldProblem[] = [];
  checkAttributes(uid, [], contentType.attributes, data, out, strapi);
  return out;
}
