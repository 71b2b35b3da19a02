/**
 * @module transport/status-file
 * The daemon's small status file (data/status.json): connection state, last event, last error,
 * pid. `cli status` reads it to say whether WhatsApp is connected without talking to the daemon.
 * Written atomically (temp file + rename) so a reader never sees half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock/clock.js';
import type { TransportState } from './port.js';

export interface DaemonStatus {
  pid: number;
  transport: string;
  state: TransportState;
  /** When the state last changed. */
  since: string;
  startedAt: string;
  /** The last sign of life from the network (event, heartbeat, message). */
  lastEventAt: string | null;
  lastError: { at: string; message: string } | null;
  /** When WhatsApp last confirmed the session (the device is paired). */
  authenticatedAt: string | null;
  /** The linked account's ids once connected. */
  account: string[];
  updatedAt: string;
}

/** Writes the status file; a lastEventAt-only update is written at most once a second. */
export class StatusFile {
  private status: DaemonStatus;
  private lastWrite = 0;

  constructor(
    readonly file: string,
    private readonly clock: Clock,
    transport: string,
  ) {
    const now = clock.now().toISOString();
    const prev = readStatus(file);
    this.status = {
      pid: process.pid,
      transport,
      state: 'starting',
      since: now,
      startedAt: now,
      lastEventAt: null,
      lastError: prev?.lastError ?? null,
      authenticatedAt: prev?.authenticatedAt ?? null,
      account: prev?.account ?? [],
      updatedAt: now,
    };
    this.write();
  }

  get current(): Readonly<DaemonStatus> {
    return this.status;
  }

  setState(state: TransportState): void {
    if (state === this.status.state) return;
    this.status.state = state;
    this.status.since = this.clock.now().toISOString();
    this.write();
  }

  event(): void {
    this.status.lastEventAt = this.clock.now().toISOString();
    if (this.clock.now().getTime() - this.lastWrite >= 1000) this.write();
  }

  error(message: string): void {
    this.status.lastError = { at: this.clock.now().toISOString(), message: message.slice(0, 500) };
    this.write();
  }

  authenticated(): void {
    this.status.authenticatedAt = this.clock.now().toISOString();
    this.write();
  }

  account(ids: string[]): void {
    this.status.account = ids;
    this.write();
  }

  private write(): void {
    this.status.updatedAt = this.clock.now().toISOString();
    this.lastWrite = this.clock.now().getTime();
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(this.status, null, 2) + '\n');
      fs.renameSync(tmp, this.file);
    } catch {
      // The status file is a convenience; never let it stop the daemon.
    }
  }
}

export function readStatus(file: string): DaemonStatus | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DaemonStatus;
  } catch {
    return null;
  }
}

/** Whether a process with this pid is alive (signal 0 checks without touching it). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
