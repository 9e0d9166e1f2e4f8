import { clusterId } from './servers';

describe('clusterId', () => {
  it('is 22 base64url characters and never starts with a dash (read as an option by kafka-storage)', () => {
    // About one id in 64 would start with '-' without the rule.
    for (let i = 0; i < 5000; i++) {
      const id = clusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});
