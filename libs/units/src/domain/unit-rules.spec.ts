import { checkUnitRules, levelFitsUnder, type UnitState } from './unit-rules.js';
import { ancestorIds, childPath, pathIds, subtreeUpperBound, wouldCreateCycle } from './unit-path.js';

const active: UnitState = { level: 'PROVINCE', adminAreaCode: '70', status: 'ACTIVE', validFrom: null, validTo: null, successorIds: [] };

describe('unit rules', () => {
  it('accepts a well-formed active unit', () => {
    expect(checkUnitRules(active)).toEqual([]);
  });

  it.each([
    ['CENTRAL', '01', false],
    ['PROVINCE', '70', true],
    ['PROVINCE', '700', false],
    ['DISTRICT', '342', true],
    ['DISTRICT', '34', false],
    ['COMMUNE', '30175', true],
    ['COMMUNE', '3017', false],
  ] as const)('area code at level %s: %s is %s', (level, adminAreaCode, ok) => {
    const errors = checkUnitRules({ ...active, level, adminAreaCode });
    expect(errors.length === 0).toBe(ok);
    if (!ok) expect(errors[0]).toMatchObject({ field: 'adminAreaCode', code: 'areaCodeForLevel' });
  });

  it('requires an end date for merged and dissolved units, and successors for merged ones', () => {
    expect(checkUnitRules({ ...active, status: 'DISSOLVED' }).map((e) => e.code)).toEqual(['endDateRequired']);
    expect(checkUnitRules({ ...active, status: 'MERGED', validTo: '2025-06-30' }).map((e) => e.code)).toEqual(['successorRequired']);
    expect(checkUnitRules({ ...active, status: 'MERGED', validTo: '2025-06-30', successorIds: ['b'] })).toEqual([]);
  });

  it('rejects successors of an active unit, a unit succeeding itself and an inverted validity', () => {
    expect(checkUnitRules({ ...active, successorIds: ['x'] }).map((e) => e.code)).toEqual(['successorOfActive']);
    expect(checkUnitRules({ ...active, id: 'a', status: 'MERGED', validTo: '2025-06-30', successorIds: ['a'] }).map((e) => e.code)).toEqual(
      ['selfSuccessor'],
    );
    expect(checkUnitRules({ ...active, validFrom: '2025-07-01', validTo: '2025-06-30' }).map((e) => e.code)).toEqual(['validityOrder']);
    expect(checkUnitRules({ ...active, validFrom: '2025-06-30', validTo: '2025-06-30' })).toEqual([]);
  });

  it('places a unit only under the same or a higher level', () => {
    expect(levelFitsUnder('COMMUNE', 'DISTRICT')).toBe(true);
    expect(levelFitsUnder('PROVINCE', 'PROVINCE')).toBe(true);
    expect(levelFitsUnder('PROVINCE', 'COMMUNE')).toBe(false);
    expect(levelFitsUnder('CENTRAL', 'PROVINCE')).toBe(false);
  });
});

describe('unit paths', () => {
  const root = childPath(null, 'r');
  const middle = childPath(root, 'm');
  const leaf = childPath(middle, 'l');

  it('chains ids from the root to the unit itself', () => {
    expect(leaf).toBe('/r/m/l/');
    expect(pathIds(leaf)).toEqual(['r', 'm', 'l']);
    expect(ancestorIds(leaf)).toEqual(['r', 'm']);
    expect(ancestorIds(root)).toEqual([]);
  });

  it('detects a cycle when the new parent lies in the unit’s own subtree', () => {
    expect(wouldCreateCycle('r', leaf)).toBe(true);
    expect(wouldCreateCycle('l', leaf)).toBe(true);
    expect(wouldCreateCycle('x', leaf)).toBe(false);
  });

  it('bounds a subtree range so that every descendant sorts inside it and siblings outside', () => {
    const upper = subtreeUpperBound(middle);
    const inside = (p: string) => p >= middle && p < upper;
    expect(inside(leaf)).toBe(true);
    expect(inside(childPath(root, 'n'))).toBe(false);
    expect(inside(childPath(null, 'a0b1c2d3-0000-4000-8000-00000000ffff'))).toBe(false);
  });
});
