import { InputError } from '@backstage/errors';
import { validateConnectorAction } from './validateConnectorAction';

const connector = { kind: 'KafkaConnector' } as const;
const mirror = {
  kind: 'KafkaMirrorMaker2',
  connectorNames: ['eu->us.MirrorSourceConnector'],
} as const;

function refusal(body: unknown, target: any = connector): string {
  try {
    validateConnectorAction(body, target);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('validateConnectorAction', () => {
  it('accepts every KafkaConnector action with its options', () => {
    expect(validateConnectorAction({ action: 'pause' }, connector)).toEqual({
      action: 'pause',
    });
    expect(validateConnectorAction({ action: 'resume' }, connector)).toEqual({
      action: 'resume',
    });
    expect(validateConnectorAction({ action: 'stop' }, connector)).toEqual({
      action: 'stop',
    });
    expect(
      validateConnectorAction(
        { action: 'restart', includeTasks: true, onlyFailed: true },
        connector,
      ),
    ).toEqual({ action: 'restart', includeTasks: true, onlyFailed: true });
    expect(validateConnectorAction({ action: 'restart' }, connector)).toEqual({
      action: 'restart',
    });
    expect(
      validateConnectorAction({ action: 'restart-task', taskId: 0 }, connector),
    ).toEqual({ action: 'restart-task', taskId: 0 });
    expect(
      validateConnectorAction({ action: 'scale', tasksMax: 4 }, connector),
    ).toEqual({ action: 'scale', tasksMax: 4 });
  });

  it('refuses bodies that are not objects or name no known action', () => {
    expect(refusal(null)).toMatch(/JSON object/);
    expect(refusal([{ action: 'pause' }])).toMatch(/JSON object/);
    expect(refusal({})).toMatch(/'action' must be one of .*not missing/);
    expect(refusal({ action: 'delete' })).toMatch(/not "delete"/);
  });

  it('refuses unknown fields, naming them', () => {
    expect(refusal({ action: 'pause', force: true })).toMatch(
      /'pause' takes only the fields connector; remove 'force'/,
    );
    expect(refusal({ action: 'restart', tasks: true })).toMatch(
      /only the fields includeTasks, onlyFailed, connector; remove 'tasks'/,
    );
  });

  it('checks option types and ranges', () => {
    expect(refusal({ action: 'restart', includeTasks: 'yes' })).toMatch(
      /'includeTasks' must be true or false/,
    );
    expect(refusal({ action: 'restart', onlyFailed: true })).toMatch(
      /'onlyFailed' needs 'includeTasks'/,
    );
    expect(refusal({ action: 'restart-task' })).toMatch(
      /'taskId' must be a whole number from 0 to 999, not missing/,
    );
    expect(refusal({ action: 'restart-task', taskId: -1 })).toMatch(/taskId/);
    expect(refusal({ action: 'restart-task', taskId: 1.5 })).toMatch(/taskId/);
    expect(refusal({ action: 'restart-task', taskId: '1' })).toMatch(/taskId/);
    expect(refusal({ action: 'scale', tasksMax: 0 })).toMatch(
      /'tasksMax' must be a whole number from 1 to 1000/,
    );
    expect(refusal({ action: 'scale', tasksMax: 1001 })).toMatch(/tasksMax/);
  });

  it("refuses 'connector' on a KafkaConnector", () => {
    expect(refusal({ action: 'restart', connector: 'x' })).toMatch(
      /only to KafkaMirrorMaker2/,
    );
  });

  it('needs a known connector name for KafkaMirrorMaker2 restarts', () => {
    expect(
      validateConnectorAction(
        { action: 'restart', connector: 'eu->us.MirrorSourceConnector' },
        mirror,
      ),
    ).toEqual({ action: 'restart', connector: 'eu->us.MirrorSourceConnector' });
    expect(
      validateConnectorAction(
        {
          action: 'restart-task',
          connector: 'eu->us.MirrorSourceConnector',
          taskId: 2,
        },
        mirror,
      ),
    ).toEqual({
      action: 'restart-task',
      connector: 'eu->us.MirrorSourceConnector',
      taskId: 2,
    });
    expect(refusal({ action: 'restart' }, mirror)).toMatch(
      /'connector' is required .*one of eu->us.MirrorSourceConnector/,
    );
    expect(refusal({ action: 'restart', connector: 'other' }, mirror)).toMatch(
      /not 'other'/,
    );
    expect(
      validateConnectorAction(
        {
          action: 'restart',
          connector: 'eu->us.MirrorSourceConnector',
          includeTasks: true,
          onlyFailed: true,
        },
        mirror,
      ),
    ).toEqual({
      action: 'restart',
      connector: 'eu->us.MirrorSourceConnector',
      includeTasks: true,
      onlyFailed: true,
    });
  });

  it('accepts any non-empty connector name when the MirrorMaker 2 reports none yet', () => {
    expect(
      validateConnectorAction(
        { action: 'restart', connector: 'a->b.MirrorCheckpointConnector' },
        { kind: 'KafkaMirrorMaker2' },
      ),
    ).toEqual({
      action: 'restart',
      connector: 'a->b.MirrorCheckpointConnector',
    });
  });

  it('takes state changes per connector of a KafkaMirrorMaker2, and refuses scaling', () => {
    for (const action of ['pause', 'resume', 'stop']) {
      expect(
        validateConnectorAction(
          { action, connector: 'eu->us.MirrorSourceConnector' },
          mirror,
        ),
      ).toEqual({ action, connector: 'eu->us.MirrorSourceConnector' });
      expect(refusal({ action }, mirror)).toMatch(
        /'connector' is required for a KafkaMirrorMaker2/,
      );
    }
    expect(refusal({ action: 'scale', tasksMax: 2 }, mirror)).toMatch(
      /not available for a KafkaMirrorMaker2.*spec\.mirrors/,
    );
  });

  it('turns automatic restart on or off, and names the missing field', () => {
    expect(
      validateConnectorAction(
        { action: 'auto-restart', enabled: false },
        connector,
      ),
    ).toEqual({ action: 'auto-restart', enabled: false });
    expect(
      validateConnectorAction(
        {
          action: 'auto-restart',
          enabled: true,
          connector: 'eu->us.MirrorSourceConnector',
        },
        mirror,
      ),
    ).toEqual({
      action: 'auto-restart',
      enabled: true,
      connector: 'eu->us.MirrorSourceConnector',
    });
    expect(refusal({ action: 'auto-restart' }, connector)).toMatch(
      /Field 'enabled' is required for action 'auto-restart'/,
    );
    expect(
      refusal({ action: 'auto-restart', enabled: 'yes' }, connector),
    ).toMatch(/Field 'enabled' must be true or false/);
  });
});
