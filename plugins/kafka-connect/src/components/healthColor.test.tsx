import { renderInTestApp } from '@backstage/test-utils';
import { useTheme } from '@material-ui/core/styles';
import { screen } from '@testing-library/react';
import type { ConnectorHealth } from '@kcs/plugin-kafka-connect-common';
import { useHealthColor } from './healthColor';

const HEALTHS: (ConnectorHealth | null)[] = [
  'healthy',
  'failed',
  'degraded',
  'unknown',
  'pending',
  'paused',
  'stopped',
  null,
];

function Colors() {
  const colorOf = useHealthColor();
  const theme = useTheme();
  const status = (
    theme.palette as unknown as { status: Record<string, string> }
  ).status;
  return (
    <pre data-testid="colors">
      {JSON.stringify({
        got: HEALTHS.map(colorOf),
        status,
        none: theme.palette.action.hover,
      })}
    </pre>
  );
}

describe('useHealthColor', () => {
  it("maps each health to the Backstage theme's status color", async () => {
    await renderInTestApp(<Colors />);
    const { got, status, none } = JSON.parse(
      screen.getByTestId('colors').textContent ?? '',
    );
    expect(got).toEqual([
      status.ok,
      status.error,
      status.warning,
      status.warning,
      status.pending,
      status.aborted,
      status.aborted,
      none,
    ]);
    // Distinct colors, so the mapping is not trivially one value.
    expect(new Set(got).size).toBe(6);
  });
});
