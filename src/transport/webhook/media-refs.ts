/**
 * @module transport/webhook/media-refs
 * Where the media of an accepted message can be fetched again: the official APIs name a voice
 * note or photo by a media id or URL that only the webhook carried, and the inbox keeps the
 * message, not that reference. After a crash before a voice note was transcribed, the restarted
 * daemon needs it; so the references of recent media messages are kept in a small JSON file
 * (written whole, temp file + rename), the newest few hundred.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InboundMedia } from '../../core/types.js';

export interface MediaRef {
  kind: InboundMedia['kind'];
  mimeType: string;
  /** The provider's handle: a Graph media id, or a Twilio media URL. */
  ref: string;
  sha256?: string | null;
}

export class MediaRefs {
  private readonly refs = new Map<string, MediaRef>();

  constructor(
    /** null keeps them in memory only (tests). */
    private readonly file: string | null,
    private readonly max = 300,
  ) {
    if (!file) return;
    try {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, MediaRef>;
      for (const [id, r] of Object.entries(saved)) if (r && typeof r.ref === 'string') this.refs.set(id, r);
    } catch {
      // no file yet, or unreadable: start empty
    }
  }

  get(messageId: string): MediaRef | null {
    return this.refs.get(messageId) ?? null;
  }

  set(messageId: string, ref: MediaRef): void {
    this.refs.delete(messageId);
    this.refs.set(messageId, ref);
    while (this.refs.size > this.max) this.refs.delete(this.refs.keys().next().value!);
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.refs)), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // A lost reference only matters after a crash mid-transcription; never fail a message for it.
    }
  }
}
