import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEARCH_SORTS_UP_TO } from '../../src/db/search.ts';
import { apiToken, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
let token: string;
let partnershipId: string;
before(async () => {
  t = await testApp();
  token = await apiToken(t.app, 'admin@demo.example');
  const [person] = await t.db.query<{ partnershipId: string; agencyId: string }>(
    `SELECT p.partnership_id AS "partnershipId", p.agency_id AS "agencyId" FROM people p
     JOIN partnerships s ON s.id = p.partnership_id WHERE s.is_demo ORDER BY p.name LIMIT 1`,
  );
  assert.ok(person, 'the demo partnership has people');
  partnershipId = person.partnershipId;
  // Written in the reverse of the list's order, so that the rows first on disk sort last: a search
  // that sorted only the matches it happened to read first would show the wrong page.
  const add = (count: number, name: (i: string) => string, jobTitle: string) =>
    t.db.query(
      `INSERT INTO people (partnership_id, agency_id, name, job_title)
       SELECT $1, $2, ${name("lpad(i::text, 4, '0')")}, $3 FROM generate_series($4::int, 1, -1) i`,
      [partnershipId, person.agencyId, jobTitle, count],
    );
  await add(60, (i) => `'Zebedee Quillfeather ' || ${i}`, 'Practitioner');
  await add(SEARCH_SORTS_UP_TO + 100, (i) => `'Aaron Commonwealth ' || ${i}`, 'Commonwealth liaison');
});
after(() => t.close());

type Page = { items: { id: string; name: string }[]; next: string | null };
const list = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Page;
};

/** Every page of a search, by its cursor. */
async function allPages(q: string) {
  const names: string[] = [];
  let after: string | null = null;
  do {
    const page: Page = await list(
      `/api/v1/people?q=${encodeURIComponent(q)}&limit=50${after ? `&after=${after}` : ''}`,
    );
    names.push(...page.items.map((p) => p.name));
    after = page.next;
  } while (after);
  return names;
}

/** What the database finds, in the list's order: the people whose name or job title has the text. */
const expected = async (pattern: string) =>
  (
    await t.db.query<{ name: string }>(
      `SELECT name FROM people WHERE partnership_id = $1 AND (name ILIKE $2 OR job_title ILIKE $2)
       ORDER BY name, id`,
      [partnershipId, pattern],
    )
  ).map((r) => r.name);

test('a search with few matches, all sorting late, lists every one in name order, page by page', async () => {
  const names = await allPages('Quillfeather');
  assert.equal(names.length, 60);
  assert.deepEqual(names, await expected('%Quillfeather%'));
  assert.equal(names[0], 'Zebedee Quillfeather 0001');
});

test(`a search with more than ${SEARCH_SORTS_UP_TO} matches lists them in name order from the first`, async () => {
  const first = await list('/api/v1/people?q=Commonwealth&limit=50');
  const all = await expected('%Commonwealth%');
  assert.equal(all.length, SEARCH_SORTS_UP_TO + 100);
  assert.deepEqual(
    first.items.map((p) => p.name),
    all.slice(0, 50),
  );
  assert.equal(first.items[0]?.name, 'Aaron Commonwealth 0001');
  assert.deepEqual(await allPages('Commonwealth'), all);
});

test('a search too short for the trigram index, and its page 2, are in name order too', async () => {
  const names = await allPages('Qu');
  assert.deepEqual(names, await expected('%Qu%'));
  assert.ok(names.length >= 60);
});

test('a search that matches nothing is an empty page', async () => {
  assert.deepEqual(await list('/api/v1/people?q=Nobodyhasthisname'), { items: [], next: null });
});
