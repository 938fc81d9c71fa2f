import { readFileSync } from 'node:fs';
import { responseExamples } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documentedErrors = ['400', '401', '402', '403', '429', '500', '502', '504'];

describe('the README documents every scenario with a curl line', () => {
  const lines = readme.split('\n');
  const tableRows = lines.filter((line) => line.startsWith('| '));
  const curlLines = lines.filter((line) => line.startsWith('curl '));

  it.each(responseExamples('/statusTask/wan-2-5-video', 'get', '200').map(({ name }) => name))(
    'Prefer: example=%s',
    (name) => {
      expect(tableRows.some((row) => row.includes(`\`example=${name}\``))).toBe(true);
      expect(curlLines.some((line) => line.includes(`"Prefer: example=${name}"`))).toBe(true);
    },
  );

  it.each(documentedErrors)('Prefer: code=%s', (code) => {
    expect(tableRows.some((row) => row.includes(`\`code=${code}\``))).toBe(true);
    expect(curlLines.some((line) => line.includes(`"Prefer: code=${code}"`))).toBe(true);
  });
});
