import { describe, expect, it } from 'vitest';
import { CsvRecordReader, splitCsvLine } from '../../../sandbox/seed/csv.ts';

describe('splitCsvLine', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(splitCsvLine('536365,85123A,,6,,2.55,17850.0,')).toEqual(['536365', '85123A', '', '6', '', '2.55', '17850.0', '']);
  });

  it('keeps commas inside quoted fields (Online Retail line 111)', () => {
    const line = '536381,82567,"AIRLINE LOUNGE,METAL SIGN",2,2010-12-01 09:41:00,2.1,15311.0,United Kingdom';
    expect(splitCsvLine(line)?.[2]).toBe('AIRLINE LOUNGE,METAL SIGN');
    expect(splitCsvLine(line)).toHaveLength(8);
  });

  it('reads a doubled quote as one quote (Online Retail line 873)', () => {
    const line = '536477,22041,"RECORD FRAME 7"" SINGLE SIZE ",48,2010-12-01 12:27:00,2.1,16210.0,United Kingdom';
    expect(splitCsvLine(line)?.[2]).toBe('RECORD FRAME 7" SINGLE SIZE ');
  });

  it('handles a quoted field at the end of the line and a quoted empty field', () => {
    expect(splitCsvLine('a,"b ""c"""')).toEqual(['a', 'b "c"']);
    expect(splitCsvLine('"",x')).toEqual(['', 'x']);
  });

  it('returns null when a quoted field continues on the next line', () => {
    expect(splitCsvLine('1,"first line')).toBeNull();
  });
});

describe('CsvRecordReader', () => {
  it('joins the lines of a quoted field that spans them', () => {
    const reader = new CsvRecordReader();
    expect(reader.push('1,"two')).toBeNull();
    expect(reader.incomplete).toBe(true);
    expect(reader.push('lines, really",3')).toEqual(['1', 'two\nlines, really', '3']);
    expect(reader.incomplete).toBe(false);
    expect(reader.push('4,5')).toEqual(['4', '5']);
  });
});
