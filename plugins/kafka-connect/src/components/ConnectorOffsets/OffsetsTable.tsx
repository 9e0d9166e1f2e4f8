import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ConnectorOffset } from '@kcs/plugin-kafka-connect-common';
import {
  isMirrorSourcePartition,
  offsetText,
  partitionLabel,
} from './offsetEdits';

/** The listed offsets, one row per partition; with `edits`, the offsets are editable. */
export function OffsetsTable({
  offsets,
  mirrorMaker2,
  edits,
  errors = {},
  onEdit,
}: {
  offsets: ConnectorOffset[];
  /** The offsets of a KafkaMirrorMaker2's connector. */
  mirrorMaker2?: boolean;
  edits?: Record<number, string>;
  errors?: Record<number, string>;
  onEdit?: (index: number, text: string) => void;
}) {
  if (offsets.length === 0) {
    return (
      <Typography variant="body2" data-testid="no-offsets">
        No offsets committed: the connector has not processed anything yet, or
        its offsets were reset.
      </Typography>
    );
  }
  // Unlike a consumer group's, these offsets are of the last record
  // mirrored, not of the next one: say so, as that is what an edit sets.
  const mirrorSource =
    mirrorMaker2 &&
    offsets.some(entry => isMirrorSourcePartition(entry.partition));
  return (
    <>
      <Table size="small" aria-label="Offsets">
        <TableHead>
          <TableRow>
            <TableCell>Partition</TableCell>
            <TableCell>Offset</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {offsets.map((entry, index) => {
            const label = partitionLabel(entry.partition, { mirrorMaker2 });
            return (
              <TableRow key={JSON.stringify(entry.partition)}>
                <TableCell>{label}</TableCell>
                <TableCell>
                  {edits && onEdit ? (
                    <TextField
                      fullWidth
                      size="small"
                      inputProps={{ 'aria-label': `Offset of ${label}` }}
                      value={edits[index] ?? offsetText(entry.offset)}
                      onChange={event => onEdit(index, event.target.value)}
                      error={Boolean(errors[index])}
                      helperText={errors[index]}
                    />
                  ) : (
                    <code>{offsetText(entry.offset)}</code>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {mirrorSource && (
        <Box mt={1}>
          <Typography
            variant="caption"
            color="textSecondary"
            display="block"
            data-testid="mirror-source-offsets-note"
          >
            Each offset is that of the last record mirrored from its source
            partition; mirroring goes on from the next record.
          </Typography>
        </Box>
      )}
    </>
  );
}
