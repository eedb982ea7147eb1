// People: children and the adults around them, their addresses and other identifiers.
// Names and types follow the SSD (shared/ssd); date-times are stored as `date`.
// Tables are unqualified: they live in CAREBRIDGE_SSD_SCHEMA through search_path (docs/database.md).

import { char, date, doublePrecision, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const ssdPerson = pgTable(
  'ssd_person',
  {
    pers_legacy_id: varchar('pers_legacy_id', { length: 48 }),
    pers_person_id: varchar('pers_person_id', { length: 48 }).primaryKey(),
    pers_upn: varchar('pers_upn', { length: 13 }),
    pers_forename: varchar('pers_forename', { length: 100 }),
    pers_surname: varchar('pers_surname', { length: 255 }),
    pers_sex: varchar('pers_sex', { length: 20 }),
    pers_gender: varchar('pers_gender', { length: 10 }),
    pers_ethnicity: varchar('pers_ethnicity', { length: 48 }),
    pers_dob: date('pers_dob', { mode: 'string' }),
    pers_common_child_id: varchar('pers_common_child_id', { length: 48 }),
    pers_upn_unknown: varchar('pers_upn_unknown', { length: 6 }),
    pers_send_flag: char('pers_send_flag', { length: 5 }),
    pers_expected_dob: date('pers_expected_dob', { mode: 'string' }),
    pers_death_date: date('pers_death_date', { mode: 'string' }),
    pers_is_mother: char('pers_is_mother', { length: 1 }),
    pers_nationality: varchar('pers_nationality', { length: 48 }),
  },
  (t) => [
    index('ssd_person_pers_common_child_id_idx').on(t.pers_common_child_id),
  ],
);

export const ssdAddress = pgTable(
  'ssd_address',
  {
    addr_table_id: varchar('addr_table_id', { length: 48 }).primaryKey(),
    addr_person_id: varchar('addr_person_id', { length: 48 }),
    addr_address_type: varchar('addr_address_type', { length: 48 }),
    addr_address_start_date: date('addr_address_start_date', { mode: 'string' }),
    addr_address_end_date: date('addr_address_end_date', { mode: 'string' }),
    addr_address_postcode: varchar('addr_address_postcode', { length: 15 }),
    addr_address_json: varchar('addr_address_json', { length: 1000 }),
  },
  (t) => [
    index('ssd_address_addr_person_id_idx').on(t.addr_person_id),
  ],
);

export const ssdLinkedIdentifiers = pgTable(
  'ssd_linked_identifiers',
  {
    link_table_id: varchar('link_table_id', { length: 48 }).primaryKey(),
    link_person_id: varchar('link_person_id', { length: 48 }),
    link_identifier_type: varchar('link_identifier_type', { length: 100 }),
    link_identifier_value: varchar('link_identifier_value', { length: 100 }),
    link_valid_from_date: date('link_valid_from_date', { mode: 'string' }),
    link_valid_to_date: date('link_valid_to_date', { mode: 'string' }),
  },
  (t) => [
    index('ssd_linked_identifiers_link_person_id_idx').on(t.link_person_id),
  ],
);
