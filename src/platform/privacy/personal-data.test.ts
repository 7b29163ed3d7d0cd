import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personalDataMessage, personalDataWarnings } from './personal-data.ts';

describe('the check of free text for personal data', () => {
  const kinds = (text: string) => personalDataWarnings(text).map((w) => `${w.kind}: ${w.found}`);

  it('finds dates written in the usual ways', () => {
    assert.deepEqual(kinds('Child born 12/03/2015 was seen'), ['date of birth: 12/03/2015']);
    assert.deepEqual(kinds('seen on 3rd March 2019'), ['date of birth: 3rd March 2019']);
    assert.deepEqual(kinds('DOB unknown'), ['date of birth: DOB']);
    assert.deepEqual(kinds('on 2019-03-12'), ['date of birth: 2019-03-12']);
  });

  it('finds postcodes, with or without the space', () => {
    assert.deepEqual(kinds('lived near E1 6AN'), ['postcode: E1 6AN']);
    assert.deepEqual(kinds('at SW1A1AA'), ['postcode: SW1A1AA']);
  });

  it('lets ordinary text through, including years and counts', () => {
    assert.deepEqual(kinds('Neglect over 2019 to 2021; 3 agencies involved; age band 10 to 15'), []);
    assert.deepEqual(kinds('Child M, known to services since March 2019'), []);
  });

  it('says what it found and what to do', () => {
    assert.equal(
      personalDataMessage('Summary', personalDataWarnings('born 1/2/2015 at E1 6AN')),
      'Summary seems to contain a date of birth (“1/2/2015”) and a postcode (“E1 6AN”). Remove it, or confirm it is not a child’s personal data',
    );
  });
});
