/**
 * @module test/e2e/chat-script
 * One chat script, the same one `chat --jsonl` (the console) passes, run through every transport:
 * each line is a message, each entry says what the first reply must be. The clock stands at
 * 2026-01-15 19:30 in Asia/Kolkata, a Thursday.
 */
export const SCRIPT_NOW = '2026-01-15T14:00:00Z';

export const CHAT_SCRIPT: { say: string; reply: RegExp }[] = [
  { say: 'chai 20', reply: /^✅ ₹20 · Food › Tea · today$/ },
  { say: 'kal petrol 1.2k', reply: /^✅ ₹1,200 · Transport › Fuel · yesterday$/ },
  { say: 'no, 1100', reply: /₹1,100/ },
  { say: 'petrol', reply: /^How much was the petrol\?$/ },
  { say: '300', reply: /^✅ ₹300 · Transport › Fuel/ },
  { say: 'undo', reply: /^🗑️ Removed ₹300/ },
  { say: 'how much on petrol this week?', reply: /₹1,100/ },
];

/** What the ledger holds after the script, by date: [amount in minor units, category]. */
export const SCRIPT_LEDGER: [number, string][] = [
  [110000, 'transport'],
  [2000, 'food'],
];
