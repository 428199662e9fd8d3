// Interface strings, addresses that keep the language, and the server's bilingual problem messages.
import { href, localeOf, localizedMessage, t } from '../../public/site/i18n.js';

describe('site i18n', () => {
  it('reads the locale from the address, zh-Hans by default', () => {
    expect(localeOf('?locale=en')).toBe('en');
    expect(localeOf('?locale=fr')).toBe('zh-Hans');
    expect(localeOf('')).toBe('zh-Hans');
  });

  it('fills placeholders of interface strings (zh-Hans outside a browser)', () => {
    expect(t('resultCount', { total: 12, page: 1, pages: 2 })).toBe('共 12 条，第 1 / 2 页');
    expect(t('no-such-key')).toBe('no-such-key');
  });

  it('builds site addresses without empty parameters, keeping English', () => {
    expect(href('/site/documents.html', { kind: 'normative', q: '', page: undefined })).toBe(
      '/site/documents.html?kind=normative',
    );
    expect(href('/site/documents.html', { page: 2 }, 'en')).toBe('/site/documents.html?page=2&locale=en');
  });

  it('shows the half of an "English (中文)" problem in the page language', () => {
    const message = 'queryCode is required (text, at most 64 characters) (请填写查询码)';
    expect(localizedMessage(message, 'zh-Hans')).toBe('请填写查询码');
    expect(localizedMessage(message, 'en')).toBe('queryCode is required (text, at most 64 characters)');
    expect(localizedMessage('plain message', 'zh-Hans')).toBe('plain message');
    expect(localizedMessage(undefined, 'en')).toBe('');
  });
});
