import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import type {
  ConnectorHistoryResponse,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import { kafkaConnectApiRef } from '../api';
import { ConnectorHealthTimeline } from './ConnectorHealthTimeline';

const now = Date.parse('2026-12-02T12:00:00Z');

const connector = {
  cluster: 'eu',
  namespace: 'shop',
  name: 'orders',
  health: 'failed',
  reason: 'Task 0 failed: boom',
} as ConnectorSummary;

async function renderTimeline(
  getConnectorHistory: jest.Mock,
  summary: ConnectorSummary = connector,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[kafkaConnectApiRef, { getConnectorHistory }]]}>
      <ConnectorHealthTimeline connector={summary} now={() => now} />
    </TestApiProvider>,
  );
}

describe('ConnectorHealthTimeline', () => {
  it('draws the last day in proportion, says since when it fails, and shows state and reason on hover', async () => {
    const history: ConnectorHistoryResponse = {
      since: '2026-12-01T12:00:00.000Z',
      items: [
        {
          from: null,
          to: 'healthy',
          reason: 'all 2 tasks running',
          at: '2026-11-30T00:00:00.000Z',
        },
        {
          from: 'healthy',
          to: 'failed',
          reason: 'Task 0 failed: boom',
          at: '2026-12-02T09:46:00.000Z',
        },
      ],
    };
    const getConnectorHistory = jest.fn().mockResolvedValue(history);
    await renderTimeline(getConnectorHistory);

    expect(await screen.findByTestId('time-in-state-orders')).toHaveTextContent(
      'failing for 2 h 14 min',
    );
    expect(getConnectorHistory).toHaveBeenCalledWith(
      { cluster: 'eu', namespace: 'shop', name: 'orders' },
      new Date('2026-12-01T12:00:00.000Z'),
    );
    const segments = screen.getAllByTestId('health-timeline-segment');
    expect(segments.map(s => s.getAttribute('data-health'))).toEqual([
      'healthy',
      'failed',
    ]);
    // 21 h 46 min healthy, 2 h 14 min failed.
    expect(segments.map(s => s.style.flexGrow)).toEqual([
      String((21 * 60 + 46) * 60_000),
      String((2 * 60 + 14) * 60_000),
    ]);
    fireEvent.mouseOver(segments[1]);
    expect(
      await screen.findByText(/^failed from .* to now: Task 0 failed: boom$/),
    ).toBeInTheDocument();
  });

  it('shows nothing when the backend has no history route', async () => {
    const getConnectorHistory = jest
      .fn()
      .mockRejectedValue(new Error('404 not found'));
    await renderTimeline(getConnectorHistory);
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(screen.queryByTestId('health-timeline-orders')).toBeNull();
  });

  it('draws no "for" text for a healthy connector', async () => {
    const getConnectorHistory = jest.fn().mockResolvedValue({
      since: '2026-12-01T12:00:00.000Z',
      items: [
        {
          from: null,
          to: 'healthy',
          reason: 'all tasks running',
          at: '2026-12-02T06:00:00.000Z',
        },
      ],
    });
    await renderTimeline(getConnectorHistory, {
      ...connector,
      health: 'healthy',
    });
    await screen.findByTestId('health-timeline-orders');
    expect(
      screen
        .getAllByTestId('health-timeline-segment')
        .map(s => s.getAttribute('data-health')),
    ).toEqual(['none', 'healthy']);
    expect(screen.queryByTestId('time-in-state-orders')).toBeNull();
  });
});
