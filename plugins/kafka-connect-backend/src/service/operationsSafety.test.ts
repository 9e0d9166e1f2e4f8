import { ConfigReader } from '@backstage/config';
import { readOperationsSafety } from './operationsSafety';

function safetyOf(config: object) {
  return readOperationsSafety(new ConfigReader(config));
}

describe('readOperationsSafety', () => {
  it('is quiet when permissions are on and the policy is declared', () => {
    expect(
      safetyOf({
        permission: { enabled: true },
        kafkaConnect: {
          operations: { policyHandlesOperate: true, requireOwnerPolicy: true },
        },
      }),
    ).toEqual({});
  });

  it('warns, but allows, when a fresh app runs the allow-all policy', () => {
    const safety = safetyOf({ permission: { enabled: true } });
    expect(safety.refusal).toBeUndefined();
    expect(safety.warning).toContain('allow-all policy');
    expect(safety.warning).toContain(
      'kafkaConnect.operations.policyHandlesOperate: true',
    );
    expect(safety.warning).toContain(
      'kafkaConnect.operations.requireOwnerPolicy',
    );
  });

  it('warns when permissions are disabled, even with the policy declared', () => {
    const safety = safetyOf({
      kafkaConnect: { operations: { policyHandlesOperate: true } },
    });
    expect(safety.refusal).toBeUndefined();
    expect(safety.warning).toContain('permission.enabled is not true');
  });

  it('refuses operations when required and no policy is declared', () => {
    const safety = safetyOf({
      permission: { enabled: true },
      kafkaConnect: { operations: { requireOwnerPolicy: true } },
    });
    expect(safety.warning).toContain('operations are refused');
    expect(safety.refusal).toContain(
      'kafkaConnect.operations.policyHandlesOperate',
    );
  });

  it('refuses operations when required and permissions are disabled', () => {
    const safety = safetyOf({
      permission: { enabled: false },
      kafkaConnect: {
        operations: { policyHandlesOperate: true, requireOwnerPolicy: true },
      },
    });
    expect(safety.warning).toContain('permission.enabled is not true');
    expect(safety.refusal).toContain('requireOwnerPolicy is true');
  });
});
