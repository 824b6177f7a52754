import { parseDocumentNumber, type DocumentNumber } from './document.js';

function parsed(input: string): DocumentNumber {
  const result = parseDocumentNumber(input);
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.value;
}

function refused(input: string): string {
  const result = parseDocumentNumber(input);
  if (result.ok) throw new Error(`${input} was accepted as ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('document numbers (domain.md shapes)', () => {
  it('reads Party numbers: number, type, issuer', () => {
    expect(parsed('151-KH/BDVTU')).toEqual({
      canonical: '151-KH/BDVTU',
      form: 'PARTY',
      sequence: '151',
      type: 'KH',
      typeName: 'Kế hoạch',
      issuers: ['BDVTU'],
      year: null,
    });
    expect(parsed('25-NQ/TW')).toMatchObject({ type: 'NQ', typeName: 'Nghị quyết', issuers: ['TW'] });
    expect(parsed('22-CT/TU')).toMatchObject({ type: 'CT', typeName: 'Chỉ thị' });
    expect(parsed('36-HD/VPTW')).toMatchObject({ type: 'HD', issuers: ['VPTW'] });
  });

  it('reads a joint programme with its issuers, the lead first', () => {
    expect(parsed('02-CTr/BDVTU-BCHQST-CAT-BCHBPT')).toMatchObject({
      sequence: '02',
      type: 'CTr',
      typeName: 'Chương trình',
      issuers: ['BDVTU', 'BCHQST', 'CAT', 'BCHBPT'],
    });
  });

  it('reads state documents and laws, with their year', () => {
    expect(parsed('708/QĐ-BNV')).toMatchObject({
      form: 'STATE',
      sequence: '708',
      type: 'QĐ',
      typeName: 'Quyết định',
      issuers: ['BNV'],
      year: null,
    });
    expect(parsed('98/2023/NĐ-CP')).toMatchObject({ form: 'STATE', type: 'NĐ', typeName: 'Nghị định', issuers: ['CP'], year: 2023 });
    expect(parsed('19/2025/QĐ-TTg')).toMatchObject({ issuers: ['TTg'], year: 2025 });
    expect(parsed('06/2022/QH15')).toMatchObject({ form: 'LAW', type: 'Luật', issuers: ['QH15'], year: 2022 });
  });

  it('removes spaces and composes diacritics', () => {
    expect(parsed(' 151 - KH / BDVTU ').canonical).toBe('151-KH/BDVTU');
    expect(parsed('708/Q\u0110-BNV'.normalize('NFD')).canonical).toBe('708/QĐ-BNV');
  });

  it('refuses malformed numbers with a message that says what is wrong', () => {
    expect(refused('')).toMatch(/trống/);
    expect(refused('151')).toMatch(/thiếu loại/);
    expect(refused('KH/BDVTU')).toMatch(/bắt đầu bằng số/);
    expect(refused('151-XY/BDVTU')).toMatch(/"XY" không phải loại văn bản của Đảng/);
    expect(refused('708/ZZ-BNV')).toMatch(/"ZZ" không phải loại văn bản nhà nước/);
    expect(refused('151-KH/')).toMatch(/151-KH\/BDVTU/);
    expect(refused('151-KH/bdvtu')).toMatch(/151-KH\/BDVTU/);
    expect(refused('02-CTr/BDVTU-CAT-BDVTU')).toMatch(/hai lần/);
    expect(refused('98/1800/NĐ-CP')).toMatch(/Năm 1800/);
    expect(refused('1/QĐ-A-B-C-D-E-F-G-H-I')).toMatch(/tối đa 8 cơ quan/);
    expect(refused('151-KH/BDVTU'.padEnd(100, 'X'))).toMatch(/dài quá/);
  });
});
