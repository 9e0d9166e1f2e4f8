import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { ConnectorHealth } from '@kcs/plugin-kafka-connect-common';
import { HEALTHS_WORST_FIRST } from './connectorDisplay';
import { useHealthColor } from './healthColor';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  dot: {
    width: 10,
    height: 10,
    borderRadius: '50%',
    marginLeft: theme.spacing(1),
    flexShrink: 0,
  },
}));

/**
 * Counts per health as chips, worst first; a click shows only that health,
 * a second click (or "All") everything again. Healths with no connector have
 * no chip, except the one selected.
 */
export function HealthChips({
  total,
  byHealth,
  selected,
  onSelect,
  testId = 'health-chips',
}: {
  total: number;
  byHealth: Partial<Record<ConnectorHealth, number>>;
  selected?: ConnectorHealth;
  onSelect: (health: ConnectorHealth | undefined) => void;
  testId?: string;
}) {
  const classes = useStyles();
  const colorOf = useHealthColor();
  return (
    <Box
      className={classes.chips}
      data-testid={testId}
      role="group"
      aria-label="Filter by health"
    >
      <Chip
        size="small"
        label={`All ${total}`}
        color={selected ? 'default' : 'primary'}
        variant={selected ? 'outlined' : 'default'}
        onClick={() => onSelect(undefined)}
        aria-pressed={!selected}
      />
      {HEALTHS_WORST_FIRST.filter(
        health => byHealth[health] || health === selected,
      ).map(health => (
        <Chip
          key={health}
          size="small"
          data-testid={`health-chip-${health}`}
          icon={
            <span
              className={classes.dot}
              style={{ backgroundColor: colorOf(health) }}
            />
          }
          label={`${byHealth[health] ?? 0} ${health}`}
          color={selected === health ? 'primary' : 'default'}
          variant={selected === health ? 'default' : 'outlined'}
          onClick={() => onSelect(selected === health ? undefined : health)}
          aria-pressed={selected === health}
        />
      ))}
    </Box>
  );
}
