import { PARAGRAPH_TERMS, PARAGRAPHS, PARAGRAPHS_SOURCE } from './offer-vocabulary';

describe('the paragraph vocabulary', () => {
  it('names each paragraph once, in number order, with a heading in Danish and English', () => {
    expect(PARAGRAPH_TERMS.map((t) => t.paragraph)).toEqual([...PARAGRAPHS]);
    expect([...PARAGRAPHS].map(Number)).toEqual([...PARAGRAPHS].map(Number).sort((a, b) => a - b));
    for (const t of PARAGRAPH_TERMS) {
      expect(t.da.length).toBeGreaterThan(5);
      expect(t.en).not.toBe(t.da);
    }
  });

  it('covers the paragraphs the offers registered under serviceloven need, and says which moved to barnets lov', () => {
    expect(PARAGRAPHS).toEqual(expect.arrayContaining(['32', '36', '66', '67', '85', '101', '102', '103', '104', '107', '108', '109', '110']));
    expect(PARAGRAPH_TERMS.filter((t) => t.movedTo).map((t) => t.paragraph)).toEqual(['32', '36', '66', '67']);
    expect(PARAGRAPHS_SOURCE).toMatch(/serviceloven/);
  });
});
