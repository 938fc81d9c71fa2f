import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFacts, renderFactsModule, rewriteProse } from '../../../scripts/generate-facts.ts';
import {
  estimateCost,
  firstPollDelayMsByResolution,
  pollIntervalMs,
  typicalSecondsByResolution,
  usdPerSecondByResolution,
} from '../src/index.ts';

const specText = readFileSync(new URL('../../../spec/openapi.yaml', import.meta.url), 'utf8');
const facts = readFacts(parse(specText));

describe('facts generated from the spec', () => {
  it('match the x-wan25-facts block of spec/openapi.yaml, and estimateCost uses them', () => {
    // `pnpm generate:check` keeps facts.gen.ts equal to what the spec renders to; here its values are checked.
    for (const [resolution, item] of Object.entries(facts.resolutions)) {
      const key = resolution as keyof typeof usdPerSecondByResolution;
      expect(usdPerSecondByResolution[key]).toBe(item.usdPerSecond);
      expect(typicalSecondsByResolution[key]).toEqual(item.typicalSeconds);
      expect(firstPollDelayMsByResolution[key]).toBe(item.firstPollSeconds * 1000);
      expect(estimateCost({ resolution: key, duration: 10 }).usdPerSecond).toBe(item.usdPerSecond);
    }
    expect(pollIntervalMs).toBe(facts.pollIntervalSeconds * 1000);
  });

  it('renders a changed price into the constants and every prose form that states it', () => {
    const changed = structuredClone(facts);
    const hd = changed.resolutions['720p'];
    if (!hd) throw new Error('no 720p facts');
    hd.usdPerSecond = 0.125;
    hd.firstPollSeconds = 65;
    expect(renderFactsModule(changed)).toMatch(/'720p': 0\.125/);
    expect(renderFactsModule(changed)).toMatch(/'720p': 1250\b/);
    const { text } = rewriteProse(specText, changed);
    expect(text).toContain('$0.125/s at 720p');
    expect(text).toContain('$0.125 at 720p');
    expect(text).toContain('65 s at 720p');
    expect(text).toMatch(/\| 720p\s+\| 60-180 s\s+\| 65 s\s+\| 10 s\s+\|/);
    expect(text).not.toMatch(/\$0\.10(\/s)? at 720p/);
  });

  it("renders changed facts into the CLI's output as the READMEs quote it", () => {
    const changed = structuredClone(facts);
    const hd = changed.resolutions['720p'];
    if (!hd) throw new Error('no 720p facts');
    hd.usdPerSecond = 0.12;
    hd.typicalSeconds = [70, 200];
    const cliReadme = readFileSync(new URL('../../cli/README.md', import.meta.url), 'utf8');
    const { text } = rewriteProse(cliReadme, changed);
    expect(text).toContain('estimated cost 0.60 USD (5 s of 720p at 0.12 USD/s)');
    expect(text).toContain('(typical 1:10–3:20 for 720p)');
    expect(text).not.toContain('typical 1:00–3:00 for 720p');
    expect(text).toMatch(/40–120 s at 480p, 70–200 s at\s+720p/);
  });

  it('leaves the prose as it is when it already states the facts', () => {
    const { text, found } = rewriteProse(specText, facts);
    expect(text).toBe(specText);
    expect(found).toBeGreaterThanOrEqual(15);
  });

  it('refuses a facts block that misses a resolution of the enum or has a bad price', () => {
    const spec = parse(specText);
    delete spec.info['x-wan25-facts'].resolutions['480p'];
    expect(() => readFacts(spec)).toThrow(/exactly the Resolution enum/);
    spec.info['x-wan25-facts'].resolutions['720p'].usdPerSecond = -1;
    expect(() => readFacts(spec)).toThrow(/720p\.usdPerSecond/);
  });
});
