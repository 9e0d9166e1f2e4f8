import Box from '@material-ui/core/Box';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { useState } from 'react';
import { ConnectorActions } from './ConnectorActions';
import { ConnectorDetails } from './ConnectorDetails';
import { causeOf } from './connectorDisplay';
import { ConnectorHealthStatus } from './ConnectorHealthStatus';
import { ConnectorHealthTimeline } from './ConnectorHealthTimeline';
import { formatTasks } from './formatTasks';

const useStyles = makeStyles(theme => ({
  table: { tableLayout: 'auto' },
  head: { whiteSpace: 'nowrap' },
  expander: { width: 1, padding: theme.spacing(0, 0.5) },
  // The connector column takes the room left; its cause line is cut with an ellipsis instead of widening the card.
  connector: { width: '100%', maxWidth: 0 },
  name: { overflowWrap: 'break-word' },
  cause: { display: 'block' },
  nowrap: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  top: { verticalAlign: 'top' },
  details: { paddingTop: 0, paddingBottom: 0 },
  closed: { borderBottom: 'none' },
  // The theme stripes odd rows; with a details row after each, every connector would be striped.
  row: { '&&': { backgroundColor: 'transparent' } },
  where: { whiteSpace: 'nowrap' },
  openRow: { '& > td': { borderBottom: 'none' } },
}));

/** Values that occur more than once. */
function repeated(values: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    (seen.has(value) ? twice : seen).add(value);
  }
  return twice;
}

const keyOf = (item: ConnectorSummary) =>
  `${item.cluster}/${item.namespace}/${item.name}`;

/**
 * One line per connector (name and the root cause of what is wrong, health
 * with its history, tasks, actions); a row opens to its details.
 */
export function ConnectorRows({
  items,
  onDone,
}: {
  /** In the order to show them. */
  items: ConnectorSummary[];
  onDone: () => void;
}) {
  const classes = useStyles();
  const sameName = repeated(items.map(item => item.name));
  const sameNameInCluster = repeated(
    items.map(item => `${item.cluster}/${item.name}`),
  );
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen(current => {
      const next = new Set(current);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  return (
    <Table size="small" aria-label="Kafka connectors" className={classes.table}>
      <TableHead>
        <TableRow>
          <TableCell className={classes.expander} />
          <TableCell className={classes.head}>Connector</TableCell>
          <TableCell className={classes.head}>Health</TableCell>
          <TableCell className={classes.head}>Tasks</TableCell>
          <TableCell className={classes.head}>
            <span className="MuiTypography-srOnly">Actions</span>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {/* One flat list of keyed rows: a connector whose health moves it
            up or down keeps its row (and an open dialog in its menu). */}
        {items.flatMap(item => {
          const key = keyOf(item);
          const isOpen = open.has(key);
          const cause = causeOf(item);
          return [
            <TableRow
              key={key}
              data-testid={`connector-row-${item.name}`}
              className={`${classes.row} ${isOpen ? classes.openRow : ''}`}
            >
              <TableCell className={`${classes.expander} ${classes.top}`}>
                <IconButton
                  size="small"
                  aria-label={`${isOpen ? 'Hide' : 'Show'} details of ${
                    item.name
                  }`}
                  aria-expanded={isOpen}
                  onClick={() => toggle(key)}
                >
                  {isOpen ? (
                    <KeyboardArrowDownIcon />
                  ) : (
                    <KeyboardArrowRightIcon />
                  )}
                </IconButton>
              </TableCell>
              <TableCell className={`${classes.connector} ${classes.top}`}>
                <Typography variant="body2" className={classes.name}>
                  {item.name}
                  {sameName.has(item.name) && (
                    <Typography
                      component="span"
                      variant="caption"
                      color="textSecondary"
                      className={classes.where}
                    >
                      {' '}
                      · {item.cluster}
                      {sameNameInCluster.has(`${item.cluster}/${item.name}`)
                        ? `/${item.namespace}`
                        : ''}
                    </Typography>
                  )}
                </Typography>
                {cause && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    noWrap
                    className={classes.cause}
                    title={cause}
                    data-testid={`root-cause-${item.name}`}
                  >
                    {cause}
                  </Typography>
                )}
                {item.stale && (
                  <Typography variant="caption" color="error" display="block">
                    last known state
                  </Typography>
                )}
              </TableCell>
              <TableCell className={classes.nowrap}>
                <ConnectorHealthStatus health={item.health} />
                <ConnectorHealthTimeline connector={item} />
              </TableCell>
              <TableCell className={classes.nowrap}>
                {formatTasks(item)}
              </TableCell>
              <TableCell className={classes.nowrap}>
                <ConnectorActions connector={item} onDone={onDone} />
              </TableCell>
            </TableRow>,
            <TableRow key={`${key}/details`} className={classes.row}>
              <TableCell
                colSpan={5}
                className={`${classes.details} ${isOpen ? '' : classes.closed}`}
              >
                <Collapse in={isOpen} unmountOnExit>
                  {/* Zero width for the table's layout, the row's width in the end: a long trace line scrolls in the details instead of widening the card. */}
                  <Box
                    pl={5}
                    style={{
                      width: 0,
                      minWidth: '100%',
                      boxSizing: 'border-box',
                    }}
                  >
                    <ConnectorDetails item={item} onDone={onDone} />
                  </Box>
                </Collapse>
              </TableCell>
            </TableRow>,
          ];
        })}
      </TableBody>
    </Table>
  );
}
