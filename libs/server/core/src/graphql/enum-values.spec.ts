import { describedBy } from './enum-values.js';

describe('describedBy', () => {
  it('describes each enum value with its label', () => {
    expect(describedBy({ PROVINCE: 'Tỉnh', COMMUNE: 'Xã' })).toEqual({ PROVINCE: { description: 'Tỉnh' }, COMMUNE: { description: 'Xã' } });
  });

  it('turns a terse label into a phrase', () => {
    expect(describedBy({ FIRST: 'Nhất' }, (label) => `Hạng ${label}`)).toEqual({ FIRST: { description: 'Hạng Nhất' } });
  });
});
