import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import type { FailingTask } from '@kcs/plugin-kafka-connect-common';
import { useState } from 'react';

const PREVIEW_LINES = 3;

/** Failing tasks with worker and the first lines of the trace; the full trace in a dialog. */
export function FailingTasks({
  connector,
  tasks,
  taskAction,
}: {
  connector: string;
  tasks: FailingTask[];
  /** A control shown next to each failed task (restart). */
  taskAction?: (task: FailingTask) => React.ReactNode;
}) {
  const [open, setOpen] = useState<FailingTask>();
  return (
    <Box>
      {tasks.map(task => (
        <Box
          key={task.id}
          mt={1}
          data-testid={`failing-task-${connector}-${task.id}`}
        >
          <Typography variant="body2" style={{ overflowWrap: 'anywhere' }}>
            <strong>Task {task.id}</strong> {task.state.toLowerCase()}
            {task.workerId ? ` on ${task.workerId}` : ''}
          </Typography>
          {task.state === 'FAILED' && taskAction?.(task)}
          {task.trace && (
            <>
              <Box
                component="pre"
                fontSize="0.75rem"
                m={0}
                // Trace lines stay whole (a class name broken mid-word reads
                // badly); a long one scrolls instead of widening the card.
                style={{ whiteSpace: 'pre', overflowX: 'auto' }}
              >
                {task.trace.split('\n').slice(0, PREVIEW_LINES).join('\n')}
              </Box>
              <Button size="small" onClick={() => setOpen(task)}>
                Full trace
              </Button>
            </>
          )}
        </Box>
      ))}
      <Dialog
        open={Boolean(open)}
        onClose={() => setOpen(undefined)}
        maxWidth="lg"
        fullWidth
      >
        <DialogTitle>
          {connector}: task {open?.id} trace
        </DialogTitle>
        <DialogContent>
          <Box
            component="pre"
            fontSize="0.75rem"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {open?.trace}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(undefined)}>Close</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
