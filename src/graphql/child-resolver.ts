// Root fields `child`, `childByNhsNumber`, `children`, and every field of a Child. A look-up
// reads the relations its operation needs with the child (relations-read.ts), a page reads them
// ahead; each field then takes the facts it needs from the request's records and asks the domain.

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import {
  childrenWithOpenWork,
  countChildren,
  findChildId,
  findChildIdByNhsNumber,
  pageOfChildIds,
  type ChildFilter as DbChildFilter,
  type ChildLookup,
  type RowScope,
} from '../db/children.js';
import { childFieldsAsked, noteReads } from './access-logging.js';
import { careStatusFactsOf } from '../db/care-status-facts.js';
import { allocatedTeamOn } from '../domain/key-contacts.js';
import { readsDualStatusWorkflow, rowScopeOf } from '../access/who-sees-what.js';
import { careStatusOn } from '../domain/care-status.js';
import { legalBasisOf, legalStatusOn, periodsOfCare } from '../domain/child-in-care.js';
import { addDays } from '../domain/calendar.js';
import { asKnownOn, isOpenOn, type CareEpisodeFact, type CareLeaverRecordFact, type InvolvementFact, type IsoDate, type LegalStatusFact, type Person } from '../domain/facts.js';
import { normaliseNhsNumber } from '../domain/nhs-number.js';
import type { DueDate as DueDateFact } from '../domain/due-dates.js';
import type { RequestContext } from './context.js';
import { badUserInput, unreadableRecordProblem } from './errors.js';
import { DateScalar } from './scalars.js';
import { PeriodOfCare } from './types/care.js';
import { CareStatus, Child, ChildConnection, ChildFilter } from './types/child.js';
import { CareLeaverStatus, DualStatusOutcome, DueDate, ParentalResponsibilityHolder } from './types/computed.js';
import { DutyContact, KeyContact } from './types/contacts.js';
import { KeyContactRole, type CareLeaverCategory, type CareStatusKind, type LegalBasis } from './types/enums.js';
import { careLeaverStatusOn } from '../domain/care-leavers.js';
import { parentalResponsibilityOn } from '../domain/parental-responsibility.js';
import { ChildInNeedPlan, ChildProtectionPlan, EarlyHelpEpisode } from './types/plans.js';
import { decodeCursor, encodeCursor } from './cursors.js';
import { keyContactRoleOfLabel } from '../config.js';
import { scheduleOf } from './schedule.js';
import { relationsReadFor } from './relations-read.js';
import { whenRead, type MaybePromise } from '../db/child-records.js';

export const maxPageSize = 500;
const defaultPageSize = 50;

/** asOf, or today; a date the rules can answer for (WorkingDayCalendar.problemWith). */
function resolveAsOf(asOf: string | null | undefined, context: RequestContext): IsoDate {
  return asOf == null ? context.today : checkedDate('asOf', asOf, context);
}

/** A date argument the rules can answer for (WorkingDayCalendar.problemWith), else BAD_USER_INPUT naming it. */
export function checkedDate(argument: string, date: IsoDate, context: Pick<RequestContext, 'calendar'>): IsoDate {
  const problem = context.calendar.problemWith(date);
  if (problem) throw badUserInput(argument, problem);
  return date;
}

/** Everything the care status reads about a child, as known on its `asOf`. */
export function careStatusFacts(child: Child, context: RequestContext) {
  return careStatusFactsOf(child.id, child.asOf, context.records);
}

function openInvolvements(involvements: readonly InvolvementFact[], asOf: IsoDate): InvolvementFact[] {
  return asKnownOn(involvements, asOf).filter((involvement) => isOpenOn(involvement, asOf));
}

