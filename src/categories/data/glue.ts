/**
 * @module categories/data/glue
 * Words that are never items or merchants: English and Hinglish function words and the verbs,
 * time and money words of expense messages. They are never spell-corrected into lexicon words
 * ("spent" must not become "sprite"), and a brand whose name is one of them ("More", "Total")
 * is only recognized by its longer aliases.
 */

export const GLUE_WORDS: string = `a, an, the, and, or, but, if, so, of, on, in, at, to, for, from, by, with, without, into, onto,
  off, up, down, out, over, under, via, per, as, is, am, are, was, were, be, been, being, it, its, it's, this, that, these,
  those, there, here, what, which, who, whom, whose, where, when, why, how, all, any, some, each, every, few, more, most,
  less, least, much, many, other, another, such, only, own, same, than, too, very, just, also, again, already, still,
  yet, ever, never, not, no, nor, yes, yeah, yep, ok, okay, done, i, me, my, mine, myself, we, us, our, ours, you, your,
  yours, he, him, his, she, her, hers, they, them, their, theirs, one, two, three, four, five, six, seven, eight, nine, ten,
  eleven, twelve, twenty, thirty, forty, fifty, hundred, thousand, lakh, lakhs, lac, crore, crores, k, rs, rs., inr, rupee,
  rupees, rupaye, rupay, rupiya, ₹, usd, dollar, dollars, eur, euro, euros, gbp, pound, pounds, bucks, quid, paise,
  spent, spend, spending, spends, paid, pay, paying, pays, payed, bought, buy, buying, buys, got, get, gets, getting,
  took, take, taking, had, have, has, having, did, do, does, doing, made, make, makes, gave, give, given, giving, cost,
  costs, costed, purchased, ordered, booked, used, using, went, go, going, came, come, coming,
  today, tonight, yesterday, tomorrow, morning, evening, night, afternoon, noon, week, weekly, month, monthly, year,
  yearly, annual, daily, day, days, weeks, months, years, last, next, previous, ago, since, till, until, before, after,
  during, now, then, later, earlier, recently, date, time, times, am, pm, monday, tuesday, wednesday, thursday, friday,
  saturday, sunday, mon, tue, tues, wed, thu, thur, thurs, fri, sat, sun, jan, feb, mar, apr, may, jun, jul, aug, sep,
  sept, oct, nov, dec, january, february, march, april, june, july, august, september, october, november, december,
  kal, aaj, parso, abhi, subah, shaam, sham, raat, dopahar, hafta, mahina, mahine, saal, kitna, kitne, kitni, kya, kyu,
  kyun, kaise, kab, kahan, kaun, ka, ki, ke, ko, se, me, mein, mai, main, mera, meri, mere, hum, humne, maine, tum, aap,
  apna, apni, apne, liya, liye, lia, diya, diye, dia, kiya, kiye, kia, hua, hui, hue, tha, thi, the, hai, hain, ho,
  hoga, wala, wali, wale, aur, ya, bhi, toh, to, na, nahi, nahin, haan, ha, ji, bas, sirf, thoda, zyada, jyada, total,
  totally, sum, approx, approximately, around, about, almost, nearly, exactly, only, each, per, both, half, full, extra,
  can, cannot, cant, could, would, should, will, shall, might, must, please, pls, plz, thanks, thank, thx, ty, hi, hello, hey, hii, bro, bhai, yaar, dude, sir, madam, ma'am, dear, new,
  old, big, small, good, bad, nice, great, best, cheap, expensive, costly, worth, value, price, rate, mrp, discount,
  offer, cashback, refund, refunded, returned, return, received, receive, income, salary credited, credited, debited,
  via, using, through, split, shared, share, between, among, half, each, someone, something, anything, everything,
  nothing, everyone, anyone, somebody, nobody, again, note, notes, remind, reminder, add, added, log, logged, record,
  recorded, track, tracked, undo, delete, remove, edit, change, update, show, list, report, summary,
  budget, budgets, how, much, many, did, spend, spent, category, categories, help, cancel, confirm, last, recent,
  wife, husband, mom, mum, mother, dad, father, papa, mummy, son, daughter, kid, kids, child, children, brother, sister,
  friend, friends, family, colleague, colleagues, boss, team, office, home, house, ghar, work,
  near, nearby, outside, inside, local, online, offline, cash, card, upi, gpay, phonepe, paytm, credit, debit`;
