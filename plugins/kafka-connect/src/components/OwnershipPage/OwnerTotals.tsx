import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ConnectorHealth, NO_OWNER } from '@kcs/plugin-kafka-connect-common';
import { HEALTHS_WORST_FIRST } from '../connectorDisplay';
import { useHealthColor } from '../healthColor';

type Counts = Partial<Record<ConnectorHealth, number>>;

export interface OwnerTotal {
  owner: string;
  byHealth: Counts;
  total: number;
}

/**
 * Owners worst first: most failed, then most degraded, and so on down to
 * healthy; then by name. Nobody's connectors (`none`) are one of them.
 */
export function ownerTotals(byOwner: Record<string, Counts>): OwnerTotal[] {
  const totals = Object.entries(byOwner).map(([owner, byHealth]) => ({
    owner,
    byHealth,
    total: Object.values(byHealth).reduce((sum, n) => sum + (n ?? 0), 0),
  }));
  return totals.sort((a, b) => {
    for (const health of HEALTHS_WORST_FIRST) {
      const difference = (b.byHealth[health] ?? 0) - (a.byHealth[health] ?? 0);
      if (difference !== 0) {
        return difference;
      }
    }
    return a.owner.localeCompare(b.owner);
  });
}

/** The fleet's totals per health: the sum over owners. */
export function fleetTotals(byOwner: Record<string, Counts>): Counts {
  const fleet: Counts = {};
  for (const counts of Object.values(byOwner)) {
    for (const [health, n] of Object.entries(counts)) {
      fleet[health as ConnectorHealth] =
        (fleet[health as ConnectorHealth] ?? 0) + (n ?? 0);
    }
  }
  return fleet;
}

/** Connectors per health of each owner, worst owner first; "show" filters the list below to that owner. */
export function OwnerTotals({
  byOwner,
  onShow,
}: {
  byOwner: Record<string, Counts>;
  onShow: (owner: string) => void;
}) {
  const colorOf = useHealthColor();
  const owners = ownerTotals(byOwner);
  const fleet = fleetTotals(byOwner);
  const healths = HEALTHS_WORST_FIRST.filter(health => fleet[health]);
  return (
    <Box maxHeight={320} overflow="auto" data-testid="owner-totals">
      <Table
        size="small"
        stickyHeader
        aria-label="Connectors per owner and health"
      >
        <TableHead>
          <TableRow>
            <TableCell>Owner</TableCell>
            {healths.map(health => (
              <TableCell
                key={health}
                align="right"
                style={{ whiteSpace: 'nowrap' }}
              >
                <Box
                  component="span"
                  display="inline-block"
                  width={8}
                  height={8}
                  mr={0.5}
                  borderRadius="50%"
                  style={{ backgroundColor: colorOf(health) }}
                />
                {health}
              </TableCell>
            ))}
            <TableCell align="right">Total</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {owners.map(({ owner, byHealth, total }) => (
            <TableRow key={owner} data-testid={`owner-total-${owner}`}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {owner === NO_OWNER ? (
                  <Typography variant="body2" color="textSecondary">
                    no owner
                  </Typography>
                ) : (
                  <EntityRefLink entityRef={owner} />
                )}
              </TableCell>
              {healths.map(health => (
                <TableCell key={health} align="right">
                  {byHealth[health] ? (
                    <strong>{byHealth[health]}</strong>
                  ) : (
                    <Typography
                      variant="body2"
                      color="textSecondary"
                      component="span"
                    >
                      0
                    </Typography>
                  )}
                </TableCell>
              ))}
              <TableCell align="right">{total}</TableCell>
              <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => onShow(owner)}
                  aria-label={`Show the connectors of ${
                    owner === NO_OWNER ? 'nobody' : owner
                  }`}
                >
                  show
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
