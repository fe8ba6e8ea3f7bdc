import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type TestApp } from '../../../../test/harness.ts';
import { DEMO_OPEN311_KEY, seedFeedbackReference } from '../feedback.setup.ts';

const sax = createRequire(import.meta.url)('sax') as {
  parser(strict: boolean): { onerror: (e: Error) => void; write(s: string): { close(): void } };
};
/** Throws unless the document is well-formed XML. */
function wellFormed(xml: string) {
  const p = sax.parser(true);
  p.onerror = (e) => {
    throw e;
  };
  p.write(xml).close();
  return true;
}
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe.each(DB_KINDS)('Open311 GeoReport v2 on %s', (kind) => {
  let t: TestApp;
  let tcId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, {
      env: { TRUST_PROXY: 'true' },
      seed: (deps) => seedFeedbackReference(deps.database.db),
    });
    tcId = (await t.anon.get('/api/v1/feedback/areas')).body.find(
      (a: { shortName: string }) => a.shortName === 'Thượng Cát',
    ).id;
  });
  afterAll(() => t?.close());

  it('serves discovery, services and service definitions in XML and JSON', async () => {
    for (const path of ['/open311/discovery.xml', '/open311/v2/discovery.xml']) {
      const d = await t.anon.get(path);
      expect(d.status).toBe(200);
      expect(d.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(d.raw).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
      expect(wellFormed(d.raw)).toBe(true);
      expect(d.raw).toContain('<format>text/xml</format>');
    }
    const sj = await t.anon.get('/open311/v2/services.json');
    expect(sj.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sj.body.find((s: { service_code: string }) => s.service_code === 'trat-tu-xay-dung')).toMatchObject({
      metadata: true,
      type: 'realtime',
      service_name: 'Trật tự xây dựng',
    });
    const sx = await t.anon.get('/open311/v2/services.xml');
    expect(wellFormed(sx.raw)).toBe(true);
    expect(sx.raw).toContain('<service><service_code>thu-tuc-hanh-chinh</service_code>');
    const def = await t.anon.get('/open311/v2/services/trat-tu-xay-dung.json');
    expect(def.body.attributes.find((a: { code: string }) => a.code === 'urgency')).toMatchObject({
      variable: true,
      datatype: 'singlevaluelist',
      values: [
        { key: 'binh_thuong', name: 'Bình thường' },
        { key: 'khan', name: 'Khẩn' },
        { key: 'phuc_tap', name: 'Phức tạp' },
      ],
    });
    const defx = await t.anon.get('/open311/v2/services/trat-tu-xay-dung.xml');
    expect(wellFormed(defx.raw)).toBe(true);
    const missing = await t.anon.get('/open311/v2/services/khong-co.xml');
    expect(missing.status).toBe(404);
    expect(missing.raw).toContain('<errors><error><code>404</code>');
  });

  it('refuses a POST without or with a wrong api_key with the spec 403 body', async () => {
    const body = {
      service_code: 'moi-truong',
      address_id: tcId,
      description: 'Rác',
      first_name: 'An',
      last_name: 'Nguyễn',
      phone: '0912000111',
    };
    const none = await t.anon.post('/open311/v2/requests.json', form(body), FORM);
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: 'api_key is required' }]);
    const wrong = await t.anon.post('/open311/v2/requests.xml', form({ ...body, api_key: 'nope' }), FORM);
    expect(wrong.status).toBe(403);
    expect(wrong.raw).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>Invalid api_key received</description></error></errors>',
    );
  });

  it('creates requests (form-urlencoded), reads them back with filters, escapes XML and hides personal data', async () => {
    const xss = '<script>alert("x")</script> & ]]> rác';
    const post = await t.anon.post(
      '/open311/v2/requests.json',
      form({
        api_key: DEMO_OPEN311_KEY,
        service_code: 'moi-truong',
        lat: '21.0812',
        long: '105.7415',
        address_string: 'Ngõ 5, phường Thượng Cát',
        description: `Rác tồn đọng ${xss}`,
        first_name: 'Bình',
        last_name: 'Trần Văn',
        phone: '0912000222',
        'attribute[urgency]': 'khan',
        'attribute[reporter_address]': 'Số 9 ngõ 5 Thượng Cát',
      }),
      FORM,
    );
    expect(post.status).toBe(200);
    const id = post.body[0].service_request_id;
    expect(id).toMatch(/^PAKN-/);
    expect(post.body[0].service_notice).toMatch(/hạn trả lời/);
    const one = await t.anon.get(`/open311/v2/requests/${id}.json`);
    expect(one.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'moi-truong',
      lat: 21.0812,
      long: 105.7415,
      status_notes: 'Đã tiếp nhận',
    });
    expect(one.body[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(one.body[0].description).toContain('<script>');
    expect(JSON.stringify(one.body)).not.toMatch(/0912000222|Trần Văn Bình|Số 9 ngõ 5/);
    const x = await t.anon.get(`/open311/v2/requests/${id}.xml`);
    expect(wellFormed(x.raw)).toBe(true);
    expect(x.raw).not.toContain('<script>');
    expect(x.raw).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; rác');
    // filters
    expect((await t.anon.get(`/open311/v2/requests.json?service_request_id=${id}`)).body).toHaveLength(1);
    expect(
      (await t.anon.get('/open311/v2/requests.json?service_code=moi-truong&status=open')).body.map(
        (r: { service_request_id: string }) => r.service_request_id,
      ),
    ).toContain(id);
    expect((await t.anon.get('/open311/v2/requests.json?status=closed')).body).toEqual([]);
    expect((await t.anon.get('/open311/v2/requests.json?service_code=giao-thong')).body).toEqual([]);
    expect(
      (await t.anon.get('/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z'))
        .body,
    ).toEqual([]);
    expect((await t.anon.get('/open311/v2/requests.json?status=maybe')).status).toBe(400);
    expect((await t.anon.get('/open311/v2/requests/PAKN-0000-000000.json')).status).toBe(404);
    const list = await t.anon.get('/open311/v2/requests.xml');
    expect(wellFormed(list.raw)).toBe(true);
    // tokens: the id returned by the API stands for its request
    const item = await t.database.sql.query<{ id: string }>('select id from feedback_items where code = $1', [id]);
    const tok = await t.anon.get(`/open311/v2/tokens/${item.rows[0]!.id}.json`);
    expect(tok.body).toEqual([{ service_request_id: id, token: item.rows[0]!.id }]);
  });

  it('answers bad POSTs with 400 / 404 in the spec format', async () => {
    const base = {
      api_key: DEMO_OPEN311_KEY,
      service_code: 'moi-truong',
      address_id: tcId,
      description: 'Rác',
      first_name: 'An',
      last_name: 'Lê',
      phone: '0912000333',
      'attribute[reporter_address]': 'Số 1',
    };
    const noLoc = await t.anon.post('/open311/v2/requests.json', form({ ...base, address_id: '' }), FORM);
    expect(noLoc.status).toBe(400);
    expect(noLoc.body[0].code).toBe(400);
    const unknown = await t.anon.post('/open311/v2/requests.json', form({ ...base, service_code: 'khong-co' }), FORM);
    expect(unknown.status).toBe(404);
    const noIdentity = await t.anon.post(
      '/open311/v2/requests.xml',
      form({ ...base, phone: '', first_name: '' }),
      FORM,
    );
    expect(noIdentity.status).toBe(400);
    expect(wellFormed(noIdentity.raw)).toBe(true);
    expect(noIdentity.raw).toContain('FEEDBACK_IDENTITY_REQUIRED');
    const badLat = await t.anon.post('/open311/v2/requests.json', form({ ...base, lat: '200', long: '105' }), FORM);
    expect(badLat.status).toBe(400);
    expect((await t.anon.get('/open311/v2/requests.csv')).status).toBe(404);
  });
});
