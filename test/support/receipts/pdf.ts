/**
 * A minimal one-page PDF with a real text layer (Helvetica, one text object per line, amounts
 * right-aligned as a bill prints them), written byte by byte with a correct xref table, so the
 * PDF path is tested on a file pdf.js parses like any bill, without a PDF library. `scanned`
 * makes a page with no text at all (a scan without OCR).
 */
export function textPdf(rows: readonly { left: string; right?: string }[], o: { scanned?: boolean } = {}): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const ops: string[] = [];
  rows.forEach((r, i) => {
    const y = 800 - i * 18;
    ops.push(`BT /F1 11 Tf 40 ${y} Td (${esc(r.left)}) Tj ET`);
    if (r.right) ops.push(`BT /F1 11 Tf ${520 - r.right.length * 6} ${y} Td (${esc(r.right)}) Tj ET`);
  });
  const stream = o.scanned ? '0.9 g 40 400 500 400 re f' : ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
