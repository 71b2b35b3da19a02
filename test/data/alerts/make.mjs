#!/usr/bin/env node
// Writes the alert evaluation corpus (india.jsonl, west.jsonl) from the templates below.
//   node test/data/alerts/make.mjs
// The templates were written by munshi's alerts engineer from public descriptions of bank, card,
// UPI and payment-app alert formats (open-source SMS parsers' fixtures and docs found with the
// project's search tool, bank help pages): the wording of each bank's text is paraphrased from
// those, the merchants, amounts, accounts, dates and references are filled in deterministically.
// It is NOT a blind set: the same person wrote the reader. Each line: the text and what it must
// give: kind, amount (major units), currency, merchant (as a person would name it, or null),
// category (primary, for debits), date (ISO, as the alert prints it, or null).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let seed = 20260115;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Dates before the reference day (2026-01-15): Dec 2025 and Jan 2026.
function day() {
  const d = new Date(Date.UTC(2026, 0, 14) - int(0, 40) * 86400000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), iso: d.toISOString().slice(0, 10) };
}
const inDate = {
  dmy2: (t) => `${pad(t.d)}-${pad(t.m)}-${String(t.y).slice(2)}`,
  dmy2s: (t) => `${pad(t.d)}/${pad(t.m)}/${String(t.y).slice(2)}`,
  dmy4: (t) => `${pad(t.d)}-${pad(t.m)}-${t.y}`,
  dMony: (t) => `${pad(t.d)}-${MON[t.m - 1]}-${String(t.y).slice(2)}`,
  dMONy: (t) => `${pad(t.d)}-${MON[t.m - 1].toUpperCase()}-${String(t.y).slice(2)}`,
  glued: (t) => `${pad(t.d)}${MON[t.m - 1]}${String(t.y).slice(2)}`,
  iso: (t) => t.iso,
  dMonY: (t) => `${t.d} ${MON[t.m - 1]} ${t.y}`,
};
const usDate = {
  mdy4: (t) => `${pad(t.m)}/${pad(t.d)}/${t.y}`,
  mdy2: (t) => `${pad(t.m)}/${pad(t.d)}/${String(t.y).slice(2)}`,
  Mon: (t) => `${MON[t.m - 1]} ${t.d}, ${t.y}`,
  Month: (t) => `${MONTH[t.m - 1]} ${pad(t.d)}, ${t.y}`,
};

// Indian payees: as printed, as a VPA, and as a person would name them, with a primary category.
const IN_PAYEES = [
  ['SWIGGY', 'swiggy.order@axis', 'Swiggy', 'food'], ['ZOMATO', 'zomato.payu@hdfcbank', 'Zomato', 'food'],
  ['BLINKIT', 'blinkit.payu@icici', 'Blinkit', 'food'], ['ZEPTO', 'zeptonow@ybl', 'Zepto', 'food'],
  ['BIGBASKET', 'bigbasket@hdfcbank', 'BigBasket', 'food'], ['AMAZON', 'amazon@apl', 'Amazon', 'shopping'],
  ['FLIPKART INTERNET PVT LTD', 'flipkart.rzp@axisbank', 'Flipkart', 'shopping'], ['MYNTRA', 'myntra@icici', 'Myntra', 'shopping'],
  ['UBER INDIA', 'uber.india@axisbank', 'Uber', 'transport'], ['OLA CABS', 'olacabs@icici', 'Ola', 'transport'],
  ['RAPIDO', 'rapido.ride@ybl', 'Rapido', 'transport'], ['INDIAN OIL', 'iocl.petrol@sbi', 'Indian Oil', 'transport'],
  ['APOLLO PHARMACY', 'apollopharmacy@hdfcbank', 'Apollo Pharmacy', 'health'], ['BOOKMYSHOW', 'bookmyshow@icici', 'BookMyShow', 'entertainment'],
  ['NETFLIX', 'netflix@hdfcbank', 'Netflix', 'entertainment'], ['AIRTEL', 'airtel.payments@airtel', 'Airtel', 'utilities'],
  ['STARBUCKS', 'starbucks.tata@hdfcbank', 'Starbucks', 'food'], ['DOMINOS PIZZA', 'dominos@ybl', 'Dominos', 'food'],
  ['DECATHLON', 'decathlon@icici', 'Decathlon', 'shopping'], ['IRCTC', 'irctc@sbi', 'IRCTC', 'travel'],
];
const IN_PEOPLE = [['RAMESH KUMAR', '9876543210@ybl', 'Ramesh Kumar'], ['SUNITA DEVI', 'sunita.devi@okaxis', 'Sunita Devi'], ['MOHD IRFAN', 'irfan786@paytm', 'Mohd Irfan']];

