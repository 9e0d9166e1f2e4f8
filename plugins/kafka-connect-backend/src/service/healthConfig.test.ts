import { ConfigReader } from '@backstage/config';
import { readSettleTimeMs } from './healthConfig';

describe('readSettleTimeMs', () => {
  it('reads minutes, defaults to undefined, and refuses what is not a positive number', () => {
    expect(readSettleTimeMs(new ConfigReader({}))).toBeUndefined();
    expect(
      readSettleTimeMs(
        new ConfigReader({ kafkaConnect: { health: { settleMinutes: 2.5 } } }),
      ),
    ).toBe(150_000);
    for (const bad of [0, -1, '10']) {
      expect(() =>
        readSettleTimeMs(
          new ConfigReader({
            kafkaConnect: { health: { settleMinutes: bad } },
          }),
        ),
      ).toThrow(
        /kafkaConnect\.health\.settleMinutes must be a positive number/,
      );
    }
  });
});
