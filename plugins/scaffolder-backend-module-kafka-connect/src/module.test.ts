import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleKafkaConnect } from './module';

describe('scaffolderModuleKafkaConnect', () => {
  it('registers with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleKafkaConnect],
    });
    expect(addActions).toHaveBeenCalled();
  });
});
