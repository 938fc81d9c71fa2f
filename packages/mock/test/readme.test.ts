import { readFileSync } from 'node:fs';
import { responseExamples } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documentedErrors = ['400', '401', '402', '403', '429', '500', '502', '504'];

describe('the README documents every scenario with a command line', () => {
  const lines = readme.split('\n');
  const tableRows = lines.filter((line) => line.startsWith('| '));
  const commandLines = lines.filter((line) => line.startsWith('curl ') || line.startsWith('submit '));

  it.each(responseExamples('/statusTask/wan-2-5-video', 'get', '200').map(({ name }) => name))(
    'Prefer: example=%s',
    (name) => {
      expect(tableRows.some((row) => row.includes(`\`example=${name}\``))).toBe(true);
      expect(commandLines.some((line) => line.includes(`"Prefer: example=${name}"`))).toBe(true);
    },
  );

  it.each(documentedErrors)('Prefer: code=%s', (code) => {
    expect(tableRows.some((row) => row.includes(`\`code=${code}\``))).toBe(true);
    expect(commandLines.some((line) => line.includes(`"Prefer: code=${code}"`))).toBe(true);
  });
});

describe('the README shows the downstream suite that this package runs', () => {
  it('as downstream-example.test.ts has it', () => {
    const suite = readFileSync(new URL('./downstream-example.test.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${suite}\`\`\``);
  });

  it.each(['port', 'host', 'taskSeconds', 'callbackRetrySeconds', 'callbackCa', 'log'])(
    'with a row for the option %s',
    (option) => {
      expect(readme).toMatch(new RegExp(`^\\| \`${option}\` +\\|`, 'm'));
    },
  );
});
