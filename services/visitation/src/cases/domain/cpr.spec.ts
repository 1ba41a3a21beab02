import { birthDateOfCpr, isValidCpr } from './cpr';

describe('the CPR number rule', () => {
  it('accepts ten digits with a real date, without a modulus-11 check', () => {
    expect(isValidCpr('0101901234')).toBe(true);
    expect(isValidCpr('3112991235')).toBe(true);
  });

  it('takes the century from the seventh digit', () => {
    expect(birthDateOfCpr('0101104000')?.getUTCFullYear()).toBe(2010);
    expect(birthDateOfCpr('0101504000')?.getUTCFullYear()).toBe(1950);
    expect(birthDateOfCpr('0101605000')?.getUTCFullYear()).toBe(1860);
    expect(birthDateOfCpr('0101205000')?.getUTCFullYear()).toBe(2020);
  });

  it('knows 29 February only in leap years, 2000 included', () => {
    expect(isValidCpr('2902004000')).toBe(true); // 2000
    expect(isValidCpr('2902001000')).toBe(false); // 1900 was not a leap year
    expect(isValidCpr('2902214000')).toBe(false); // 2021
  });

  it('refuses what is not a date or not ten digits', () => {
    expect(isValidCpr('3204901234')).toBe(false);
    expect(isValidCpr('0113901234')).toBe(false);
    expect(isValidCpr('010190123')).toBe(false);
    expect(isValidCpr('010190-1234')).toBe(false);
  });
});
