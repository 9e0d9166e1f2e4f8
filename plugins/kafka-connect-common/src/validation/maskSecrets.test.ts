import { HIDDEN, isSecretSetting, maskConnectMessage } from './maskSecrets';

describe('isSecretSetting', () => {
  it.each([
    ['database.password', 'x', undefined, true],
    ['sasl.jaas.config', 'x', undefined, true],
    ['database.hostname', '${secrets:ns/db:host}', undefined, true],
    ['ssl.keystore.password', undefined, undefined, true],
    ['anything', 'plain', 'PASSWORD', true],
    ['topic', 'orders', 'STRING', false],
    [
      'key.converter',
      'org.apache.kafka.connect.json.JsonConverter',
      'CLASS',
      false,
    ],
  ])('%s=%s (%s) is secret: %s', (key, value, type, expected) => {
    expect(isSecretSetting(key, value, type)).toBe(expected);
  });
});

describe('maskConnectMessage', () => {
  const plain = { secret: false, sentConfig: {} };

  it('leaves an ordinary message as Connect wrote it', () => {
    expect(
      maskConnectMessage(
        'Invalid value lots for configuration batch.size: Not a number of type INT',
        plain,
      ),
    ).toBe(
      'Invalid value lots for configuration batch.size: Not a number of type INT',
    );
  });

  it('hides every config-provider reference, wherever it is', () => {
    expect(
      maskConnectMessage(
        'Invalid value ${secretManager:x:Y} for configuration batch.size; see ${env:A}',
        plain,
      ),
    ).toBe(
      `Invalid value ${HIDDEN} for configuration batch.size; see ${HIDDEN}`,
    );
  });

  it('hides the resolved value Connect shows for a secret setting', () => {
    expect(
      maskConnectMessage(
        'Invalid value hunter2 for configuration database.port: Not a number of type INT',
        { secret: true, sentConfig: {} },
      ),
    ).toBe(
      `Invalid value ${HIDDEN} for configuration database.port: Not a number of type INT`,
    );
  });

  it('hides a literal credential value anywhere in any message', () => {
    expect(
      maskConnectMessage('login as admin with s3cr3t failed (s3cr3t)', {
        secret: false,
        sentConfig: { 'database.password': 's3cr3t', topic: 'admin' },
      }),
    ).toBe(`login as admin with ${HIDDEN} failed (${HIDDEN})`);
  });

  it('escapes control characters and caps the length', () => {
    expect(maskConnectMessage('a\nb\u2028c', plain)).toBe('a\\u000ab\\u2028c');
    const long = maskConnectMessage('x'.repeat(5000), plain);
    expect(long).toHaveLength(1001);
    expect(long.endsWith('…')).toBe(true);
  });
});
