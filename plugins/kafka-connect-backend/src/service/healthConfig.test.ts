import { ConfigReader } from '@backstage/config';
import { readSettleTimeMs, readStrimziVersions } from './healthConfig';

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

describe('readStrimziVersions', () => {
  it('maps cluster names to configured releases and names a malformed one', () => {
    const clusters = (strimziVersion?: string) =>
      new ConfigReader({
        kafkaConnect: {
          clusters: [
            { name: 'old', url: 'https://a', strimziVersion },
            { name: 'new', url: 'https://b' },
          ],
        },
      });
    expect(readStrimziVersions(clusters('0.48.0'))).toEqual({ old: '0.48.0' });
    expect(readStrimziVersions(new ConfigReader({}))).toEqual({});
    expect(() => readStrimziVersions(clusters('latest'))).toThrow(
      /kafkaConnect\.clusters\[0\]\.strimziVersion must be a Strimzi release/,
    );
  });
});
