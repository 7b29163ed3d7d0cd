import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from './password-rules.ts';

test('a password must be at least 12 characters', () => {
  assert.match(passwordProblem('short-pass1') ?? '', /at least 12 characters/);
  assert.equal(passwordProblem('twelve chars'), null);
});

test('common passwords are refused, even with digits or symbols on the end', () => {
  for (const p of ['123456789012', 'qwerty123456', 'password1234', 'Password!!!!', 'iloveyou2024!!']) {
    assert.match(passwordProblem(p) ?? '', /too common/, p);
  }
  assert.match(passwordProblem('aaaaaaaaaaaaaaa') ?? '', /too common/);
});

test('no composition rules: three random words pass', () => {
  assert.equal(passwordProblem('correct horse battery staple'), null);
  assert.equal(passwordProblem('kettlemapleorbit'), null);
  assert.equal(passwordProblem('demo-password-only'), null);
});

test('a password may not contain the e-mail address', () => {
  assert.match(passwordProblem('jane.smith-is-me-2024', { email: 'jane.smith@example.org' }) ?? '', /email/);
});

test('very long passwords are refused before hashing', () => {
  assert.match(passwordProblem('x'.repeat(257)) ?? '', /256 characters or fewer/);
});
