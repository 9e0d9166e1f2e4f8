import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory } from '../__fixtures__/fakes';
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
      });
      const input = parse(example).steps[0].input;
      const ctx = createMockActionContext({ input, workspacePath });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('changed', true);
      if (input.output === 'apply') {
        expect(applier.apply).toHaveBeenCalledTimes(1);
      } else {
        const written = fs.readFileSync(
          path.join(workspacePath, input.filePath),
          'utf8',
        );
        expect(written).toContain(
          input.blueprint === 'debezium-mysql-source'
            ? 'ordersmysql-shop-orders-v1'
            : 'orderspostgres-billing-invoices-v2',
        );
      }
    },
  );
});
