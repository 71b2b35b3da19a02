/**
 * @module debts/memory
 * An in-memory debts repository for unit tests (same contract as the SQLite adapter, checked by
 * debts/debts.medium.test.ts). Whether a linked expense is live is asked of the ledger it is given.
 */
import { randomUUID } from 'node:crypto';
import { balancesOf, personKey, type Balance, type Debt, type DebtRecordMeta, type DebtRepository, type NewDebt } from './repo.js';

export class MemoryDebts implements DebtRepository {
  readonly rows: (Debt & { part: number })[] = [];
  private nextId = 1;

  readonly payers = new Map<number, string>();

  /**
   * `expenseLive(id)`: whether the expense a share belongs to is live (undo removes its shares);
   * `expensesOf(owner)`: the owner's live expenses (household "who spent what").
   */
  constructor(
    private readonly expenseLive: (id: number) => Promise<boolean> = async () => true,
    private readonly expensesOf: (owner: string) => Promise<{ id: number; amountMinor: number; currency: string; date: string; uid?: string }[]> = async () => [],
    private readonly expenseGet: (id: number) => Promise<{ owner: string; uid?: string } | null> = async () => null,
  ) {}

  async expenseUid(expenseId: number): Promise<string | null> {
    return (await this.expenseGet(expenseId))?.uid ?? null;
  }

  async expenseByUid(owner: string, uid: string): Promise<number | null> {
    return (await this.expensesOf(owner)).find((e) => e.uid === uid)?.id ?? null;
  }

  async setPayer(_owner: string, expenseId: number, payer: string): Promise<void> {
    this.payers.set(expenseId, payer);
  }

  async spentBy(owner: string, from: string, to: string): Promise<{ payer: string; currency: string; amountMinor: number; count: number }[]> {
    const m = new Map<string, { payer: string; currency: string; amountMinor: number; count: number }>();
    for (const e of await this.expensesOf(owner)) {
      if (e.date < from || e.date > to) continue;
      const payer = this.payers.get(e.id) ?? owner;
      const k = `${payer}\u0000${e.currency}`;
      const x = m.get(k) ?? { payer, currency: e.currency, amountMinor: 0, count: 0 };
      x.amountMinor += e.amountMinor;
      x.count++;
      m.set(k, x);
    }
    return [...m.values()].sort((a, b) => b.amountMinor - a.amountMinor || (a.payer < b.payer ? -1 : 1));
  }

  async record(entries: NewDebt[], meta: DebtRecordMeta): Promise<{ debts: Debt[]; duplicate: boolean }> {
    if (meta.messageId) {
      const stored = this.rows.filter((r) => r.messageId === meta.messageId).sort((a, b) => a.part - b.part);
      if (stored.length) return { debts: stored.map(strip), duplicate: true };
    }
    const known = this.rows.filter((r) => meta.uids?.includes(r.uid));
    if (known.length && meta.uids?.every((u) => u && known.some((k) => k.uid === u))) return { debts: known.map(strip), duplicate: true };
    const names = await this.names(meta.owner);
    const out: Debt[] = [];
    entries.forEach((e, part) => {
      check(e);
      const key = personKey(e.person);
      const row = {
        ...e, id: this.nextId++, owner: meta.owner, personKey: key, person: names.get(key) ?? e.person,
        messageId: meta.messageId, uid: meta.uids?.[part] ?? randomUUID(), createdAt: meta.now, deletedAt: null, part,
      };
      if (this.rows.some((r) => r.uid === row.uid)) return;
      names.set(key, row.person);
      this.rows.push(row);
      out.push(strip(row));
    });
    return { debts: out, duplicate: false };
  }

  async balances(owner: string): Promise<Balance[]> {
    return balancesOf(await this.entries(owner), await this.names(owner));
  }

  async entries(owner: string, key?: string): Promise<Debt[]> {
    const out: Debt[] = [];
    for (const r of this.rows) {
      if (r.owner !== owner || r.deletedAt || (key !== undefined && r.personKey !== key)) continue;
      if (r.expenseId !== null && !(await this.expenseLive(r.expenseId))) continue;
      out.push(strip(r));
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  }

  async people(owner: string): Promise<{ key: string; name: string }[]> {
    return [...(await this.names(owner))].map(([key, name]) => ({ key, name })).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async undoMessage(owner: string, messageId: string, now: string): Promise<Debt[]> {
    const gone = this.rows.filter((r) => r.owner === owner && r.messageId === messageId && !r.deletedAt);
    for (const r of gone) r.deletedAt = now;
    return gone.map(strip);
  }

  private async names(owner: string): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    for (const r of [...this.rows].sort((a, b) => a.id - b.id)) if (r.owner === owner && !m.has(r.personKey)) m.set(r.personKey, r.person);
    return m;
  }
}

function strip(r: Debt & { part: number }): Debt {
  const { part: _p, ...d } = r;
  return { ...d };
}

export function check(e: NewDebt): void {
  if (!Number.isSafeInteger(e.amountMinor) || e.amountMinor === 0) throw new RangeError(`a debt entry needs a non-zero whole amount in minor units, not ${e.amountMinor}`);
  if (!personKey(e.person)) throw new RangeError('a debt entry needs a person');
}
