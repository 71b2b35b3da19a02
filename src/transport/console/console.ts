/**
 * @module transport/console
 * The console transport: the owner chats with munshi on stdin/stdout through the same durable
 * pipeline as WhatsApp (`MUNSHI_TRANSPORT=console npm start`). Every line is one message from the
 * owner; replies are printed; charts are saved as PNG files and their path printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Clock } from '../../clock/clock.js';
import type { InboundMessage } from '../../core/types.js';
import type { SentMessage, Transport } from '../port.js';

export const CONSOLE_CHAT = 'console';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  clock: Clock;
  /** Distinguishes this run's message ids from earlier runs' in the inbox. */
  runId: string;
  /** Where charts are written. */
  imageDir: string;
  /** Called when the input ends (Ctrl-D), after the last line was handed over. */
  onEnd?(): void;
  /** Show a prompt (interactive terminal). */
  prompt?: boolean;
}

export class ConsoleTransport implements Transport {
  private rl: Interface | null = null;
  private n = 0;
  private sent = 0;

  constructor(private readonly o: ConsoleOptions) {}

  async start(onMessage: (m: InboundMessage) => Promise<void>): Promise<void> {
    const rl = createInterface({ input: this.o.input, terminal: false });
    this.rl = rl;
    if (this.o.prompt) this.o.output.write('munshi · type an expense ("chai 20") or a question ("how much this week?"); Ctrl-D to quit\n');
    let chain = Promise.resolve();
    rl.on('line', (line) => {
      if (!line.trim()) return;
      const msg: InboundMessage = {
        id: `console:${this.o.runId}:${++this.n}`,
        chatId: CONSOLE_CHAT,
        senderId: 'me',
        owner: 'me',
        text: line,
        timestamp: this.o.clock.now(),
      };
      chain = chain.then(() => onMessage(msg));
    });
    rl.on('close', () => {
      void chain.then(() => this.o.onEnd?.());
    });
  }

  private write(text: string): void {
    this.o.output.write(text.split('\n').map((l, i) => (i ? '         ' : 'munshi › ') + l).join('\n') + '\n');
  }

  async sendText(_chatId: string, text: string): Promise<SentMessage> {
    this.write(text);
    return { id: `console:${this.o.runId}:out:${++this.sent}` };
  }

  async sendImage(_chatId: string, png: Buffer, caption?: string): Promise<SentMessage> {
    fs.mkdirSync(this.o.imageDir, { recursive: true });
    const file = path.join(this.o.imageDir, `chart-${this.o.runId}-${++this.sent}.png`);
    fs.writeFileSync(file, png);
    this.write(`${caption ? caption + '\n' : ''}🖼️ ${file}`);
    return { id: `console:${this.o.runId}:out:${this.sent}` };
  }

  async setTyping(): Promise<void> {}

  async react(_chatId: string, _messageId: string, emoji: string): Promise<void> {
    this.o.output.write(`         ${emoji}\n`);
  }

  async stop(): Promise<void> {
    this.rl?.close();
    this.rl = null;
  }
}
