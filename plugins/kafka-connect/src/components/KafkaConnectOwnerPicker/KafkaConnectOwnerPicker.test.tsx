import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import {
  KafkaConnectOwnerPicker,
  OTHER_GROUPS,
  YOUR_GROUPS,
} from './KafkaConnectOwnerPicker';
import { orderOwnerChoices } from './ownerChoices';

function group(name: string, displayName?: string, namespace = 'default') {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: displayName ? { profile: { displayName } } : {},
  };
}

const GROUPS = [
  group('team-analytics', 'Analytics'),
  group('platform-team'),
  group('team-orders', 'Orders'),
  group('team-billing'),
];
const GUEST = [
  'user:default/guest',
  'group:default/team-orders',
  'group:default/team-billing',
];

describe('orderOwnerChoices', () => {
  it("puts the user's own groups first, each part by label", () => {
    expect(orderOwnerChoices(GROUPS, GUEST)).toEqual([
      {
        ref: 'group:default/team-orders',
        label: 'Orders (team-orders)',
        mine: true,
      },
      { ref: 'group:default/team-billing', label: 'team-billing', mine: true },
      {
        ref: 'group:default/team-analytics',
        label: 'Analytics (team-analytics)',
        mine: false,
      },
      {
        ref: 'group:default/platform-team',
        label: 'platform-team',
        mine: false,
      },
    ]);
  });

  it('compares refs case-insensitively and names other namespaces', () => {
    const choices = orderOwnerChoices(
      [group('Team-Orders'), group('ops', undefined, 'infra')],
      ['group:default/team-orders'],
    );
    expect(choices.map(c => [c.label, c.mine])).toEqual([
      ['Team-Orders', true],
      ['infra/ops', false],
    ]);
  });
});

describe('KafkaConnectOwnerPicker', () => {
  it("lists the user's groups under their own heading before the others and sends the picked ref", async () => {
    const onChange = jest.fn();
    const catalogApi = {
      getEntities: jest.fn(async () => ({ items: GROUPS })),
    };
    const identityApi = {
      getBackstageIdentity: async () => ({
        type: 'user' as const,
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: GUEST,
      }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApi],
          [identityApiRef, identityApi],
        ]}
      >
        <KafkaConnectOwnerPicker
          {...({
            onChange,
            formData: undefined,
            required: true,
            rawErrors: [],
            schema: { title: 'Owner' },
            uiSchema: {},
            idSchema: { $id: 'root_owner' },
          } as any)}
        />
      </TestApiProvider>,
    );
    const input = screen.getByLabelText(/Owner/);
    fireEvent.mouseDown(input);
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox)
      .getAllByRole('option')
      .map(option => option.textContent);
    expect(options).toEqual([
      'Orders (team-orders)',
      'team-billing',
      'Analytics (team-analytics)',
      'platform-team',
    ]);
    expect(within(listbox).getByText(YOUR_GROUPS)).toBeInTheDocument();
    expect(within(listbox).getByText(OTHER_GROUPS)).toBeInTheDocument();
    fireEvent.click(within(listbox).getByText('team-billing'));
    expect(onChange).toHaveBeenCalledWith('group:default/team-billing');
  });
});
