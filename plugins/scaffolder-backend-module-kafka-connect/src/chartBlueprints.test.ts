import path from 'node:path';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { SAMPLE_CHART } from './__testUtils__/chart';

const builtIns = BlueprintRegistry.load([]);
const chart = BlueprintRegistry.load([path.join(SAMPLE_CHART, 'blueprints')]);

describe("the sample chart's compact blueprints", () => {
  it('load without problems and cover every built-in', () => {
    expect(chart.problems).toEqual([]);
    expect(chart.ids()).toEqual(builtIns.ids());
  });

  it.each(builtIns.ids())(
    '%s differs from the built-in only in its values entry and name filters',
    id => {
      const builtIn = builtIns.get(id)!;
      const compact = chart.get(id)!;
      expect(compact.helmValues.style).toBe('compact');
      const { helmValues: _a, naming: compactNaming, ...rest } = compact;
      const { helmValues: _b, naming, ...expected } = builtIn;
      expect(rest).toEqual(expected);
      // the same rule once the chart's filters are taken out
      expect(compactNaming.replace(/\s*\|\s*(lower|noUnderscores)/g, '')).toBe(
        naming,
      );
    },
  );
});
