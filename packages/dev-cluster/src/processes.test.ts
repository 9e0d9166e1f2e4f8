import { spawn } from 'node:child_process';
import net from 'node:net';
import {
  freePort,
  isAlive,
  isPortTaken,
  sleep,
  startWatchdog,
  stopProcess,
} from './processes';

describe('processes', () => {
  it('allocates a loopback port that can be bound', async () => {
    const port = await freePort();
    expect(await isPortTaken(port)).toBe(false);
    const server = net.createServer().listen(port, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    expect(await isPortTaken(port)).toBe(true);
    await new Promise(resolve => server.close(resolve));
  });

  it('stops a process that ignores TERM by killing it', async () => {
    const child = spawn('bash', ['-c', 'trap "" TERM; sleep 30'], {
      stdio: 'ignore',
    });
    await sleep(200);
    expect(isAlive(child.pid)).toBe(true);
    await stopProcess(child.pid, 300);
    expect(isAlive(child.pid)).toBe(false);
  });

  it('the watchdog kills guarded processes once the owner is gone', async () => {
    const owner = spawn('sleep', ['1'], { stdio: 'ignore' });
    const guarded = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    startWatchdog(owner.pid!, () => [guarded.pid!]);
    expect(isAlive(guarded.pid)).toBe(true);
    const deadline = Date.now() + 8000;
    while (isAlive(guarded.pid) && Date.now() < deadline) {
      await sleep(100);
    }
    expect(isAlive(guarded.pid)).toBe(false);
  }, 10_000);
});
