/**
 * Receipts made for tests: a seeded generator of Indian, US, UK and German receipts with known
 * totals, merchants and dates, laid out as tills print them (header, items, subtotal, taxes, tip,
 * total, tender and change) and drawn to PNG with resvg in varied fonts, widths, small rotations,
 * speckle noise, blur and a thermal-paper look. Same seed, same receipts.
 */
import { Resvg } from '@resvg/resvg-js';

export type Region = 'IN' | 'US' | 'UK' | 'DE';

export interface RenderedReceipt {
  id: string;
  region: Region;
  png: Buffer;
  /** The text as printed (before any OCR). */
  printed: string;
  expect: { amountMinor: number; currency: string; merchant: string; date: string };
  /** What made this one harder: font, rotation, noise... */
  look: string;
  /** The owner's settings a receipt of this region would come with. */
  owner: { timeZone: string; currency: string };
}

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

interface Region$ {
  currency: string;
  timeZone: string;
  merchants: readonly { name: string; shown: string; addr: readonly string[] }[];
  items: readonly string[];
}

const REGIONS: Record<Region, Region$> = {
  IN: {
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
    merchants: [
      { name: 'BIG BAZAAR', shown: 'Big Bazaar', addr: ['Phoenix Mall, Lower Parel', 'Mumbai 400013'] },
      { name: 'DMart', shown: 'DMart', addr: ['Avenue Supermarts Ltd', 'Plot 12, Sector 5, Vashi'] },
      { name: 'Reliance Fresh', shown: 'Reliance Fresh', addr: ['Shop No 4, MG Road', 'Pune 411001'] },
      { name: 'MORE SUPERMARKET', shown: 'More Supermarket', addr: ['12 Brigade Road', 'Bengaluru 560025'] },
      { name: 'Apollo Pharmacy', shown: 'Apollo Pharmacy', addr: ['No 7, Anna Nagar', 'Chennai 600040'] },
      { name: 'CHAAYOS', shown: 'Chaayos', addr: ['Cyber Hub, Gurugram', 'Ph: 0124-4567890'] },
    ],
    items: ['Toor Dal 1kg', 'Amul Butter 500g', 'Basmati Rice 5kg', 'Surf Excel', 'Maggi Noodles', 'Tata Salt', 'Parle G', 'Masala Chai', 'Paneer 200g', 'Atta 10kg', 'Dettol Soap', 'Crocin Tablets'],
  },
  US: {
    currency: 'USD',
    timeZone: 'America/New_York',
    merchants: [
      { name: 'WALMART', shown: 'Walmart', addr: ['Supercenter #2291', '1200 Route 22, Union NJ'] },
      { name: "Trader Joe's", shown: "Trader Joe's", addr: ['142 E 14th St', 'New York, NY 10003'] },
      { name: "JOE'S DINER", shown: "Joe's Diner", addr: ['88 Main St, Springfield', '(555) 123-4567'] },
      { name: 'CVS Pharmacy', shown: 'CVS Pharmacy', addr: ['Store 4410', '300 Broadway, Boston MA'] },
      { name: 'Whole Foods Market', shown: 'Whole Foods Market', addr: ['4 Union Square S', 'New York, NY 10003'] },
      { name: 'TARGET', shown: 'Target', addr: ['Store T-1042', '500 Commons Way, Bridgewater'] },
    ],
    items: ['Bananas', 'Organic Milk', 'Sourdough Bread', 'Cheddar Cheese', 'Pancakes', 'Coffee', 'Eggs Dozen', 'Paper Towels', 'Shampoo', 'Orange Juice', 'Burger', 'Fries'],
  },
  UK: {
    currency: 'GBP',
    timeZone: 'Europe/London',
    merchants: [
      { name: 'TESCO', shown: 'Tesco', addr: ['Tesco Stores Ltd', '22 High Street, Camden'] },
      { name: "Sainsbury's", shown: "Sainsbury's", addr: ['Holborn Circus', 'London EC1N 2HT'] },
      { name: 'Pret A Manger', shown: 'Pret A Manger', addr: ['1 Kingsway', 'London WC2B 6XF'] },
      { name: 'BOOTS', shown: 'Boots', addr: ['Boots UK Ltd', '45 Oxford Street'] },
    ],
    items: ['Semi Skimmed Milk', 'Hovis Bread', 'Cheddar', 'Baked Beans', 'Flat White', 'Croissant', 'Paracetamol', 'Teabags 80', 'Apples 6pk', 'Digestives'],
  },
  DE: {
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    merchants: [
      { name: 'REWE', shown: 'REWE', addr: ['REWE Markt GmbH', 'Hauptstr. 12, 10115 Berlin'] },
      { name: 'LIDL', shown: 'Lidl', addr: ['Lidl Dienstleistung', 'Bahnhofstr. 5, 80335 München'] },
      { name: 'EDEKA Neukauf', shown: 'Edeka Neukauf', addr: ['Marktplatz 3', '50667 Köln'] },
      { name: 'Bäckerei Schmidt', shown: 'Bäckerei Schmidt', addr: ['Gartenweg 9', '20095 Hamburg'] },
    ],
    items: ['Bio Milch', 'Vollkornbrot', 'Gouda', 'Äpfel', 'Butter', 'Kaffee', 'Brezel', 'Mineralwasser', 'Joghurt', 'Nudeln'],
  },
};

