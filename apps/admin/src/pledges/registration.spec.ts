import { describe, expect, it } from '@jest/globals';
import { toFormErrors } from '../dataProvider';
import {
  breakthroughCountProblem,
  REGISTRATION_FORM_FIELDS,
  registrationRows,
  toRegistrationFormValues,
  toRegistrationInput,
  type Registration,
} from './pledgeData';

const unit = (id: string) => ({ id, name: `Ban Dân vận ${id}`, shortName: null });
const registration = (unitId: string, version = 1): Registration => ({
  id: `r-${unitId}`,
  unit: unit(unitId),
  targets: [{ title: 'Xây dựng mô hình "Dân vận khéo"', measure: '5 mô hình' }],
  breakthroughTasks: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
  version,
  createdAt: '2024-01-15T02:00:00Z',
  updatedAt: '2024-01-15T02:00:00Z',
});

describe('registering targets', () => {
  it('starts a new registration with one target and as many tasks as the pledge asks at least', () => {
    expect(toRegistrationFormValues(null, 3)).toEqual({ targets: [{ title: '', measure: '' }], breakthroughTasks: ['', '', ''] });
    expect(toRegistrationFormValues(null, null)).toEqual({ targets: [{ title: '', measure: '' }], breakthroughTasks: [''] });
    expect(toRegistrationFormValues(registration('a'), 3)).toEqual({
      targets: [{ title: 'Xây dựng mô hình "Dân vận khéo"', measure: '5 mô hình' }],
      breakthroughTasks: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
    });
  });

  it('sends trimmed targets and tasks, without the rows left empty', () => {
    expect(
      toRegistrationInput({
        targets: [
          { title: ' Tổ chức đối thoại ', measure: ' 4 cuộc ' },
          { title: 'Tuyên truyền Chỉ thị 22-CT/TU', measure: '' },
          { title: '', measure: '' },
        ],
        breakthroughTasks: [' Chuyển đổi số ', '', 'Tổ tự quản', '  '],
      }),
    ).toEqual({
      targets: [
        { title: 'Tổ chức đối thoại', measure: '4 cuộc' },
        { title: 'Tuyên truyền Chỉ thị 22-CT/TU', measure: null },
      ],
      breakthroughTasks: ['Chuyển đổi số', 'Tổ tự quản'],
    });
    expect(toRegistrationInput({})).toEqual({ targets: [], breakthroughTasks: [] });
  });

  it('checks the number of breakthrough tasks against the pledge’s range (blank ones not counted)', () => {
    expect(breakthroughCountProblem(['a', 'b', 'c'], 3, 5)).toBeUndefined();
    expect(breakthroughCountProblem(['a', 'b', ' '], 3, 5)).toEqual({
      message: 'danvan.registration.taskRange',
      args: { min: 3, max: 5, count: 2 },
    });
    expect(breakthroughCountProblem(['a', 'b', 'c', 'd', 'e', 'f'], 3, 5)).toEqual({
      message: 'danvan.registration.taskRange',
      args: { min: 3, max: 5, count: 6 },
    });
    expect(breakthroughCountProblem([], 2, null)).toEqual({ message: 'danvan.registration.tooFewTasks', args: { min: 2, count: 0 } });
    expect(breakthroughCountProblem([], null, null)).toBeUndefined();
  });

  it('puts the server’s refusal of the count on the tasks, and a target’s on its input', () => {
    const errors = toFormErrors(
      [
        { field: 'breakthroughTasks', code: 'count', message: 'Giao ước yêu cầu đăng ký từ 3 đến 5 nhiệm vụ đột phá (đã gửi 2).' },
        { field: 'targets.1.title', code: 'isNotEmpty', message: 'Nội dung chỉ tiêu không được để trống.' },
      ],
      'Giao ước yêu cầu đăng ký từ 3 đến 5 nhiệm vụ đột phá (đã gửi 2).',
      REGISTRATION_FORM_FIELDS,
    );
    expect(errors).toMatchObject({
      breakthroughTasks: 'Giao ước yêu cầu đăng ký từ 3 đến 5 nhiệm vụ đột phá (đã gửi 2).',
      targets: { 1: { title: 'Nội dung chỉ tiêu không được để trống.' } },
    });
  });

  it('lists the signatories in order: registrations read, and those the account may register without one', () => {
    const signatories = [unit('a'), unit('b'), unit('c')];
    expect(
      registrationRows(signatories, [registration('c'), registration('x')], new Set(['b', 'c'])).map((row) => [
        row.unit.id,
        row.registration?.id ?? null,
        row.editable,
      ]),
    ).toEqual([
      ['b', null, true],
      ['c', 'r-c', true],
      ['x', 'r-x', false],
    ]);
    expect(registrationRows(signatories, [registration('a')], new Set())).toEqual([
      { unit: unit('a'), registration: registration('a'), editable: false },
    ]);
  });
});
