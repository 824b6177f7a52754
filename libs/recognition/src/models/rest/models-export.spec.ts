import { formatResult, yearsText } from './models-export.js';

describe('model export cells', () => {
  it('prints results with Vietnamese separators and their unit', () => {
    expect(formatResult(4685, 'm²')).toBe('4.685 m²');
    expect(formatResult(27, 'xã')).toBe('27 xã');
    expect(formatResult(12.5, 'km')).toBe('12,5 km');
    expect(formatResult(1400, null)).toBe('1.400');
  });

  it('prints the years a model ran', () => {
    expect(yearsText(2023, null)).toBe('Từ 2023');
    expect(yearsText(2021, 2023)).toBe('2021–2023');
    expect(yearsText(2023, 2023)).toBe('2023');
  });
});
