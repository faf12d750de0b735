import { describe, expect, it } from 'vitest';
import { openVsxProblems } from './vsix.mjs';

const good = {
  publisher: 'replication-debugger',
  name: 'replication-debugger',
  version: '0.1.0',
  license: 'MIT',
  displayName: 'Replication Debugger',
  description: 'Step through a replication scenario.',
  categories: ['Debuggers', 'Visualization'],
  keywords: ['replication', 'DDIA'],
  repository: { type: 'git', url: 'https://github.com/replication-debugger/replication-debugger' },
};

describe('openVsxProblems', () => {
  it('accepts the project manifest shape', () => {
    expect(openVsxProblems(good, true)).toEqual([]);
  });

  it('refuses names Open VSX cannot store', () => {
    expect(openVsxProblems({ ...good, publisher: 'my publisher' }, true)).toEqual([
      'publisher "my publisher" has characters Open VSX refuses',
    ]);
    expect(openVsxProblems({ ...good, name: 'a/b' }, true)).toHaveLength(1);
  });

  it('refuses a version that is not semantic, and a missing license', () => {
    expect(openVsxProblems({ ...good, version: 'latest' }, true)).toEqual([
      'version "latest" is not a semantic version',
    ]);
    const { license: _, ...unlicensed } = good;
    expect(openVsxProblems(unlicensed, false)).toEqual(['no license (field or LICENSE file)']);
    expect(openVsxProblems(unlicensed, true)).toEqual([]);
  });

  it('refuses relative URLs, long fields, control characters and unknown values', () => {
    expect(
      openVsxProblems({ ...good, repository: 'replication-debugger/replication-debugger' }, true),
    ).toHaveLength(1);
    expect(openVsxProblems({ ...good, homepage: 'https://' }, true)).toHaveLength(1);
    expect(openVsxProblems({ ...good, description: 'x'.repeat(2049) }, true)).toHaveLength(1);
    expect(openVsxProblems({ ...good, keywords: ['ok', 'tab\there'] }, true)).toHaveLength(1);
    expect(openVsxProblems({ ...good, markdown: 'commonmark' }, true)).toHaveLength(1);
    expect(openVsxProblems({ ...good, galleryBanner: { theme: 'blue' } }, true)).toHaveLength(1);
    expect(openVsxProblems({ ...good, description: 'family \u{1F468}\u200d\u{1F469}' }, true)).toEqual([]);
  });
});
