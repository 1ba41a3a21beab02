import { namePattern } from './name-pattern';

describe('namePattern', () => {
  it('matches the words in order with anything between them', () => {
    expect(namePattern('  bo   Egebakken ')).toBe('%bo%Egebakken%');
  });

  it('takes the user\'s own wildcards and backslashes literally', () => {
    expect(namePattern('100%_ok')).toBe('%100\\%\\_ok%');
    expect(namePattern('a\\b')).toBe('%a\\\\b%');
  });
});