/** The child's allocated team on asOf (src/domain/key-contacts.ts), roles read through the label map. */
export function allocatedTeam(
  involvements: readonly InvolvementFact[],
  careLeaverRecords: readonly CareLeaverRecordFact[],
  asOf: IsoDate,
  context: Pick<RequestContext, 'labels'>,
): { id: string; name: string } | null {
  return allocatedTeamOn(involvements, careLeaverRecords, asOf, (label) => keyContactRoleOf(label, context) === KeyContactRole.SOCIAL_WORKER);
}

export function keyContactRoleOf(label: string | null, context: Pick<RequestContext, 'labels'>): KeyContactRole {
  return keyContactRoleOfLabel(context.labels, label) as KeyContactRole;
}

function connection(context: RequestContext, ids: string[], hasNextPage: boolean, asOf: IsoDate, totalCount: () => Promise<number>): ChildConnection {
  // BI's cursors seal the case id; everyone else's only wrap it.
  const cursorOf = context.pseudonyms ? (id: string) => context.pseudonyms!.encodeCursor(id) : encodeCursor;
  const edges = ids.map((id) => ({ cursor: cursorOf(id), node: { id, asOf } }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/**
 * hasOverdue depends on the rules, so it cannot be a SQL condition: the other filters select the
 * children in SQL, the schedules of those who may have due dates are computed in memory (their
 * facts loaded in one batch per table), then the page is cut. Statements per request stay fixed.
 */
async function overdueFilteredPage(
  context: RequestContext,
  options: { after: string | null; first: number; filter: DbChildFilter; asOf: IsoDate; hasOverdue: boolean; scope: RowScope },
): Promise<{ ids: string[]; hasNextPage: boolean; totalCount: () => Promise<number> }> {
  const candidates = await childrenWithOpenWork(context.database, options);
  // A child whose records a rule cannot read matches neither way: left out, and counted (context.childrenLeftOut).
  const overdue = await Promise.all(
    candidates.map(async ({ id, mayHaveDueDates }) => {
      if (!mayHaveDueDates) return false;
      try {
        return (await scheduleOf(id, options.asOf, context)).dueDates.some((due) => due.overdue);
      } catch (error) {
        const problem = unreadableRecordProblem(error);
        if (problem === null) throw error;
        context.childrenLeftOut.push({ childId: id, table: 'ssd_person', problem });
        return null;
      }
    }),
  );
  const matching = candidates.filter((_, index) => overdue[index] === options.hasOverdue);
  const rest = matching.filter((candidate) => candidate.afterCursor).map(({ id }) => id);
  return { ids: rest.slice(0, options.first), hasNextPage: rest.length > options.first, totalCount: async () => matching.length };
}

/** The child's open due dates as this reader may see them (readsDualStatusWorkflow: the dual-status ones name the pathway). */
function dueDatesFor(child: Child, context: RequestContext): MaybePromise<DueDateFact[]> {
  return whenRead(scheduleOf(child.id, child.asOf, context), ({ dueDates }) =>
    readsDualStatusWorkflow(context.claims) ? dueDates : dueDates.filter((due) => !due.kind.startsWith('DUAL_STATUS_')),
  );
}

/** A Child field read from the child's person row (null when it has none). */
function personField(child: Child, context: RequestContext, field: (person: Person) => string | null): MaybePromise<string | null> {
  return whenRead(context.records.read(child.id, ['person']), ({ person: [person] }) => (person ? field(person) : null));
}

/** The child's periods of care as known on its asOf, each with the legal basis it stood on. */
function periodsOfCareOn(child: Child, episodes: readonly CareEpisodeFact[], statuses: readonly LegalStatusFact[]): PeriodOfCare[] {
  const known = asKnownOn(statuses, child.asOf);
  const periods = periodsOfCare(asKnownOn(episodes, child.asOf));
  return periods.map((period) => {
    // The basis in force on asOf, or on the period's last day once it has ended.
    const on = period.endDate === null ? child.asOf : [addDays(period.endDate, -1), period.startDate].sort().at(-1)!;
    const status = legalStatusOn(known, on);
    return {
      id: period.id,
      startDate: period.startDate,
      endDate: period.endDate,
      legalBasis: status ? (legalBasisOf(status.code) as LegalBasis) : null,
      childId: child.id,
      asOf: child.asOf,
      fact: period,
      childPeriods: periods,
    };
  });
}

/** A child found (read, with the fields asked and the relations they read) or refused (logged with why), or null either way. */
function answerLookup(found: ChildLookup, asOf: IsoDate, context: RequestContext, info: GraphQLResolveInfo): Child | null {
  if (found.refused) context.access.refused(found.refusedChildId ?? null, found.refused);
  if (!found.childId) return null;
  if (found.relations) context.records.prime(found.childId, found.relations);
  noteReads(context, [found.childId], childFieldsAsked(info));
  return { id: found.childId, asOf };
}

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, {
    nullable: true,
    description: 'One child by case-system person id. asOf evaluates everything as at that date (default: today, Europe/London).',
  })
  async child(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Child | null> {
    const found = await findChildId(context.database, id, rowScopeOf(context.claims, context.today, 'CASE'), relationsReadFor(info, context));
    return answerLookup(found, resolveAsOf(asOf, context), context, info);
  }

  @Query(() => Child, { nullable: true, description: 'Look-up by NHS number (10 digits, checksum validated; spaces allowed).' })
  async childByNhsNumber(
    @Arg('nhsNumber') nhsNumber: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Child | null> {
    const digits = normaliseNhsNumber(nhsNumber);
    if (!digits) throw badUserInput('nhsNumber', 'not a valid NHS number (10 digits with a modulus 11 check digit)');
    const found = await findChildIdByNhsNumber(context.database, digits, rowScopeOf(context.claims, context.today, 'NHS_NUMBER'), relationsReadFor(info, context));
    return answerLookup(found, resolveAsOf(asOf, context), context, info);
  }

  @Query(() => ChildConnection, {
    description:
      'Cursor-paginated list (Relay connection), ordered by case id. first defaults to 50; above 500 is BAD_USER_INPUT. A filter list means "any of".',
  })
  async children(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ChildFilter, { nullable: true }) filter: ChildFilter | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChildConnection> {
    const size = first ?? defaultPageSize;
    if (size < 0 || size > maxPageSize) throw badUserInput('first', `must be between 0 and ${maxPageSize}`);
    const afterId = after == null ? null : context.pseudonyms ? context.pseudonyms.decodeCursor(after) : decodeCursor(after);
    if (afterId === undefined) throw badUserInput('after', 'not a cursor this API gave out');
    const date = resolveAsOf(asOf, context);
    const filters = {
      filter: { careStatus: filter?.careStatus as CareStatusKind[] | undefined, isDualStatus: filter?.isDualStatus },
      asOf: date,
      scope: rowScopeOf(context.claims, context.today, 'CASE'),
    };
    const page =
      filter?.hasOverdue != null
        ? await overdueFilteredPage(context, { ...filters, after: afterId, first: size, hasOverdue: filter.hasOverdue })
        : await pageOfChildIds(context.database, { ...filters, after: afterId, first: size }).then((found) => ({
            ...found,
            totalCount: () => countChildren(context.database, filters),
          }));
    noteReads(context, page.ids, childFieldsAsked(info, ['edges', 'node']));
    await context.records.readAhead(page.ids, relationsReadFor(info, context, ['edges', 'node']));
    return connection(context, page.ids, page.hasNextPage, date, page.totalCount);
  }

  @FieldResolver(() => ID, { description: 'Case-system person id; for BI a pseudonym, stable for that consumer.' })
  id(@Root() child: Child, @Ctx() context: RequestContext): string {
    return context.pseudonyms ? context.pseudonyms.of(child.id) : child.id;
  }

  @FieldResolver(() => String, { nullable: true })
  nhsNumber(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<string | null> {
    return personField(child, context, (person) => person.nhsNumber);
  }

  @FieldResolver(() => String, { nullable: true })
  forename(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<string | null> {
    return personField(child, context, (person) => person.forename);
  }

  @FieldResolver(() => String, { nullable: true })
  surname(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<string | null> {
    return personField(child, context, (person) => person.surname);
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  dateOfBirth(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<string | null> {
    return personField(child, context, (person) => person.dateOfBirth);
  }

  @FieldResolver(() => CareStatus)
  careStatus(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<CareStatus> {
    return whenRead(careStatusFacts(child, context), (facts) => {
      const status = careStatusOn(facts, child.asOf);
      return { ...status, kinds: status.kinds as CareStatus['kinds'], legalBasis: status.legalBasis as LegalBasis | null };
    });
  }

  @FieldResolver(() => DueDate, {
    nullable: true,
    description: 'Earliest open due date across every schedule that applies, overdue ones included; on the same date a statutory rule wins (null when none).',
  })
  nextReviewDue(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return whenRead(dueDatesFor(child, context), (dueDates) => dueDates[0] ?? null);
  }

  @FieldResolver(() => [DueDate], { description: 'Every open due date, earliest first.' })
  schedule(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<DueDateFact[]> {
    return dueDatesFor(child, context);
  }

  @FieldResolver(() => DualStatusOutcome)
  async dualStatusOutcome(@Root() child: Child, @Ctx() context: RequestContext): Promise<DualStatusOutcome> {
    return (await scheduleOf(child.id, child.asOf, context)).dualStatus.outcome as DualStatusOutcome;
  }

  @FieldResolver(() => [ParentalResponsibilityHolder])
  parentalResponsibility(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<ParentalResponsibilityHolder[]> {
    const read = context.records.read(child.id, ['person', 'relationships', 'courtOrders', 'legalStatuses', 'relatedPeople']);
    return whenRead(read, ({ person: [person], relationships, courtOrders, legalStatuses, relatedPeople }) => {
      if (!person) return [];
      const people = new Map<string, Person>(relatedPeople.map((related) => [related.id, related]));
      const holders = parentalResponsibilityOn({
        child: person,
        relationships,
        courtOrders,
        legalStatuses,
        people,
        asOf: child.asOf,
        localAuthorityName: context.authorityName,
      });
      return holders as ParentalResponsibilityHolder[];
    });
  }

  @FieldResolver(() => [ChildProtectionPlan])
  childProtectionPlans(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<ChildProtectionPlan[]> {
    return whenRead(context.records.read(child.id, ['childProtectionPlans']), (read) => asKnownOn(read.childProtectionPlans, child.asOf).map((plan) => ({
      id: plan.id,
      startDate: plan.startDate,
      endDate: plan.endDate,
      category: plan.initialCategory,
      latestCategory: plan.latestCategory,
      childId: child.id,
      asOf: child.asOf,
    })));
  }

  @FieldResolver(() => [ChildInNeedPlan])
  async childInNeedPlans(@Root() child: Child, @Ctx() context: RequestContext): Promise<ChildInNeedPlan[]> {
    const plans = asKnownOn(await context.records.childInNeedPlans.load(child.id), child.asOf);
    return plans.map((plan) => ({ id: plan.id, startDate: plan.startDate, endDate: plan.endDate, childId: child.id, asOf: child.asOf }));
  }

  @FieldResolver(() => [EarlyHelpEpisode])
  async earlyHelpEpisodes(@Root() child: Child, @Ctx() context: RequestContext): Promise<EarlyHelpEpisode[]> {
    return asKnownOn(await context.records.earlyHelpEpisodes.load(child.id), child.asOf).map((episode) => ({
      id: episode.id,
      startDate: episode.startDate,
      endDate: episode.endDate,
      reason: episode.reason,
      organisation: episode.organisation,
    }));
  }

  @FieldResolver(() => [PeriodOfCare])
  periodsOfCare(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<PeriodOfCare[]> {
    return whenRead(context.records.read(child.id, ['careEpisodes', 'legalStatuses']), (read) => periodsOfCareOn(child, read.careEpisodes, read.legalStatuses));
  }

  /** Null for a child never looked after; otherwise the CL-* category (NONE when none applies). */
  @FieldResolver(() => CareLeaverStatus, { nullable: true })
  async careLeaver(@Root() child: Child, @Ctx() context: RequestContext): Promise<CareLeaverStatus | null> {
    const [facts, courtOrders] = await Promise.all([careStatusFacts(child, context), context.records.courtOrders.load(child.id)]);
    if (facts.periods.length === 0) return null;
    // CL-QUALIFYING: a special guardianship order made while the child was looked after.
    const specialGuardianshipOrderMadeWhileLookedAfter = asKnownOn(courtOrders, child.asOf).some(
      (order) =>
        order.orderType === 'SPECIAL_GUARDIANSHIP' &&
        facts.periods.some((period) => period.startDate <= order.startDate && (period.endDate === null || order.startDate <= period.endDate)),
    );
    const status = careLeaverStatusOn({
      dateOfBirth: facts.person.dateOfBirth,
      periods: facts.periods,
      legalStatuses: facts.legalStatuses,
      specialGuardianshipOrderMadeWhileLookedAfter,
      asOf: child.asOf,
    });
    return { ...status, category: status.category as CareLeaverCategory };
  }

  @FieldResolver(() => [KeyContact], {
    description:
      'Who works with the child now: allocated social worker, team manager, IRO, CP co-ordinator, personal adviser, lead professional.',
  })
  keyContacts(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<KeyContact[]> {
    return whenRead(context.records.read(child.id, ['involvements', 'careLeaverRecords']), ({ involvements, careLeaverRecords }) => keyContactsOn(child, involvements, careLeaverRecords, context));
  }

  @FieldResolver(() => DutyContact, {
    nullable: true,
    description: "Who to ring about this child: the allocated team's duty line and the out-of-hours line (as CP-IS gives health staff).",
  })
  dutyContact(@Root() child: Child, @Ctx() context: RequestContext): MaybePromise<DutyContact | null> {
    const read = context.records.read(child.id, ['involvements', 'careLeaverRecords', 'teamContacts']);
    return whenRead(read, ({ involvements, careLeaverRecords, teamContacts }) => {
      const team = allocatedTeam(involvements, careLeaverRecords, child.asOf, context);
      if (team === null) return null;
      const contact = teamContacts.find((candidate) => candidate.teamId === team.id);
      if (!contact) return null;
      return {
        team: contact.teamName ?? contact.teamId,
        phone: contact.dutyPhone,
        email: contact.dutyEmail,
        outOfHoursPhone: contact.outOfHoursPhone,
      };
    });
  }
}

/** Who works with the child on its asOf: open involvements, and a care leaver's personal adviser. */
function keyContactsOn(child: Child, involvements: readonly InvolvementFact[], careLeaverRecords: readonly CareLeaverRecordFact[], context: RequestContext): KeyContact[] {
  const contacts: KeyContact[] = openInvolvements(involvements, child.asOf).map((involvement) => ({
    role: keyContactRoleOf(involvement.roleLabel, context),
    name: involvement.professionalName ?? 'Name not recorded',
    jobTitle: involvement.jobTitle,
    team: involvement.teamName,
    since: involvement.startDate,
  }));
  // The SSD names a care leaver's personal adviser on the care-leaver record, not as an involvement.
  for (const record of careLeaverRecords) {
    if (record.personalAdviser && !contacts.some((contact) => contact.role === KeyContactRole.PERSONAL_ADVISER)) {
      contacts.push({ role: KeyContactRole.PERSONAL_ADVISER, name: record.personalAdviser, jobTitle: 'Personal Adviser', team: record.teamName, since: null });
    }
  }
  return contacts;
}

@Resolver(() => ChildConnection)
export class ChildConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: ChildConnection): Promise<number> {
    return connection.totalCount();
  }
}
