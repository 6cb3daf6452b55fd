import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordProblem } from '../../../src/server/staff/passwords.ts';

const person = { email: 'sam.jones@council.example', name: 'Sam Jones' };

describe('passwordProblem', () => {
  it.each(['correct horse battery', 'tulips by the canal 7', 'Llanfair-pwll 2026!', 'zxq81-plover-hasp'])('accepts "%s"', (pw) => expect(passwordProblem(pw, person)).toBeNull());
  it.each([
    ['short1!', /at least 10/],
    ['aaaaaaaaaaaa', /different characters/],
    ['password123', /common/],
    ['Password2026!', /common/],
    ['qwertyuiop1', /run of keys|common/],
    ['1234567890', /run of keys/],
    ['sam.jones2026', /name or e-mail/],
    ['jonesjones1!', /name or e-mail/],
    ['x'.repeat(257), /at most 256/],
  ])('refuses "%s"', (pw, why) => expect(passwordProblem(pw, person)).toMatch(why));
});

it('hashes with argon2id and a salt, and checks without throwing on a broken hash', async () => {
  const [a, b] = await Promise.all([hashPassword('tulips by the canal 7'), hashPassword('tulips by the canal 7')]);
  expect(a).toMatch(/^\$argon2id\$/);
  expect(a).not.toBe(b);
  expect(await passwordMatches(a, 'tulips by the canal 7')).toBe(true);
  expect(await passwordMatches(a, 'tulips by the canal 8')).toBe(false);
  expect(await passwordMatches('not a hash', 'x')).toBe(false);
});
