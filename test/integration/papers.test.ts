import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, readable, type TestApp, testApp } from '../helpers/app.ts';
import { pdfText } from '../helpers/documents.ts';
import { multipart } from '../helpers/multipart.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let meetingId: string;
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'member', 'practitioner'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
  const meetings = (await call('admin', 'GET', '/api/v1/meetings?when=coming')).json().items;
  meetingId = meetings.find((m: { groupName: string }) => m.groupName === 'THSCP Executive').id;
});
after(() => t.close());

function call(who: string, method: 'GET' | 'POST' | 'DELETE', url: string) {
  return t.app.inject({ method, url, headers: bearer(tokens[who] as string) });
}

const upload = (
  who: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; type?: string },
  id = meetingId,
) => {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/meetings/${id}/papers`,
    payload: body.payload,
    headers: { ...body.headers, ...bearer(tokens[who] as string) },
  });
};
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const papers = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM papers'))[0]?.n ?? 0;

test('a paper is uploaded to an agenda item, checked by content, and downloaded only by readers', async () => {
  const agenda = (await call('admin', 'GET', `/api/v1/meetings/${meetingId}`)).json().agenda;
  const item = agenda.find((i: { isStanding: boolean }) => !i.isStanding);
  const made = await upload(
    'chair',
    { agendaItemId: item.id },
    { name: 'Neglect audit “summary”.pdf', data: PDF, type: 'text/plain' },
  );
  assert.equal(made.statusCode, 201, made.body);
  const paper = made.json();
  assert.equal(paper.mediaType, 'application/pdf', 'from the content, not the type the client claimed');
  assert.equal(paper.filename, 'Neglect audit “summary”.pdf');
  assert.equal(paper.agendaItemId, item.id);

  const got = await call('member', 'GET', `/api/v1/meetings/${meetingId}/papers/${paper.id}`);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.match(
    String(got.headers['content-disposition']),
    /^attachment; filename="Neglect audit _summary_.pdf"; filename\*=UTF-8''Neglect%20audit%20%E2%80%9Csummary%E2%80%9D.pdf$/,
  );
  assert.equal(got.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal(
    (await call('practitioner', 'GET', `/api/v1/meetings/${meetingId}/papers/${paper.id}`)).statusCode,
    403,
  );
  assert.equal(
    (await call('otherAdmin', 'GET', `/api/v1/meetings/${meetingId}/papers/${paper.id}`)).statusCode,
    404,
  );

  const browser = new Browser(t.app);
  await browser.signIn('scrutineer@demo.example');
  const page = await browser.get(`/meetings/${meetingId}`);
  assert.match(
    readable(page.body),
    new RegExp(`href="/meetings/${meetingId}/papers/${paper.id}" download>Neglect audit “summary”.pdf`),
  );
  const pack = await browser.request({ method: 'GET', url: `/meetings/${meetingId}/pack.pdf` });
  assert.match((await pdfText(pack.rawPayload)).text, /Neglect audit “summary”\.pdf \(1 KB\), for “/);
  const audit = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'meeting.paper-added'",
  );
  assert.equal(audit[0]?.n, 1);
});

test('the wrong type, no file, an oversized file and another meeting’s agenda item are refused; nothing is kept', async () => {
  const before = await papers();
  const script = await upload(
    'chair',
    {},
    {
      name: 'agenda.pdf',
      data: Buffer.from('<html><script>alert(1)</script></html>'),
      type: 'application/pdf',
    },
  );
  assert.equal(script.statusCode, 422);
  assert.match(
    script.json().errors[0].message,
    /^The file must be one of these: PDF, Word, Excel, PowerPoint/,
  );
  const none = await upload('chair', {});
  assert.deepEqual(none.json().errors, [{ field: 'file', message: 'Choose a file to upload' }]);
  const big = await upload(
    'chair',
    {},
    { name: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) },
  );
  assert.equal(big.statusCode, 422);
  assert.deepEqual(big.json().errors, [{ field: 'file', message: 'The file must be 10 MB or smaller' }]);
  const other = (await call('admin', 'GET', '/api/v1/meetings?when=past')).json().items[0];
  const otherItem = (await call('admin', 'GET', `/api/v1/meetings/${other.id}`)).json().agenda[0];
  const wrongItem = await upload('chair', { agendaItemId: otherItem.id }, { name: 'a.pdf', data: PDF });
  assert.deepEqual(wrongItem.json().errors, [
    { field: 'agendaItemId', message: 'Select an item of this meeting’s agenda' },
  ]);
  assert.equal((await upload('member', {}, { name: 'a.pdf', data: PDF })).statusCode, 403);
  assert.equal(await papers(), before);
});

test('on the page: upload needs the form’s token, errors show on the page, and a paper can be removed', async () => {
  const chair = new Browser(t.app);
  await chair.signIn('chair@demo.example');
  await chair.get(`/meetings/${meetingId}`);
  const send = (file: { name: string; data: Buffer } | undefined, csrf = chair.csrf) => {
    const body = multipart({ _csrf: csrf }, file);
    return chair.request({
      method: 'POST',
      url: `/meetings/${meetingId}/papers`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  assert.equal((await send({ name: 'a.pdf', data: PDF }, 'forged')).statusCode, 403);
  const bad = await send({ name: 'notes.txt', data: Buffer.from('plain text') });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#file">The file must be one of these/);
  const good = await send({ name: 'Terms of reference.pdf', data: PDF });
  assert.equal(good.statusCode, 303);
  const list = (await call('admin', 'GET', `/api/v1/meetings/${meetingId}/papers`)).json().items;
  const paper = list.find((p: { filename: string }) => p.filename === 'Terms of reference.pdf');
  await chair.get(`/meetings/${meetingId}`);
  assert.equal((await chair.post(`/meetings/${meetingId}/papers/${paper.id}/remove`)).statusCode, 303);
  assert.equal(
    (await call('admin', 'GET', `/api/v1/meetings/${meetingId}/papers/${paper.id}`)).statusCode,
    404,
  );
  assert.equal(
    (await call('admin', 'DELETE', `/api/v1/meetings/${meetingId}/papers/${paper.id}`)).statusCode,
    404,
  );
});
