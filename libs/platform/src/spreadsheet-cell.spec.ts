import { safeSpreadsheetText } from './spreadsheet-cell';

describe('export cells a spreadsheet will not run', () => {
  it.each(['=HYPERLINK("http://evil.example","klik")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (text) => {
    expect(safeSpreadsheetText(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text and numbers, negative ones too', () => {
    for (const text of ['Bostedet Egebakken', '-5981,16', '1891.96', 'p2800', '']) expect(safeSpreadsheetText(text)).toBe(text);
  });
});