const FONTS = ['DejaVu Sans Mono', 'DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Condensed'] as const;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function money(minor: number, region: Region, r: () => number, sym: boolean): string {
  const whole = Math.floor(minor / 100);
  const frac = String(minor % 100).padStart(2, '0');
  if (region === 'DE') {
    const w = whole >= 1000 ? `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}` : String(whole);
    return `${w},${frac}${sym ? ' €' : ''}`;
  }
  const grouped = whole >= 1000 && r() < 0.7 ? whole.toLocaleString(region === 'IN' ? 'en-IN' : 'en-US') : String(whole);
  const s = `${grouped}.${frac}`;
  if (!sym) return s;
  return region === 'IN' ? pick(r, ['₹', 'Rs.', 'Rs ']) + s : region === 'US' ? `$${s}` : `£${s}`;
}

function dateText(iso: string, region: Region, r: () => number): string {
  const [y, m, d] = iso.split('-');
  const dd = d!, mm = m!, yy = y!.slice(2);
  if (region === 'US') return pick(r, [`${mm}/${dd}/${y}`, `${mm}/${dd}/${yy}`, `${MON[Number(m) - 1]} ${Number(d)}, ${y}`]);
  if (region === 'DE') return pick(r, [`${dd}.${mm}.${y}`, `${dd}.${mm}.${yy}`]);
  if (region === 'UK') return pick(r, [`${dd}/${mm}/${y}`, `${dd}/${mm}/${yy}`, `${Number(d)} ${MON[Number(m) - 1]} ${y}`]);
  return pick(r, [`${dd}/${mm}/${y}`, `${dd}-${MON[Number(m) - 1]}-${y}`, `${dd}-${mm}-${y}`]);
}

interface Row {
  left: string;
  right?: string;
  center?: boolean;
  bold?: boolean;
}

