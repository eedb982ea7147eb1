// A synthetic local authority: SSD CSVs and Carebridge's extension CSVs for N children, the
// same bytes for the same (children, seed, as-of). Children are generated one at a time and
// their rows streamed to the files, so memory stays flat whatever N. The first children are the
// named showcase cases (showcase.ts); the rest are drawn so that what is open at as-of matches
// national rates per 10,000 (scenarios.ts), and everyone else has closed history only.
//
// Nothing here is a real person: names and places come from faker's UK locale, NHS numbers
// from the 999 test range, phone numbers from Ofcom's drama range.

import { Faker, base, en, en_GB } from '@faker-js/faker';
import { Ids, NhsNumbers, type Context } from './context.js';
import { CsvFolderWriter } from './csv-writer.js';
import { parseDay, todayInLondon } from './dates.js';
import { consumerLinks, restriction } from './extensions.js';
import { FosterCarers, writeChild, type Child } from './people.js';
import { Places } from './places.js';
import { Random, seedFrom } from './random.js';
import {
  categories,
  closedHistory,
  openAssessment,
  openCareLeaver,
  openCin,
  openCla,
  openCp,
  openEarlyHelp,
  ratesPer10k,
  type Category,
} from './scenarios.js';
import { showcases } from './showcase.js';
import { Workforce } from './workforce.js';

export interface GenerateOptions {
  /** Number of children (subjects of social care work); adults come on top. */
  children: number;
  /** Integer, or any text (hashed). Default 1. */
  seed?: number | string;
  /** `yyyy-mm-dd`; default today in Europe/London. Every date is relative to it. */
  asOf?: string;
  /** Folder to write `<table>.csv` files into (created if missing). */
  out: string;
}

/** Writes the authority; resolves with the rows written per file (`ssd_person.csv` → n). */
export async function generateAuthority(options: GenerateOptions): Promise<Record<string, number>> {
  const children = options.children;
  if (!Number.isInteger(children) || children < 1)
    throw new Error(`children must be a positive integer (got ${children})`);
  const asOf = parseDay(options.asOf ?? todayInLondon());
  const seed = seedFrom(options.seed ?? 1);

  // Our own faker instance (UK locale), so concurrent runs cannot disturb each other's sequence.
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const rng = new Random(seed);
  const out = await CsvFolderWriter.open(options.out);
  try {
    const ctx: Context = {
      rng,
      faker,
      asOf,
      out,
      ids: new Ids(),
      nhs: new NhsNumbers(seed),
      places: new Places(faker, rng),
      staff: new Workforce(out, faker, rng, children),
      fosterCarers: new FosterCarers(Math.max(12, Math.round(children / 250))),
      // About 909,000 valid test-range numbers exist: ration them for very large authorities.
      childNhsShare: Math.min(0.97, 880_000 / children),
      adultNhsShare: children <= 400_000 ? 0.08 : 0,
      open: { cla: 0, cp: 0, cin: 0, earlyHelp: 0 },
    };

    // The showcase first (as many as fit), then the rate-drawn caseload.
    let made = 0;
    for (const showcase of showcases) {
      const size = showcase.children ?? 1;
      if (made + size > children) continue;
      const built = showcase.build(ctx);
      if (built.length !== size)
        throw new Error(`showcase "${showcase.name}" made ${built.length} children, not ${size}`);
      for (const child of built) await finish(ctx, out, child);
      made += size;
    }
    for (const category of drawCategories(ctx, children, children - made)) {
      await finish(ctx, out, build(ctx, category));
    }
    return await out.close();
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** The category of each remaining child, shuffled: open ones topped up to the rates, the rest closed. */
function drawCategories(ctx: Context, total: number, remaining: number): Uint8Array {
  const target = (category: keyof typeof ratesPer10k) => Math.round((ratesPer10k[category] * total) / 10_000);
  const already: Partial<Record<Category, number>> = {
    OPEN_CLA: ctx.open.cla,
    OPEN_CP: ctx.open.cp,
    OPEN_CIN: ctx.open.cin,
    OPEN_EH: ctx.open.earlyHelp,
  };
  const slots = new Uint8Array(remaining).fill(categories.indexOf('CLOSED'));
  let next = 0;
  for (const category of Object.keys(ratesPer10k) as (keyof typeof ratesPer10k)[]) {
    const count = Math.max(0, target(category) - (already[category] ?? 0));
    for (let i = 0; i < count && next < remaining; i++) slots[next++] = categories.indexOf(category);
  }
  return ctx.rng.shuffle(slots);
}

function build(ctx: Context, index: number): Child {
  switch (categories[index]) {
    case 'OPEN_CLA':
      return openCla(ctx);
    case 'OPEN_CP':
      return openCp(ctx);
    case 'OPEN_CIN':
      return openCin(ctx);
    case 'OPEN_EH':
      return openEarlyHelp(ctx);
    case 'OPEN_ASSESSMENT':
      return openAssessment(ctx);
    case 'OPEN_CARE_LEAVER':
      return openCareLeaver(ctx);
    default:
      return closedHistory(ctx);
  }
}

/** The child's own rows (person, addresses, identifiers, partner links, restriction); then back-pressure. */
async function finish(ctx: Context, out: CsvFolderWriter, child: Child): Promise<void> {
  writeChild(ctx, child);
  consumerLinks(ctx, child, child.links);
  const reason =
    child.restriction ??
    (ctx.rng.chance(0.002)
      ? ctx.rng.pick(['High-profile case', 'Child of a member of staff', 'Witness in criminal proceedings'])
      : null);
  if (reason) restriction(ctx, child, reason);
  if (out.needsDrain) await out.drain();
}
