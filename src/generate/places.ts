// Fake addresses: a fixed set of towns and streets drawn from faker's UK locale once per
// authority, and postcodes in the UK format (outward code of the town's area, inward code
// digit + two letters). None of them is a real address.

import type { Faker } from '@faker-js/faker';
import type { Random } from './random.js';

export interface Address {
  house: string;
  street: string;
  town: string;
  postcode: string;
}

// Postcode areas used for the fictional towns; letters allowed in the inward code.
const areas = ['LS', 'BD', 'HX', 'WF', 'HD', 'YO', 'HG', 'DN', 'S', 'M', 'OL', 'BL'] as const;
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

interface Town {
  name: string;
  area: string;
  districts: [number, number];
}

export class Places {
  readonly #towns: Town[] = [];
  readonly #streets: string[] = [];

  constructor(
    faker: Faker,
    private readonly rng: Random,
  ) {
    const seenTowns = new Set<string>();
    while (this.#towns.length < 24) {
      const name = faker.location.city();
      if (seenTowns.has(name) || name.length > 40) continue;
      seenTowns.add(name);
      const area = areas[this.#towns.length % areas.length] as string;
      const low = 1 + ((Math.floor(this.#towns.length / areas.length) * 12) % 24);
      this.#towns.push({ name, area, districts: [low, low + 5] });
    }
    const seenStreets = new Set<string>();
    while (this.#streets.length < 600) {
      const street = faker.location.street();
      if (seenStreets.has(street) || street.length > 60) continue;
      seenStreets.add(street);
      this.#streets.push(street);
    }
  }

  address(): Address {
    const rng = this.rng;
    const town = rng.pick(this.#towns);
    const district = rng.int(town.districts[0], town.districts[1]);
    const letter = () => inwardLetters[rng.int(0, inwardLetters.length - 1)];
    return {
      house: rng.chance(0.12) ? `Flat ${rng.int(1, 24)}, ${rng.int(1, 120)}` : String(rng.int(1, 180)),
      street: rng.pick(this.#streets),
      town: town.name,
      postcode: `${town.area}${district} ${rng.int(0, 9)}${letter()}${letter()}`,
    };
  }

  /** The SSD address JSON: every key present, empty where not held. */
  static json(address: Address): string {
    const flat = /^Flat (\d+), (.*)$/.exec(address.house);
    return JSON.stringify({
      ROOM: '',
      FLOOR: '',
      FLAT: flat ? flat[1] : '',
      BUILDING: '',
      HOUSE: flat ? flat[2] : address.house,
      STREET: address.street,
      TOWN: address.town,
      UPRN: '',
      EASTING: '',
      NORTHING: '',
    });
  }
}