/** One receipt's rows and truths. */
function compose(region: Region, r: () => number, today: string): { rows: Row[]; expect: RenderedReceipt['expect'] } {
  const R = REGIONS[region];
  const m = pick(r, R.merchants);
  const back = Math.floor(r() * 20);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  const iso = d.toISOString().slice(0, 10);
  const rows: Row[] = [{ left: m.name, center: true, bold: true }, ...m.addr.map((a) => ({ left: a, center: true }))];
  if (region === 'IN' && r() < 0.7) rows.push({ left: `GSTIN: 27AAB${Math.floor(r() * 9000 + 1000)}K1Z5`, center: true });
  if (r() < 0.5) rows.push({ left: pick(r, ['TAX INVOICE', 'Receipt', 'CASH MEMO', 'Kassenbon']), center: true });
  const time = `${String(9 + Math.floor(r() * 12)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
  rows.push({ left: `${region === 'DE' ? 'Datum' : 'Date'}: ${dateText(iso, region, r)}  ${time}` });
  rows.push({ left: `${pick(r, ['Bill No', 'Order #', 'Trans', 'Bon-Nr'])}: ${Math.floor(r() * 90000 + 10000)}` });
  rows.push({ left: '-'.repeat(30) });
  const n = 2 + Math.floor(r() * 5);
  let sub = 0;
  const names = [...R.items].sort(() => r() - 0.5).slice(0, n);
  for (const name of names) {
    const price = region === 'IN' ? Math.round(20 + r() * 600) * 100 + (r() < 0.4 ? 50 : 0) : Math.round(99 + r() * 1500);
    const qty = r() < 0.2 ? 2 : 1;
    sub += price * qty;
    rows.push({ left: qty > 1 ? `${qty} x ${name}` : name, right: money(price * qty, region, r, false) });
  }
  rows.push({ left: '-'.repeat(30) });
  let total = sub;
  const sym = r() < 0.6;
  if (region === 'IN') {
    const gst = r() < 0.6 ? Math.round(sub * 0.025) : 0;
    rows.push({ left: 'Sub Total', right: money(sub, region, r, false) });
    if (gst) {
      rows.push({ left: 'CGST 2.5%', right: money(gst, region, r, false) }, { left: 'SGST 2.5%', right: money(gst, region, r, false) });
      total += 2 * gst;
    }
    rows.push({ left: pick(r, ['TOTAL', 'Grand Total', 'Net Amount', 'Total Amount']), right: money(total, region, r, sym), bold: true });
    if (r() < 0.5) {
      const cash = Math.ceil(total / 50000) * 50000;
      rows.push({ left: 'Cash', right: money(cash, region, r, false) });
      if (cash > total) rows.push({ left: 'Change', right: money(cash - total, region, r, false) });
    } else rows.push({ left: 'Paid by UPI', right: money(total, region, r, false) });
  } else if (region === 'US') {
    const tax = Math.round(sub * 0.08875);
    rows.push({ left: 'SUBTOTAL', right: money(sub, region, r, sym) }, { left: 'Sales Tax 8.875%', right: money(tax, region, r, sym) });
    total += tax;
    rows.push({ left: 'TOTAL', right: money(total, region, r, sym), bold: true });
    if (r() < 0.35) {
      const tip = Math.round(total * 0.18);
      rows.push({ left: 'Tip', right: money(tip, region, r, sym) });
      total += tip;
      rows.push({ left: 'Total', right: money(total, region, r, sym), bold: true });
    }
    rows.push({ left: `VISA **** ${Math.floor(r() * 9000 + 1000)}`, right: money(total, region, r, sym) });
  } else if (region === 'UK') {
    rows.push({ left: pick(r, ['TOTAL', 'Balance Due', 'Total to pay']), right: money(total, region, r, sym), bold: true });
    rows.push({ left: 'Contactless', right: money(total, region, r, sym) });
    rows.push({ left: 'VAT 20% incl', right: money(Math.round(total / 6), region, r, false) });
  } else {
    rows.push({ left: pick(r, ['SUMME EUR', 'Summe', 'Zu zahlen']), right: money(total, region, r, false), bold: true });
    const cash = Math.ceil(total / 500) * 500;
    if (r() < 0.6) {
      rows.push({ left: 'Gegeben BAR', right: money(cash, region, r, false) });
      if (cash > total) rows.push({ left: 'Rückgeld', right: money(cash - total, region, r, false) });
    } else rows.push({ left: 'EC-Karte', right: money(total, region, r, false) });
    rows.push({ left: 'MwSt 7%', right: money(Math.round(total * 0.07 / 1.07), region, r, false) });
  }
  rows.push({ left: pick(r, ['Thank you! Visit again', 'Thank you for shopping', 'Vielen Dank', 'Have a nice day']), center: true });
  return { rows, expect: { amountMinor: total, currency: REGIONS[region].currency, merchant: m.shown, date: iso } };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `count` receipts from `seed`, cycling through the regions; `today` anchors their dates.
 * e.g. renderReceipts(12, 7, '2026-03-02')
 */
export function renderReceipts(count: number, seed: number, today: string, regions: readonly Region[] = ['IN', 'US', 'UK', 'DE']): RenderedReceipt[] {
  const r = rng(seed);
  const out: RenderedReceipt[] = [];
  for (let k = 0; k < count; k++) {
    const region = regions[k % regions.length]!;
    const { rows, expect } = compose(region, r, today);
    const font = pick(r, FONTS);
    const size = 14 + Math.floor(r() * 5);
    const width = 360 + Math.floor(r() * 160);
    const lh = Math.round(size * 1.45);
    const angle = (r() - 0.5) * 5; // ±2.5°
    const thermal = r() < 0.4;
    const noise = r() < 0.5;
    const blur = r() < 0.25;
    const height = rows.length * lh + 60;
    const ink = thermal ? '#555' : '#111';
    const paper = thermal ? '#efece2' : '#ffffff';
    const texts = rows
      .map((row, i) => {
        const y = 40 + i * lh;
        const w = row.bold ? ' font-weight="bold"' : '';
        if (row.center) return `<text x="${width / 2}" y="${y}" text-anchor="middle"${w}>${esc(row.left)}</text>`;
        const left = `<text x="16" y="${y}"${w}>${esc(row.left)}</text>`;
        return row.right ? `${left}<text x="${width - 16}" y="${y}" text-anchor="end"${w}>${esc(row.right)}</text>` : left;
      })
      .join('');
    let specks = '';
    if (noise) for (let s = 0; s < 300; s++) specks += `<circle cx="${(r() * width).toFixed(1)}" cy="${(r() * height).toFixed(1)}" r="${(0.4 + r() * 0.9).toFixed(2)}" fill="#000" opacity="${(0.2 + r() * 0.4).toFixed(2)}"/>`;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 40}" height="${height + 40}">` +
      `<defs><filter id="b"><feGaussianBlur stdDeviation="0.6"/></filter></defs>` +
      `<rect width="100%" height="100%" fill="#8a8a80"/>` +
      `<g transform="translate(20 20) rotate(${angle.toFixed(2)} ${width / 2} ${height / 2})">` +
      `<rect width="${width}" height="${height}" fill="${paper}"/>` +
      `<g font-family="${font}" font-size="${size}" fill="${ink}"${blur ? ' filter="url(#b)"' : ''}>${texts}</g>${specks}</g></svg>`;
    const png = Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng());
    const look = [font, `${size}px`, `${width}px`, `${angle.toFixed(1)}°`, thermal ? 'thermal' : '', noise ? 'noise' : '', blur ? 'blur' : ''].filter(Boolean).join(' ');
    out.push({
      id: `${region}-${seed}-${k}`,
      region,
      png,
      printed: rows.map((row) => (row.right ? `${row.left} ${row.right}` : row.left)).join('\n'),
      expect,
      look,
      owner: { timeZone: REGIONS[region].timeZone, currency: REGIONS[region].currency },
    });
  }
  return out;
}

/** Loose merchant equality: letters and digits only, case-insensitive, either containing the other. */
export function sameMerchant(got: string | null, want: string): boolean {
  if (!got) return false;
  const k = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
  const a = k(got), b = k(want);
  return a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b));
}
