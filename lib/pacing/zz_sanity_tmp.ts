import { planSlots, nextSlotAfter, planStretches, easternDate } from '/work/main/lib/pacing';
import { wallTimeToInstant } from '/work/main/lib/pacing/easternClock';
const p = (startTime: string, endTime: string, period: number, amount: number, gap: number) => ({ startDate: '2026-01-01', endDate: '2026-12-31', days: ['mon','tue','wed','thu','fri','sat','sun'] as const, windows: [{ startTime, endTime, profile: { period, amountPerPeriod: amount, timeBetweenPeriods: gap } }] });
for (const [d,t] of [['2026-03-08','01:59'],['2026-03-08','02:00'],['2026-03-08','02:30'],['2026-03-08','03:00'],['2026-11-01','01:00'],['2026-11-01','01:30'],['2026-11-01','02:00'],['2026-07-01','12:00']]) console.log(d,t,new Date(wallTimeToInstant(d,t)).toISOString());
const s = planSlots(p('01:00','04:00',60,60,0), new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'));
console.log(s.length, s[0].toISOString(), s.at(-1)!.toISOString());
const f = planSlots(p('00:00','03:00',60,60,0), new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
console.log(f.length, f[0].toISOString(), f.at(-1)!.toISOString());
console.log(nextSlotAfter(p('09:00','17:00',30,10,30), new Date('2026-06-01T20:00:00Z'))?.toISOString());
console.log(planStretches(p('09:00','10:00',20,10,10), new Date('2026-06-01T00:00:00Z'), new Date('2026-06-02T00:00:00Z')).map(x=>`${x.kind} ${x.start.toISOString()} ${x.end.toISOString()} ${x.slots}`));
const plan = p('08:00','20:00',30,100,10);
let t0 = performance.now(); let n=0;
for (let i=0;i<20000;i++){ const a = new Date(Date.UTC(2026,5,1,12,0,i)); n+=planSlots(plan, a, new Date(a.getTime()+1000)).length; }
console.log('per tick us', (performance.now()-t0)/20000*1000, n);
t0 = performance.now(); for (let i=0;i<1000;i++) nextSlotAfter({...plan, days:['mon']}, new Date(Date.UTC(2026,5,2,i%24)));
console.log('nextSlotAfter us', (performance.now()-t0));
