/**
 * The schema's own constraints (enum, regex, lengths, ranges, real calendar dates), checked on every write.
 * Strapi checks them only when a document is published, so a draft could store a malformed 文号 or budget that
 * editors would discover much later; this applies them to drafts too. Required fields stay optional on drafts.
 */
import type { Core } from '@strapi/strapi';
import type { FieldProblem } from './rules';

type Attribute = Record<string, any>;
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isCalendarDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function checkValue(path: string[], attr: Attribute, value: unknown, out: FieldProblem[], strapi: Core.Strapi) {
  const name = path.join('.');
  const fail = (message: string) => out.push({ path, message: `${name} ${message}` });
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid': {
      if (typeof value !== 'string') return fail('must be text');
      if (attr.regex && !new RegExp(attr.regex).test(value)) fail(`has an invalid format ("${value.slice(0, 40)}")`);
      if (attr.type === 'email' && !EMAIL.test(value)) fail('must be an email address');
      if (attr.maxLength !== undefined && value.length > attr.maxLength) fail(`must be at most ${attr.maxLength} characters`);
      if (attr.minLength !== undefined && value.length < attr.minLength) fail(`must be at least ${attr.minLength} characters`);
      return;
    }
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) return fail('must be a number');
      if ((attr.type === 'integer' || attr.type === 'biginteger') && !Number.isInteger(n)) return fail('must be a whole number');
      if (attr.min !== undefined && n < attr.min) fail(`must be at least ${attr.min}`);
      if (attr.max !== undefined && n > attr.max) fail(`must be at most ${attr.max}`);
      return;
    }
    case 'enumeration':
      if (!attr.enum.includes(value)) fail(`must be one of ${attr.enum.join(', ')}`);
      return;
    case 'date':
      if (!isCalendarDate(value)) fail(`must be a real date YYYY-MM-DD (got ${JSON.stringify(value)})`);
      return;
    case 'datetime':
      if (Number.isNaN(new Date(value as string).getTime())) fail('must be a date and time');
      return;
    case 'component': {
      const component = strapi.components[attr.component as keyof typeof strapi.components] as any;
      if (!component) return;
      const items = attr.repeatable ? (Array.isArray(value) ? value : []) : [value];
      items.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        const base = attr.repeatable ? [...path, String(i)] : path;
        checkAttributes(base, component.attributes, item as Record<string, unknown>, out, strapi);
      });
      return;
    }
    default:
  }
}

function checkAttributes(base: string[], attributes: Record<string, Attribute>, data: Record<string, unknown>, out: FieldProblem[], strapi: Core.Strapi) {
  for (const [field, attr] of Object.entries(attributes)) {
    if (field in data && present(data[field])) checkValue([...base, field], attr, data[field], out, strapi);
  }
}

export function schemaProblems(strapi: Core.Strapi, uid: string, data: Record<string, unknown>): FieldProblem[] {
  const contentType = strapi.contentType(uid as any) as any;
  if (!contentType) return [];
  const out: FieldProblem[] = [];
  checkAttributes([], contentType.attributes, data, out, strapi);
  return out;
}
