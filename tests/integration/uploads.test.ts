/**
 * The media library never stores active content (HTML, JS, SVG, XML …), whatever its name or declared type, and
 * whatever sits under /uploads is served so that it cannot script the admin's origin.
 */
import fs from 'fs';
import path from 'path';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { PNG, PDF, docx, zipOf, CFB, RAR, SEVEN_Z, HTML, JS, SVG } from '../helpers/files';

const FILE = 'plugin::upload.file';
const UPLOADS = path.resolve(__dirname, '../../public/uploads');
let strapi: any;
let editor: string;
const placed: string[] = [];

const onDisk = () => new Set(fs.readdirSync(UPLOADS));
const upload = (name: string, content: Buffer, contentType: string) =>
  http()
    .post('/upload')
    .set('Authorization', `Bearer ${editor}`)
    .attach('files', content, { filename: name, contentType });

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = (await adminToken('content-editor')).token;
});
afterAll(async () => {
  for (const file of placed) fs.rmSync(file, { force: true });
  // Files the accepted uploads stored.
  for (const row of await strapi.db.query(FILE).findMany())
    fs.rmSync(path.join(UPLOADS, `${row.hash}${row.ext}`), { force: true });
  await teardownStrapi();
});

describe('a content editor uploading active content gets a 400 and nothing is stored', () => {
  const hostile: [string, string, Buffer][] = [
    ['notice.html', 'text/html', HTML],
    ['NOTICE.HTM', 'text/html', HTML],
    ['page.xhtml', 'application/xhtml+xml', HTML],
    ['app.js', 'application/javascript', JS],
    ['logo.svg', 'image/svg+xml', SVG],
    ['logo.png', 'image/png', SVG], // an SVG disguised as a PNG
    ['scan.pdf', 'application/pdf', HTML], // HTML disguised as a PDF
    ['data.xml', 'text/xml', Buffer.from('<?xml version="1.0"?><a/>')],
  ];

  test.each(hostile)('%s declared as %s', async (name, type, content) => {
    const rowsBefore = await strapi.db.query(FILE).count();
    const diskBefore = onDisk();
    const res = await upload(name, content, type);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    // Chinese and English, naming the file.
    expect(res.body.error.message).toContain(name);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.error.message).toMatch(/not allowed|is not a/);
    expect(await strapi.db.query(FILE).count()).toBe(rowsBefore);
    expect(onDisk()).toEqual(diskBefore);
  });

  test('a batch with one hostile file is refused whole', async () => {
    const rowsBefore = await strapi.db.query(FILE).count();
    const res = await http()
      .post('/upload')
      .set('Authorization', `Bearer ${editor}`)
      .attach('files', PNG, { filename: 'ok.png', contentType: 'image/png' })
      .attach('files', SVG, { filename: 'bad.svg', contentType: 'image/svg+xml' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('bad.svg');
    expect(await strapi.db.query(FILE).count()).toBe(rowsBefore);
  });

  test('the single-file route and replacing a stored file are gated too', async () => {
    const single = await http()
      .post('/upload/files')
      .set('Authorization', `Bearer ${editor}`)
      .attach('files', HTML, { filename: 'x.html', contentType: 'text/html' });
    expect(single.status).toBe(400);
    const png = await upload('keep.png', PNG, 'image/png');
    expect(png.status).toBe(201);
    const id = png.body[0].id;
    const replaced = await http()
      .post(`/upload?id=${id}`)
      .set('Authorization', `Bearer ${editor}`)
      .attach('files', SVG, { filename: 'keep.svg', contentType: 'image/svg+xml' });
    expect(replaced.status).toBe(400);
    const row = await strapi.db.query(FILE).findOne({ where: { id } });
    expect(row.ext).toBe('.png');
  });
});

describe('the formats a trading center needs still upload', () => {
  test.each([
    ['招标文件.pdf', 'application/pdf', async () => PDF],
    ['合同.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx],
    ['现场照片.png', 'image/png', async () => PNG],
    [
      '报价表.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
    ],
    ['旧版文件.doc', 'application/msword', async () => CFB],
    ['旧版表格.xls', 'application/vnd.ms-excel', async () => CFB],
    ['金山文字.wps', 'application/octet-stream', async () => CFB],
    ['金山表格.et', 'application/octet-stream', async () => CFB],
    [
      '电子公文.ofd',
      'application/octet-stream',
      () => zipOf({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>' }),
    ],
    ['投标文件.zip', 'application/zip', () => zipOf({ 'a.txt': 'a' })],
    ['资料.rar', 'application/vnd.rar', async () => RAR],
    ['资料.7z', 'application/x-7z-compressed', async () => SEVEN_Z],
  ])('%s', async (name, type, make) => {
    const res = await upload(name, await make(), type);
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    expect(res.body[0].name).toBe(name);
    const row = await strapi.db.query(FILE).findOne({ where: { id: res.body[0].id } });
    expect(fs.existsSync(path.join(UPLOADS, `${row.hash}${row.ext}`))).toBe(true);
  });
});

describe('whatever is under /uploads cannot script the origin', () => {
  const put = (name: string, content: Buffer) => {
    const file = path.join(UPLOADS, name);
    fs.writeFileSync(file, content);
    placed.push(file);
  };

  beforeAll(() => {
    put('planted-test.html', HTML);
    put('planted-test.svg', SVG);
    put('planted-test.png', PNG);
    put('planted-test.pdf', PDF);
  });

  test.each([
    '/uploads/planted-test.html',
    '/UPLOADS/planted-test.html',
    '/Uploads/planted-test.svg',
    '/%75ploads/planted-test.html',
    '/site/../uploads/planted-test.html',
    '/uploads/planted-test.pdf',
  ])('%s is a sandboxed download', async (url) => {
    const res = await http().get(url);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(res.headers['content-disposition']).toBe('attachment');
  });

  test('the planted HTML file is really served (the headers apply to a real answer)', async () => {
    const res = await http().get('/uploads/planted-test.html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<script>');
    expect(res.headers['content-disposition']).toBe('attachment');
  });

  test('images stay inline, still sandboxed', async () => {
    const res = await http().get('/uploads/planted-test.png');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
  });
});
