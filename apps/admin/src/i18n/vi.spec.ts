/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import plainVietnamese from 'ra-language-vietnamese';
import { i18nProvider } from './i18nProvider';
import type { MessageTree } from './MessageTree';
import { viMessages } from './vi';

/**
 * Keys whose Vietnamese text may equal the English one. Keep it tiny and say why.
 * - ra.boolean.null: what a BooleanField shows for null, a single blank in every language.
 */
const IDENTICAL_TO_ENGLISH = new Set(['ra.boolean.null']);

const flatten = (tree: object, prefix = ''): Map<string, unknown> => {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'object' && value !== null) {
      for (const [nestedPath, nestedValue] of flatten(value, `${path}.`)) result.set(nestedPath, nestedValue);
    } else {
      result.set(path, value);
    }
  }
  return result;
};

const placeholders = (phrase: string): string[] => [...new Set(phrase.match(/%\{\w+\}/g) ?? [])].sort();

/** Every way `candidate` falls short of a full Vietnamese translation of `english`. */
const findTranslationProblems = (english: object, candidate: object): string[] => {
  const translated = flatten(candidate);
  const problems: string[] = [];
  for (const [key, englishPhrase] of flatten(english)) {
    const phrase = translated.get(key);
    if (typeof phrase !== 'string' || (phrase.trim() === '' && !IDENTICAL_TO_ENGLISH.has(key))) {
      problems.push(`${key}: missing or empty`);
      continue;
    }
    if (phrase === englishPhrase && !IDENTICAL_TO_ENGLISH.has(key)) {
      problems.push(`${key}: still English ("${phrase}")`);
    }
    const missing = placeholders(String(englishPhrase)).filter((placeholder) => !phrase.includes(placeholder));
    if (missing.length > 0) problems.push(`${key}: lost ${missing.join(', ')}`);
  }
  return problems;
};

describe('Vietnamese messages', () => {
  it('translate every react-admin key of ra-language-english, keeping its placeholders', () => {
    expect(findTranslationProblems(englishMessages, viMessages)).toEqual([]);
  });

  it('the check catches what plain ra-language-vietnamese misses', () => {
    const problems = findTranslationProblems(englishMessages, plainVietnamese);
    expect(problems).toEqual(
      expect.arrayContaining([
        'ra.action.select_all: missing or empty',
        'ra.sort.ASC: missing or empty',
        'ra.page.show: lost %{recordRepresentation}',
        'ra.navigation.no_results: lost %{name}',
      ]),
    );
    expect(problems.length).toBeGreaterThan(60);
  });

  it('the check catches a phrase left in English', () => {
    const untranslated: MessageTree = { ra: { action: { save: 'Save' } } };
    expect(findTranslationProblems({ ra: { action: { save: 'Save' } } }, untranslated)).toEqual(['ra.action.save: still English ("Save")']);
  });

  it('the allow-list only names keys that exist', () => {
    const englishKeys = flatten(englishMessages);
    for (const key of IDENTICAL_TO_ENGLISH) expect(englishKeys.has(key)).toBe(true);
  });
});

describe('i18nProvider', () => {
  const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

  it('is Vietnamese', () => {
    expect(i18nProvider.getLocale()).toBe('vi');
    expect(translate('ra.action.save')).toBe('Lưu');
    expect(translate('ra.action.search')).toBe('Tìm kiếm');
    expect(translate('resources.units.fields.shortName')).toBe('Tên viết tắt');
    expect(translate('resources.units.name', { smart_count: 2 })).toBe('Đơn vị');
  });

  it('picks the singular or plural phrase', () => {
    expect(translate('ra.action.bulk_actions', { smart_count: 1 })).toBe('Đã chọn 1 mục');
    expect(translate('ra.action.bulk_actions', { smart_count: 3 })).toBe('Đã chọn 3 mục');
  });

  it('has the version-conflict message', () => {
    expect(translate('danvan.errors.versionConflict')).toBe(
      'Đơn vị đã được người khác sửa trong lúc bạn đang sửa. Những gì bạn đã nhập vẫn được giữ, các ô khác đã cập nhật theo bản mới nhất; bấm Lưu để lưu trên bản mới nhất này.',
    );
  });
});

describe('keys used by the admin source', () => {
  const srcDir = new URL('..', import.meta.url);
  const sourceFiles = (dir: URL): URL[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(new URL(`${entry.name}/`, dir))
        : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') && entry.name !== 'vi.ts'
          ? [new URL(entry.name, dir)]
          : [],
    );
  const files = sourceFiles(srcDir).map((file) => ({ folder: file.pathname.split('/').at(-2) ?? '', text: readFileSync(file, 'utf8') }));
  const sources = files.map((file) => file.text);
  const messages = flatten(viMessages);

  it('every literal translation key exists', () => {
    const keys = sources.flatMap((text) =>
      [...text.matchAll(/['"`]((?:ra|resources|danvan)\.[\w-]+(?:\.[\w-]+)+)['"`]/g)].map((match) => match[1]),
    );
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !messages.has(key))).toEqual([]);
  });

  /** Where the labels of the `source="…"` fields and inputs of each folder live. */
  const LABELS_BY_FOLDER: Record<string, string[]> = {
    units: ['resources.units.fields', 'resources.units.leaderFields'],
    accounts: ['resources.accounts.fields'],
    apiKeys: ['resources.api-keys.fields'],
    audit: ['resources.audit-events.fields'],
    auth: ['danvan.password.fields'],
    documents: ['resources.documents.fields'],
    movements: ['resources.movements.fields'],
    blocs: ['resources.blocs.fields'],
    pledges: ['resources.pledges.fields'],
    criteria: ['resources.pledges.criteriaFields'],
    recognition: ['resources.awards.fields', 'resources.models.fields'],
  };

  it('every field and input has a Vietnamese label', () => {
    const unlabelled = files
      .filter((file) => file.text.includes('source="'))
      .flatMap(({ folder, text }) =>
        [...new Set([...text.matchAll(/source="(\w+)"/g)].map((match) => match[1]))]
          .filter((source) => !(LABELS_BY_FOLDER[folder] ?? []).some((prefix) => messages.has(`${prefix}.${source}`)))
          .map((source) => `${folder}: ${source}`),
      );
    expect(unlabelled).toEqual([]);
  });
});