const inr = (minor) => {
  const s = (minor / 100).toFixed(2);
  return s;
};
const inrGrouped = (minor) => (minor / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd = (minor) => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const acct = () => pad(int(0, 9999), 4);
const ref = () => `${int(5, 6)}${pad(int(0, 99999999999), 11)}`;

// [kind, template]; $A amount, $B balance/limit, $D date, $K account, $R ref, $P payee as printed, $V vpa.
const INDIA = [
  ['debit', 'Rs.$A debited from A/c XX$K on $D{dmy2} to VPA $V (UPI Ref No $R). Not you? Call 18002586161 - HDFC Bank'],
  ['debit', 'Sent Rs.$A\nFrom HDFC Bank A/C *$K\nTo $N\nOn $D{dmy2s}\nRef $R\nNot You?\nCall 18002586161/SMS BLOCK UPI to 7308080808'],
  ['debit', 'Dear UPI user A/C X$K debited by $a on date $D{glued} trf to $P Refno $R. If not u? call 1800111109. -SBI'],
  ['debit', 'ICICI Bank Acct XX$k debited for Rs $A on $D{dMony}; $P credited. UPI:$R. Call 18002662 for dispute. SMS BLOCK $k to 9215676766'],
  ['debit', 'INR $G spent using ICICI Bank Card XX$K on $D{dMony} on $P. Avl Limit: INR $B. If not you, call 1800 2662/SMS BLOCK $K to 9215676766.'],
  ['debit', 'Spent Rs.$G On HDFC Bank Card $K At $P On $D{iso}:$T Not You? Call 18002586161 to Block'],
  ['debit', 'INR $A debited\nA/c no. XX$K\n$D{dmy2}, $T\nUPI/P2M/$R/$P\nNot you? SMS BLOCKUPI Cust ID to 919951860002\nAxis Bank'],
  ['debit', 'Sent Rs.$A from Kotak Bank AC X$K to $V on $D{dmy2}.UPI Ref $R. Not you, kotak.com/fraud'],
  ['debit', 'Trxn. of Rs. $A done on SBI Card ending $K at $P on $D{dmy2s}. Avl lmt Rs. $B'],
  ['debit', 'Your a/c XXXX$K debited for Rs.$A on $D{dmy2}. UPI:$R. Payee: $P. Avl bal: Rs.$B-HDFC Bank'],
  ['debit', 'Rs.$A paid from A/c **$K using UPI to $P on $D{dMony}. UPI Ref No. $R. -HDFC Bank'],
  ['debit', 'Dear Customer, INR $G debited from A/C ****$K on $D{dMONy} at $P. Bal: $B'],
  ['debit', 'Your HDFC Bank Credit Card XX$K has been used for Rs.$G at $P on $D{dMony}. Available credit limit: Rs.$B'],
  ['debit', 'Paid Rs.$A to $P from Paytm Balance. Updated Balance: Rs $B. Txn ID: $R'],
  ['debit', 'Your A/c XX$K is debited with INR $G on $D{glued} at $P. Available Balance: $B. Call 18001234567 for disputes'],
  ['debit', '₹$A paid to $N\nUPI transaction ID: $R\nFrom: State Bank of India xx$K\n$D{dMonY}'],
  ['debit', 'Rs.$A debited from A/c XX$K on $D{dmy2}. Info: UPI-$P-$V. Avl Bal: Rs.$B'],
  ['debit_person', 'Dear UPI user A/C X$K debited by $a on date $D{glued} trf to $P Refno $R. If not u? call 1800111109. -SBI'],
  ['debit_person', 'Rs.$A debited from A/c XX$K on $D{dmy2} to VPA $V (UPI Ref No $R). Not you? Call 18002586161 - HDFC Bank'],
  ['credit', 'Rs.$A credited to A/c XX$K on $D{dmy2} by A/c linked to VPA $V (UPI Ref No $R). -HDFC Bank'],
  ['credit', 'Dear Customer, your a/c XX$K is credited with INR $G on $D{dmy2} by NEFT-ACME TECHNOLOGIES SALARY. Avl Bal INR $B -ICICI Bank'],
  ['credit', 'Your A/C XXXXX$K has a credit by Transfer of Rs $A on $D{dmy2s} by $P. Avl Bal Rs $B.-SBI'],
  ['refund', 'Rs $A credited to your A/c XX$K on $D{dmy2} as refund from $N. Avl bal Rs $B -Axis Bank'],
  ['refund', 'Refund of Rs.$A from $N has been processed to your HDFC Bank Credit Card XX$K on $D{dMony}.'],
  ['reversal', 'Rs.$A debited on $D{dmy2} from A/c XX$K has been reversed to your account. Ref $R -PNB'],
  ['cashback', 'Congrats! Cashback of Rs $A has been credited to your Paytm wallet for your $N order. Txn ID $R'],
  ['otp', '$O is your OTP for txn of Rs $G at $P on HDFC Bank card ending $K. Valid for 10 mins. Do not share OTP with anyone.'],
  ['otp', 'OTP for your UPI transaction of Rs.$A to $N is $O. Do not share this with anyone. -SBI'],
  ['failed', 'Your transaction of Rs.$G at $P on ICICI Bank Credit Card XX$K was declined due to insufficient limit.'],
  ['failed', 'UPI transaction of Rs.$A to $V from A/c XX$K has failed on $D{dmy2}. Amount, if debited, will be refunded. -Kotak Bank'],
  ['mandate', 'Your UPI-Mandate for Rs.$A is successfully created towards $N from A/c No: XXXXXX$K. -SBI'],
  ['mandate', 'E-mandate registered successfully for $N, max amount Rs $G, on your HDFC Bank Credit Card XX$K.'],
  ['upcoming', 'Rs.$A will be debited from your A/c XX$K on $D{dmy2} towards $N via e-mandate. -HDFC Bank'],
  ['due', 'Your HDFC Bank Credit Card XX$K bill of Rs $G is due on $D{dmy2}. Minimum amount due Rs $A. Pay now to avoid charges.'],
  ['due', 'ICICI Bank Credit Card XX$K Statement: Total Amt Due INR $G, Min Amt Due INR $A, Due Date $D{dMony}.'],
  ['balance', 'Avl Bal in your A/c XX$K as on $D{dmy2} is Rs.$G. -Bank of Baroda'],
  ['promo', 'Get a pre-approved personal loan of Rs 5,00,000 at 10.5% p.a. Apply now: bit.ly/hdfcpl T&C apply -HDFC Bank'],
  ['promo', 'Congratulations! Your credit limit on ICICI Bank Card XX$K can be increased to Rs 2,50,000. Click icici.co/lmt to accept. T&C apply'],
  ['request', '$N has requested money from you on Google Pay. On approving the request, Rs.$A will be debited from your A/c XX$K.'],
  ['self_transfer', 'Rs $G transferred from your A/c XX$K to your own A/c XX$k2 on $D{dmy2}. Ref $R -ICICI Bank'],
  ['card_payment', 'Payment of Rs $G received towards your SBI Credit Card XX$K on $D{dmy2}. Thank you.'],
  ['atm', 'Rs.$A withdrawn at ATM from A/c XX$K on $D{dmy2}. Avl Bal Rs.$B -Kotak'],
  ['atm', 'SBI: Rs.$A withdrawn from Card XX$K at ATM on $D{glued}. Avl Bal Rs.$B. For disputes call 1800112211'],
];

const US_PAYEES = [
  ['SUNOCO 0731 PHILA', 'Sunoco', 'transport'], ['STARBUCKS STORE 12345', 'Starbucks', 'food'], ['TARGET T-1234', 'Target', 'shopping'],
  ['WALGREENS #1234', 'Walgreens', 'health'], ['AMAZON.COM', 'Amazon', 'shopping'], ['SQ *BLUE BOTTLE COFFEE', 'Blue Bottle', 'food'],
  ['UBER *TRIP', 'Uber', 'transport'], ['LYFT *RIDE SUN 8PM', 'Lyft', 'transport'], ['NETFLIX.COM', 'Netflix', 'entertainment'],
  ['SHELL OIL 57444', 'Shell', 'transport'], ['CHIPOTLE 1234', 'Chipotle', 'food'], ['COSTCO WHSE #0123', 'Costco', 'food'],
  ["TRADER JOE'S #552", "Trader Joe's", 'food'], ['SPOTIFY USA', 'Spotify', 'entertainment'], ['TST* JOES DINER', 'Joes Diner', 'food'],
  ['WHOLEFDS MKT 10234', 'Whole Foods', 'food'], ['PAYPAL *NETFLIX', 'Netflix', 'entertainment'], ['CVS/PHARMACY #1234', 'CVS', 'health'],
];
const US_PEOPLE = ['Jane Doe', 'Carlos Ruiz', 'Priya Shah', 'Tom Becker'];
const UK_PAYEES = [['TESCO STORES 2231', 'Tesco', 'food'], ['PRET A MANGER', 'Pret A Manger', 'food'], ['SAINSBURYS S/MKTS', 'Sainsburys', 'food'], ['TFL TRAVEL CH', 'TfL', 'transport'], ['COSTA COFFEE', 'Costa', 'food']];

const WEST = [
  ['debit', 'Chase: You made a $$A transaction with $P on $D{Mon} at 3:15 PM ET.'],
  ['debit', 'Bank of America: Credit card ending in $K was used for $$A at $P on $D{mdy4}.'],
  ['debit', 'Capital One: A charge or hold for $$A on $D{Month} was placed on your Quicksilver Credit Card ($K) at $P.'],
  ['debit', 'American Express: A $$A charge at $P was made on your Card ending in 1$K on $D{Mon}.'],
  ['debit', 'Discover Card: A transaction of $$A at $P on $D{Month}. Reply STOP to end alerts.'],
  ['debit', 'Wells Fargo card ending in $K was used for $$A at $P on $D{mdy2}.'],
  ['debit', 'Citi Alert: A $$A transaction was made at $P on card ending in $K.'],
  ['debit', 'Your Chase Freedom card ending in $K: You made a $$A transaction with $P on $D{mdy4}. Available credit: $$B'],
  ['debit', 'Cash App: You spent $$A at $N with your Cash Card on $D{Mon}.'],
  ['debit', 'You paid $$A USD to $N. Transaction ID: 7XK$R'],
  ['debit_p2p', 'You paid $H $$A for dinner 🍕'],
  ['debit_p2p', 'You sent $$A to $H with Zelle® on $D{mdy4}. Confirmation: $R'],
  ['debit_p2p', 'You sent a payment of $$A USD to $H on $D{Mon}.'],
  ['credit', '$H paid you $$A for rent'],
  ['credit', '$H sent you $$A with Zelle®. It is available in your Chase checking account ending in $K.'],
  ['credit', "You've got money: $H sent you $$A USD."],
  ['refund', 'Amazon: Your refund of $$A has been issued to your card ending in $K.'],
  ['request', '$H requests $$A for concert tickets'],
  ['request', '$H has requested $$A from you with Zelle®. Review the request in your banking app.'],
  ['failed', 'Your card ending in $K was declined for $$A at $P on $D{mdy4}.'],
  ['otp', 'Chase: Your one-time code is $O. Never share it. We will never call you for this code.'],
  ['due', 'Capital One: Your minimum payment of $$A is due on $D{Month}. Your statement balance is $$B.'],
  ['balance', 'Wells Fargo: Your available balance in account ending $K is $$B as of $D{mdy4}.'],
  ['atm', 'PNC Account Alert: On $D{mdy2}, a $$A cash withdrawal was deducted from PNC account $K from an ATM.'],
  ['card_payment', 'Discover: Thank you for your payment of $$A, posted to your account on $D{mdy4}.'],
  ['debit_uk', 'Barclays: A payment of £$A was made from your account ending $K to $P on $D{dmy2s}.'],
  ['debit_uk', 'Monzo: You spent £$A at $N'],
  ['debit_uk', 'HSBC: Your debit card ending $K was used for £$A at $P on $D{dmy2s}.'],
];

function fill(tpl, kind, region) {
  const t = day();
  const k = acct();
  const small = kind.startsWith('debit') || kind === 'atm' ? int(1, 400) * (region === 'IN' ? 2500 : 37) + (region === 'IN' ? 0 : int(0, 99)) : int(1, 9000) * 100 + int(0, 1) * 50;
  const amountMinor = kind === 'atm' && region === 'IN' ? int(1, 20) * 50000 : Math.max(100, small);
  const bal = int(1000, 99999) * 100 + int(0, 99);
  let payee = null, vpa = null, name = null, cat = null;
  const person = kind === 'debit_person' || kind === 'debit_p2p';
  if (region === 'IN') {
    if (person) [payee, vpa, name] = pick(IN_PEOPLE), (cat = 'other');
    else [payee, vpa, name, cat] = pick(IN_PAYEES);
  } else if (kind === 'debit_uk') [payee, name, cat] = pick(UK_PAYEES);
  else if (person) (payee = name = pick(US_PEOPLE)), (cat = 'other');
  else [payee, name, cat] = pick(US_PAYEES);
  const dateFmts = region === 'IN' || kind === 'debit_uk' ? inDate : usDate;
  let usedDate = false;
  let text = tpl
    .replace(/\$D\{(\w+)\}/g, (_m, f) => ((usedDate = true), (dateFmts[f] ?? inDate[f])(t)))
    .replace(/\$\$A/g, '$' + usd(amountMinor)).replace(/\$\$B/g, '$' + usd(bal))
    .replace(/\$A/g, region === 'IN' ? inr(amountMinor) : usd(amountMinor)).replace(/\$a/g, (amountMinor / 100).toFixed(1))
    .replace(/\$G/g, region === 'IN' ? inrGrouped(amountMinor) : usd(amountMinor)).replace(/\$B/g, region === 'IN' ? inrGrouped(bal) : usd(bal))
    .replace(/\$K/g, k).replace(/\$k2/g, acct()).replace(/\$k/g, k.slice(1)).replace(/\$R/g, ref()).replace(/\$T/g, `${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`)
    .replace(/\$O/g, String(int(100000, 999999))).replace(/\$P/g, payee).replace(/\$V/g, vpa ?? '').replace(/\$N/g, name).replace(/\$H/g, name);
  const base = kind.startsWith('debit') ? 'debit' : kind;
  const currency = region === 'IN' ? 'INR' : kind === 'debit_uk' ? 'GBP' : 'USD';
  // A phone-number VPA names nobody: the person's name is not in the text then.
  const merchant = base === 'debit' ? (text.toLowerCase().includes(name.toLowerCase()) || !/^\d+@/.test(vpa ?? '') ? name : null) : null;
  return { text, kind: base, amount: amountMinor / 100, currency, merchant, category: base === 'debit' ? cat : null, date: usedDate ? t.iso : null };
}

function build(templates, region, per) {
  const out = [];
  for (const [kind, tpl] of templates) for (let i = 0; i < per; i++) out.push(fill(tpl, kind, region === 'IN' ? 'IN' : 'US'));
  return out;
}

const india = build(INDIA, 'IN', 5);
const west = build(WEST, 'US', 5);
fs.writeFileSync(path.join(here, 'india.jsonl'), india.map((x) => JSON.stringify(x)).join('\n') + '\n');
fs.writeFileSync(path.join(here, 'west.jsonl'), west.map((x) => JSON.stringify(x)).join('\n') + '\n');
console.log(`india.jsonl ${india.length}, west.jsonl ${west.length}`);
