/**
 * @module transport/whatsapp/pairing
 * Shows WhatsApp's pairing QR where the owner can scan it: in the terminal (stderr, so stdout stays
 * clean) and as a PNG under the data dir for a box without a screen (open it over SSH/SMB).
 * Both are refreshed every time WhatsApp rotates the code; the PNG is removed once paired.
 */
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';

/** Writes the QR as a PNG atomically, so a viewer never opens half an image. */
export async function writeQrPng(file: string, qr: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp.png`;
  await QRCode.toFile(tmp, qr, { type: 'png', margin: 2, scale: 8, errorCorrectionLevel: 'L' });
  fs.renameSync(tmp, file);
}

/** The QR drawn with block characters, for the terminal. */
export function qrForTerminal(qr: string): Promise<string> {
  return new Promise((resolve) => qrcodeTerminal.generate(qr, { small: true }, resolve));
}

export function qrPresenter(pngFile: string, out: NodeJS.WritableStream = process.stderr): (qr: string) => Promise<void> {
  return async (qr) => {
    out.write(`\n${await qrForTerminal(qr)}\nScan with WhatsApp › Settings › Linked devices › Link a device (also saved to ${pngFile})\n\n`);
    await writeQrPng(pngFile, qr);
  };
}

export function removeQrPng(file: string): void {
  fs.rmSync(file, { force: true });
}
