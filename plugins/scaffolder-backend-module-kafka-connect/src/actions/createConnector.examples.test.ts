import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { createConnectorAction } from './createConnector';
import { examples } from './createConnector.examples';

describe('createConnector examples', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_d, example) => {
      const workspacePath = fs.mkdtempSync(
        path.join(os.tmpdir(), 'kc-example-'),
      );
      const applier = fakeApplier();
      const action = createConnectorAction({
        blueprints: BlueprintRegistry.load([]),
        directory: fakeDirectory(),
        applier,
        ...openAccess(),
      });
      const input = parse(example).steps[0].input;
      const ctx = createMockActionContext({ input, workspacePath });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('changed', true);
      // apply calls the cluster and writes nothing; the others write their file only
      const files = fs.readdirSync(workspacePath, { recursive: true });
      expect({
        applied: (applier.apply as jest.Mock).mock.calls.length,
        hasFile: files.includes(input.filePath),
        empty: files.length === 0,
      }).toEqual({
        applied: input.output === 'apply' ? 1 : 0,
        hasFile: input.output !== 'apply',
        empty: input.output === 'apply',
      });
    },
  );
});
