import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { parseScenario } from './parse';

const FIXTURES = join(__dirname, 'fixtures');

describe('parsed scenarios run in the simulator', () => {
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.yaml'))) {
    it(`runs ${f} to a stop`, () => {
      const { scenario } = parseScenario(readFileSync(join(FIXTURES, f), 'utf8'), f);
      expect(scenario).toBeDefined();
      if (!scenario) return;
      const result = runScenario(scenario);
      expect(result.stopReason).toBeTruthy();
      expect(result.trace.expectations).toHaveLength(scenario.expect.length);
    });
  }

  it('meets the expectations of the spec’s shopping cart example', () => {
    const { scenario } = parseScenario(readFileSync(join(FIXTURES, 'shopping-cart.scenario.yaml'), 'utf8'));
    const results = runScenario(scenario as NonNullable<typeof scenario>).trace.expectations;
    expect(results.map((r) => [r.line, r.passed])).toEqual([
      [19, true],
      [20, true],
    ]);
  });
});
