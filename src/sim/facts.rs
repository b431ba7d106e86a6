//! Reading the world: who holds what, where units are, committed forces,
//! routes over open links, and whether a condition holds. Plain functions over
//! `&World`, so they can be tested without an `App`.

use super::lookup::Lookup;
use super::routes::{self, RouteCache, RouteTable};
use super::state::*;
use crate::scenario::target_set::TargetSet;
use crate::scenario::*;
use bevy::ecs::component::Mutable;
use bevy::prelude::*;
use std::sync::OnceLock;

/// The order being checked or resolved, for the stand-ins "@place" and "@unit".
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ctx {
    pub faction: Option<Side>,
    pub place: Option<usize>,
    pub unit: Option<usize>,
}

/// The scenario behind the world.
pub fn scenario(world: &World) -> &Scenario {
    &world.res::<ScenarioRes>().0
}

/// What is known of a place, read once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct PlaceState {
    holder: Option<Side>,
    raised: bool,
    cut: bool,
}

/// What is known of a unit, read once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct UnitState {
    status: UnitStatus,
    location: usize,
    active: bool,
    loyalty: i32,
    strength: u32,
    /// The unit's quality, from the scenario: kept in the row so that its power is read from one place.
    quality: u32,
}

impl UnitState {
    /// Fighting power: men × quality.
    #[inline]
    fn power(&self) -> u32 {
        self.strength * self.quality
    }

    /// The sides whose force at its place the unit counts in: it is on the
    /// map, active, and committed to them (loyalty at least `commitment` their way).
    fn counted_for(&self, commitment: i32) -> impl Iterator<Item = Side> + '_ {
        let counted = self.status == UnitStatus::OnMap && self.active;
        Side::ALL.into_iter().filter(move |side| counted && self.loyalty * side.sign() >= commitment)
    }
}

/// A table of `count` items read in any order, each put at its index. Every
/// index is read exactly once (each place and unit has its own index).
fn by_index<T: Copy>(blank: T, count: usize, reads: impl Iterator<Item = (usize, T)>) -> Vec<T> {
    let mut table = vec![blank; count];
    let mut read = 0;
    for (i, item) in reads {
        table[i] = item;
        read += 1;
    }
    assert_eq!(read, count, "every place and unit is read");
    table
}

/// The tables views read from the world (every place, every unit, and what
/// follows from them), kept between views. A cache: each table is a function
/// of the world's places and units, so keeping it changes nothing a game
/// does, as long as every change to a place or a unit is followed by
/// [`place_changed`] or [`unit_changed`], which bring the tables up to date
/// (the effects do this), or by [`forget_tables`] (copying and restoring a
/// game do this). Builds with debug assertions, the tests among them, read
/// each kept table afresh as well and check that the two agree.
#[derive(Resource, Default)]
pub struct TableCache(Tables);

/// Active, committed men and power of each side (by `Side::index`) at a place.
type SidesAt = [(u32, u32); 2];

/// Each table is built by the first view that needs it (views share the
/// world, so each slot is set once, by one of them), and changed in place
/// while no view is held.
#[derive(Default)]
struct Tables {
    places: OnceLock<Box<[PlaceState]>>,
    units: OnceLock<Box<[UnitState]>>,
    forces: OnceLock<Box<[SidesAt]>>,
    units_by_place: OnceLock<Box<[TargetSet]>>,
    /// Every unit, the strongest first (in scenario order among equals).
    strongest_first: OnceLock<Box<[usize]>>,
}

/// Drops the tables kept for the world's views: for code that changes many places or units at once.
pub fn forget_tables(world: &mut World) {
    if let Some(tables) = kept_tables(world) {
        *tables = Tables::default();
    }
}

fn kept_tables(world: &mut World) -> Option<&mut Tables> {
    Some(&mut world.try_res_mut::<TableCache>()?.into_inner().0)
}

/// A kept table to change in place, if one is kept.
fn to_change<T>(table: &mut OnceLock<Box<[T]>>) -> Option<&mut [T]> {
    table.get_mut().map(|t| &mut **t)
}

/// A component of a place that the kept tables copy, and where in a place's row.
pub(super) trait PlaceField: Component<Mutability = Mutable> + Copy {
    fn write(self, row: &mut PlaceState);
}

impl PlaceField for Holder {
    fn write(self, row: &mut PlaceState) {
        row.holder = self.0;
    }
}

impl PlaceField for Bridge {
    fn write(self, row: &mut PlaceState) {
        row.raised = self.raised;
    }
}

impl PlaceField for Lines {
    fn write(self, row: &mut PlaceState) {
        row.cut = self.cut;
    }
}

/// A component of a unit that the kept tables copy, and where in a unit's row.
pub(super) trait UnitField: Component<Mutability = Mutable> + Copy {
    fn write(self, row: &mut UnitState);
}

impl UnitField for UnitStatus {
    fn write(self, row: &mut UnitState) {
        row.status = self;
    }
}

impl UnitField for Location {
    fn write(self, row: &mut UnitState) {
        row.location = self.0;
    }
}

impl UnitField for Ready {
    fn write(self, row: &mut UnitState) {
        row.active = self.0 == Readiness::Active;
    }
}

impl UnitField for Loyalty {
    fn write(self, row: &mut UnitState) {
        row.loyalty = self.0;
    }
}

impl UnitField for Strength {
    fn write(self, row: &mut UnitState) {
        row.strength = self.0;
    }
}

/// Brings the kept tables up to date after a place's component became `value`.
pub(super) fn place_changed<C: PlaceField>(world: &mut World, place: usize, value: C) {
    if let Some(places) = kept_tables(world).and_then(|t| to_change(&mut t.places)) {
        value.write(&mut places[place]);
    }
}

/// Brings the kept tables up to date after a unit's component became
/// `value`: its row, and what it adds to the forces and to the units at its
/// place, before and after.
pub(super) fn unit_changed<C: UnitField>(world: &mut World, unit: usize, value: C) {
    let commitment = scenario(world).file.rules.commitment;
    let Some(tables) = kept_tables(world) else { return };
    let Some(units) = to_change(&mut tables.units) else {
        *tables = Tables::default();
        return;
    };
    let before = units[unit];
    value.write(&mut units[unit]);
    let now = units[unit];
    if let Some(forces) = to_change(&mut tables.forces) {
        for (state, arriving) in [(before, false), (now, true)] {
            for side in state.counted_for(commitment) {
                let cell = &mut forces[state.location][side.index()];
                let (men, power) = (state.strength, state.power());
                *cell = if arriving { (cell.0 + men, cell.1 + power) } else { (cell.0 - men, cell.1 - power) };
            }
        }
    }
    if let Some(by_place) = to_change(&mut tables.units_by_place) {
        if before.status == UnitStatus::OnMap {
            by_place[before.location].remove(unit);
        }
        if now.status == UnitStatus::OnMap {
            by_place[now.location].insert(unit);
        }
    }
    // Power changes seldom (with casualties): the order is found again when it does.
    if before.power() != now.power() {
        tables.strongest_first.take();
    }
}

/// The world seen for many questions in a row. Resources are entities in Bevy,
/// and finding one costs more than the answer, so a view finds each resource
/// it needs once, at the first question that needs it. Places and units are
/// read from tables of them all, which the world keeps between views (see
/// [`TableCache`]). A view borrows the world, so nothing can change while it is held.
pub struct View<'w> {
    pub world: &'w World,
    pub sc: &'w Scenario,
    registry: std::cell::OnceCell<&'w Registry>,
    readers: std::cell::OnceCell<&'w Readers>,
    flags: std::cell::OnceCell<&'w Flags>,
    clock: std::cell::OnceCell<&'w Clock>,
    command: std::cell::OnceCell<&'w CommandPoints>,
    funds: std::cell::OnceCell<&'w Funds>,
    over: std::cell::OnceCell<&'w GameOver>,
    places: std::cell::OnceCell<&'w [PlaceState]>,
    units: std::cell::OnceCell<&'w [UnitState]>,
    /// Active, committed men and power of each side (by `Side::index`) at each place.
    forces: std::cell::OnceCell<&'w [SidesAt]>,
    /// The units on the map at each place.
    units_by_place: std::cell::OnceCell<&'w [TargetSet]>,
    strongest_first: std::cell::OnceCell<&'w [usize]>,
    /// The units on the map.
    on_map: std::cell::OnceCell<TargetSet>,
    /// The answers of the scenario's shared tests (see [`SweptTest`]), at
    /// `2 × number + side` (a test that reads no side is kept under the first), once asked.
    swept: Remembered<TargetSet>,
    /// The answers of the scenario's world tests (see [`Scenario::world_test`]), by number, once asked.
    world_answers: Remembered<bool>,
    /// The world's routes for the network as it stands, found on the first question.
    route_cache: std::cell::OnceCell<&'w RouteCache>,
    table_cache: std::cell::OnceCell<&'w TableCache>,
    routes: std::cell::OnceCell<std::sync::Arc<RouteTable>>,
}

impl<'w> View<'w> {
    /// A view of the world.
    pub fn of(world: &'w World) -> View<'w> {
        View {
            world,
            sc: scenario(world),
            registry: Default::default(),
            readers: Default::default(),
            flags: Default::default(),
            clock: Default::default(),
            command: Default::default(),
            funds: Default::default(),
            over: Default::default(),
            places: Default::default(),
            units: Default::default(),
            forces: Default::default(),
            units_by_place: Default::default(),
            strongest_first: Default::default(),
            on_map: Default::default(),
            swept: Default::default(),
            world_answers: Default::default(),
            route_cache: Default::default(),
            table_cache: Default::default(),
            routes: Default::default(),
        }
    }

    /// A resource of the world, found at the first question that needs it.
    fn found<T: super::lookup::Kept>(&self, cell: &std::cell::OnceCell<&'w T>) -> &'w T {
        cell.get_or_init(|| self.world.res::<T>())
    }

    fn registry(&self) -> &'w Registry {
        self.found(&self.registry)
    }

    fn readers(&self) -> &'w Readers {
        self.found(&self.readers)
    }

    /// The side's command points.
    pub fn command(&self, side: Side) -> i32 {
        self.found(&self.command).get(side)
    }

    /// The side's funds.
    pub fn funds(&self, side: Side) -> i32 {
        self.found(&self.funds).get(side)
    }

    /// Whether the game is over.
    pub fn over(&self) -> bool {
        self.found(&self.over).0.is_some()
    }

    /// A place's row of the kept tables, from its components.
    fn place_read((_, holder, bridge, lines): (&PlaceIndex, &Holder, Option<&Bridge>, &Lines)) -> PlaceState {
        PlaceState { holder: holder.0, raised: bridge.is_some_and(|b| b.raised), cut: lines.cut }
    }

    /// A unit's row of the kept tables, from its components.
    #[allow(clippy::type_complexity)]
    fn unit_read(
        (_, status, location, ready, loyalty, strength): (
            &UnitIndex,
            &UnitStatus,
            &Location,
            &Ready,
            &Loyalty,
            &Strength,
        ),
        quality: u32,
    ) -> UnitState {
        UnitState {
            status: *status,
            location: location.0,
            active: ready.0 == Readiness::Active,
            loyalty: loyalty.0,
            strength: strength.0,
            quality,
        }
    }

    /// A table the world's [`TableCache`] keeps in `slot`, built by `build`
    /// if it keeps none yet (and kept from then on).
    fn kept<T: PartialEq>(
        &self,
        slot: fn(&'w Tables) -> &'w OnceLock<Box<[T]>>,
        build: impl Fn() -> Box<[T]>,
    ) -> &'w [T] {
        // A world with a scenario has the cache too (see `spawn::start_resources`).
        let cache = self.table_cache.get_or_init(|| self.world.res::<TableCache>());
        // A table may be built from another, never from itself.
        let table = slot(&cache.0).get_or_init(&build);
        debug_assert!(
            **table == *build(),
            "a kept table agrees with the world (was a change not followed by unit_changed or place_changed?)"
        );
        table
    }

    /// Every place, read once: one pass over the query, each put at its index.
    fn all_places(&self) -> &[PlaceState] {
        self.places.get_or_init(|| {
            self.kept(
                |t| &t.places,
                || {
                    let blank = PlaceState { holder: None, raised: false, cut: false };
                    let reads = self.readers().places.iter_manual(self.world);
                    by_index(blank, self.registry().places.len(), reads.map(|read| (read.0.0, Self::place_read(read))))
                        .into()
                },
            )
        })
    }

    /// Every unit, read once: one pass over the query, each put at its index.
    fn all_units(&self) -> &[UnitState] {
        self.units.get_or_init(|| {
            self.kept(
                |t| &t.units,
                || {
                    let blank = UnitState {
                        status: UnitStatus::Arrested,
                        location: 0,
                        active: false,
                        loyalty: 0,
                        strength: 0,
                        quality: 0,
                    };
                    let units = &self.sc.file.units;
                    let reads = self.readers().units.iter_manual(self.world);
                    let rows = reads.map(|read| (read.0.0, Self::unit_read(read, units[read.0.0].quality)));
                    by_index(blank, self.registry().units.len(), rows).into()
                },
            )
        })
    }

    /// A place, from the table of every place (kept between views, so even a
    /// view asked one question seldom reads the world for it).
    #[inline]
    fn place(&self, place: usize) -> &PlaceState {
        &self.all_places()[place]
    }

    /// A unit, from the table of every unit.
    #[inline]
    fn unit(&self, unit: usize) -> &UnitState {
        &self.all_units()[unit]
    }

    /// The place a name stands for ("@place": the order's).
    #[inline]
    pub fn place_ref(&self, ctx: &Ctx, name: &IdRef) -> Option<usize> {
        self.named(name, IdKind::Place, ctx.place)
    }

    /// The unit a name stands for ("@unit": the order's).
    #[inline]
    pub fn unit_ref(&self, ctx: &Ctx, name: &IdRef) -> Option<usize> {
        self.named(name, IdKind::Unit, ctx.unit)
    }

    /// What a name stands for: as resolved at load, or looked up now for a
    /// name made in code; `own` is the order's own target of that kind.
    #[inline]
    fn named(&self, name: &IdRef, kind: IdKind, own: Option<usize>) -> Option<usize> {
        named(name, kind, own, || self.sc)
    }

    /// Who holds the place.
    #[inline]
    pub fn holder(&self, place: usize) -> Option<Side> {
        self.place(place).holder
    }

    /// Whether the bridge is raised (false for places that are not bridges).
    #[inline]
    pub fn raised(&self, place: usize) -> bool {
        self.place(place).raised
    }

    /// Whether the place's lines are cut.
    #[inline]
    pub fn lines_cut(&self, place: usize) -> bool {
        self.place(place).cut
    }

    /// A unit's loyalty.
    #[inline]
    pub fn loyalty(&self, unit: usize) -> i32 {
        self.unit(unit).loyalty
    }

    /// A unit's strength in men.
    #[inline]
    pub fn strength(&self, unit: usize) -> u32 {
        self.unit(unit).strength
    }

    /// A unit's place.
    #[inline]
    pub fn location(&self, unit: usize) -> usize {
        self.unit(unit).location
    }

    /// A unit's status.
    #[inline]
    pub fn status(&self, unit: usize) -> UnitStatus {
        self.unit(unit).status
    }

    /// Whether a unit is on the map (not expected, withdrawn or arrested).
    #[inline]
    pub fn on_map(&self, unit: usize) -> bool {
        self.status(unit) == UnitStatus::OnMap
    }

    /// Whether a unit is active.
    #[inline]
    pub fn active(&self, unit: usize) -> bool {
        self.unit(unit).active
    }

    /// Whether the unit would fight for the side.
    #[inline]
    pub fn committed(&self, unit: usize, side: Side) -> bool {
        self.loyalty(unit) * side.sign() >= self.sc.file.rules.commitment
    }

    /// The side a unit leans to, if it is committed to one.
    #[inline]
    pub fn leaning(&self, unit: usize) -> Option<Side> {
        Side::ALL.into_iter().find(|s| self.committed(unit, *s))
    }

    /// Units on the map at a place, in scenario order.
    pub fn units_at(&self, place: usize) -> Vec<usize> {
        self.units_here(place).iter().collect()
    }

    /// The units on the map, as a set.
    pub fn units_on_map(&self) -> TargetSet {
        *self.on_map.get_or_init(|| {
            let units = self.all_units();
            TargetSet::from_fn(units.len(), |u| units[u].status == UnitStatus::OnMap)
        })
    }

    /// Units on the map at a place, as a set.
    pub fn units_here(&self, place: usize) -> TargetSet {
        let by_place = self.units_by_place.get_or_init(|| {
            self.kept(
                |t| &t.units_by_place,
                || {
                    let mut table = vec![TargetSet::EMPTY; self.registry().places.len()];
                    for (u, unit) in self.all_units().iter().enumerate() {
                        if unit.status == UnitStatus::OnMap {
                            table[unit.location].insert(u);
                        }
                    }
                    table.into()
                },
            )
        });
        by_place[place]
    }

    /// Every unit (on the map or not), the strongest first, in scenario order among equals.
    pub fn strongest_first(&self) -> &'w [usize] {
        self.strongest_first.get_or_init(|| {
            self.kept(
                |t| &t.strongest_first,
                || {
                    let units = self.all_units();
                    let mut order: Vec<usize> = (0..units.len()).collect();
                    order.sort_by_key(|u| (std::cmp::Reverse(units[*u].power()), *u));
                    order.into()
                },
            )
        })
    }

    /// Fighting power of a unit: men × quality.
    #[inline]
    pub fn power(&self, unit: usize) -> u32 {
        self.unit(unit).power()
    }

    /// Active, committed men of a side at a place, and their power.
    pub fn force(&self, side: Side, place: usize) -> (u32, u32) {
        let forces = self.forces.get_or_init(|| {
            self.kept(
                |t| &t.forces,
                || {
                    let mut table = vec![[(0, 0); 2]; self.registry().places.len()];
                    for unit in self.all_units() {
                        for side in unit.counted_for(self.sc.file.rules.commitment) {
                            let cell = &mut table[unit.location][side.index()];
                            cell.0 += unit.strength;
                            cell.1 += unit.power();
                        }
                    }
                    table.into()
                },
            )
        });
        forces[place][side.index()]
    }

    /// See [`route_hops`].
    pub fn route_hops(&self, from: usize, to: usize, side: Option<Side>, max_hops: u32) -> Option<u32> {
        let d = if max_hops == self.sc.file.rules.max_move_hops {
            self.routes_from(from, side)[to]
        } else {
            routes::search(self.sc, &self.raised_all(), &self.holders(), from, side, max_hops)[to]
        };
        (d != routes::UNREACHABLE).then_some(d)
    }

    /// Hops from a place to every place within the rules' most hops
    /// ([`routes::UNREACHABLE`] where a mover cannot go; see [`route_hops`]).
    pub fn routes_from(&self, from: usize, side: Option<Side>) -> &[u32] {
        let table = self.routes.get_or_init(|| {
            let places = self.all_places();
            self.found(&self.route_cache).table(self.sc, |p| places[p].raised, |p| places[p].holder)
        });
        table.from(self.sc, from, side)
    }

    /// Whether each place is raised (false for places that are not bridges), by place index.
    fn raised_all(&self) -> Vec<bool> {
        self.all_places().iter().map(|p| p.raised).collect()
    }

    /// Who holds each place, by place index.
    pub fn holders(&self) -> Vec<Option<Side>> {
        self.all_places().iter().map(|p| p.holder).collect()
    }

    /// Each unit on the map, in unit order, with its place and its loyalty:
    /// read from the table of every unit in one pass.
    pub fn on_map_loyalties(&self) -> impl Iterator<Item = (usize, usize, i32)> + '_ {
        (self.all_units().iter().enumerate())
            .filter(|(_, unit)| unit.status == UnitStatus::OnMap)
            .map(|(u, unit)| (u, unit.location, unit.loyalty))
    }

    /// Total place value held by each side.
    pub fn held_values(&self) -> PerSide {
        let mut values = PerSide::default();
        for (p, place) in self.all_places().iter().enumerate() {
            if let Some(side) = place.holder {
                *values.get_mut(side) += self.sc.file.map.places[p].value;
            }
        }
        values
    }

    /// Whether a condition holds.
    pub fn holds(&self, ctx: &Ctx, c: &Condition) -> bool {
        self.failing(ctx, c).is_none()
    }

    /// The first predicate that keeps a condition from holding, or `None` when it holds.
    /// For `Not` and `Any`, the whole sub-condition is returned.
    pub fn failing<'c>(&self, ctx: &Ctx, c: &'c Condition) -> Option<&'c Condition> {
        let ok = |b: bool| if b { None } else { Some(c) };
        let place = |name: &IdRef| self.place_ref(ctx, name);
        let unit = |name: &IdRef| self.unit_ref(ctx, name);
        match c {
            Condition::Always => None,
            Condition::Never => Some(c),
            Condition::All(list) => list.iter().find_map(|x| self.failing(ctx, x)),
            Condition::Any(list) => ok(list.iter().any(|x| self.holds(ctx, x))),
            Condition::Not(x) => ok(!self.holds(ctx, x)),
            Condition::Holds(side, p) => ok(place(p).is_some_and(|p| self.holder(p) == Some(*side))),
            Condition::Loyalty(u, cmp, v) => ok(unit(u).is_some_and(|u| compare(self.loyalty(u), *cmp, *v))),
            Condition::Flag(f) => ok(self.found(&self.flags).is_set(f)),
            Condition::After(t) => ok(self.found(&self.clock).now >= *t),
            Condition::Before(t) => ok(self.found(&self.clock).now < *t),
            Condition::UnitAt(u, p) => ok(match (unit(u), place(p)) {
                (Some(u), Some(p)) => self.on_map(u) && self.location(u) == p,
                _ => false,
            }),
            Condition::Present(u) => ok(unit(u).is_some_and(|u| self.on_map(u))),
            Condition::Active(u) => ok(unit(u).is_some_and(|u| self.on_map(u) && self.active(u))),
            Condition::Raised(p) => ok(place(p).is_some_and(|p| self.raised(p))),
            Condition::LinesCut(p) => ok(place(p).is_some_and(|p| self.lines_cut(p))),
            Condition::Force(side, p, cmp, men) => {
                ok(place(p).is_some_and(|p| compare(self.force(*side, p).0 as i32, *cmp, *men as i32)))
            }
            Condition::CanReach(u, p) => ok(match (unit(u), place(p)) {
                (Some(u), Some(p)) => {
                    let side = ctx.faction.or_else(|| self.leaning(u));
                    let hops = self.sc.file.rules.max_move_hops;
                    self.on_map(u) && self.route_hops(self.location(u), p, side, hops).is_some()
                }
                _ => false,
            }),
            Condition::Near(a, b) => ok(match (place(a), place(b)) {
                (Some(a), Some(b)) => a == b || self.sc.neighbours[a].binary_search(&b).is_ok(),
                _ => false,
            }),
        }
    }
}

/// Answers a view finds at the first question and keeps, by number.
#[derive(Default)]
struct Remembered<T>(std::cell::RefCell<Vec<Option<T>>>);

impl<T: Copy> Remembered<T> {
    /// The answer kept at `slot` (of `slots`), or the one `find` gives, kept from now on.
    #[inline]
    fn get(&self, slot: usize, slots: usize, find: impl FnOnce() -> T) -> T {
        if let Some(Some(known)) = self.0.borrow().get(slot) {
            return *known;
        }
        self.find(slot, slots, find)
    }

    /// [`Remembered::get`] at the first question.
    #[cold]
    fn find(&self, slot: usize, slots: usize, find: impl FnOnce() -> T) -> T {
        let answer = find();
        let mut kept = self.0.borrow_mut();
        if kept.is_empty() {
            kept.resize(slots, None);
        }
        kept[slot] = Some(answer);
        answer
    }
}

impl View<'_> {
    /// Whether the scenario's world test `number` holds, found at the first question.
    #[inline]
    pub fn world_test_holds(&self, number: usize) -> bool {
        // A world test names no target and reads no side, so any order's context will do.
        self.world_answers
            .get(number, self.sc.world_test_count(), || self.holds(&Ctx::default(), self.sc.world_test(number)))
    }

    /// Whether `test` holds for the order `ctx`; `world_test` is its number
    /// among the scenario's world tests if it is one, so that its answer is shared.
    #[inline]
    pub fn test_holds(&self, ctx: &Ctx, test: &Condition, world_test: Option<usize>) -> bool {
        match world_test {
            Some(n) => self.world_test_holds(n),
            None => self.holds(ctx, test),
        }
    }

    /// The places (or units) at which the scenario's shared test `number`
    /// holds for an order of `side`, found at the first question.
    pub fn swept_answer(&self, side: Side, number: usize) -> TargetSet {
        let SweptTest { over, test, reads_side } = self.sc.swept_test(number);
        let slot = 2 * number + if *reads_side { side.index() } else { 0 };
        self.swept.get(slot, 2 * self.sc.swept_test_count(), || {
            self.holds_at_each(&Ctx { faction: Some(side), place: None, unit: None }, test, *over)
        })
    }

    /// The members of `start` at which every one of the shared tests holds for an order of `side`.
    pub fn all_swept_hold(&self, side: Side, tests: &[usize], start: TargetSet) -> TargetSet {
        tests.iter().fold(start, |set, n| if set.is_empty() { set } else { set.and(self.swept_answer(side, *n)) })
    }

    /// The places (or units, as `over` says) at which the condition holds
    /// when the order's place (or unit) is each of them in turn: what
    /// [`View::holds`] would say at each, found for all at once where the test allows.
    pub fn holds_at_each(&self, ctx: &Ctx, c: &Condition, over: IdKind) -> TargetSet {
        let count = match over {
            IdKind::Place => self.sc.file.map.places.len(),
            IdKind::Unit => self.sc.file.units.len(),
        };
        let every = TargetSet::below(count);
        let swept = |name: &IdRef| name.meant() == Meant::StandIn;
        // The places whose row passes `test` (generic, so that each test is compiled into its loop).
        fn places_where(places: &[PlaceState], test: impl Fn(&PlaceState) -> bool) -> TargetSet {
            TargetSet::from_fn(places.len(), |p| test(&places[p]))
        }
        match (over, c) {
            (_, Condition::All(list)) => list
                .iter()
                .fold(every, |set, x| if set.is_empty() { set } else { set.and(self.holds_at_each(ctx, x, over)) }),
            (_, Condition::Any(list)) => list.iter().fold(TargetSet::EMPTY, |set, x| {
                if set == every { set } else { set.or(self.holds_at_each(ctx, x, over)) }
            }),
            (_, Condition::Not(x)) => every.without(self.holds_at_each(ctx, x, over)),
            (IdKind::Place, Condition::Holds(side, p)) if swept(p) => {
                places_where(self.all_places(), |s| s.holder == Some(*side))
            }
            (IdKind::Place, Condition::Raised(p)) if swept(p) => places_where(self.all_places(), |s| s.raised),
            (IdKind::Place, Condition::LinesCut(p)) if swept(p) => places_where(self.all_places(), |s| s.cut),
            (IdKind::Place, Condition::UnitAt(u, p)) if swept(p) && !swept(u) => {
                let mut set = TargetSet::EMPTY;
                if let Some(u) = self.unit_ref(ctx, u).filter(|u| self.on_map(*u)) {
                    set.insert(self.location(u));
                }
                set
            }
            // Links work both ways, so the places near a place are its neighbours and itself.
            (IdKind::Place, Condition::Near(a, b)) if swept(a) || swept(b) => {
                let other = if swept(a) { b } else { a };
                if swept(other) {
                    return every;
                }
                let mut set = TargetSet::EMPTY;
                if let Some(o) = self.place_ref(ctx, other) {
                    set.insert(o);
                    self.sc.neighbours[o].iter().for_each(|n| set.insert(*n));
                }
                set
            }
            (IdKind::Unit, Condition::Present(u)) if swept(u) => self.units_on_map(),
            (IdKind::Unit, Condition::Active(u)) if swept(u) => {
                let units = self.all_units();
                self.units_on_map().and(TargetSet::from_fn(units.len(), |i| units[i].active))
            }
            // Loyalty is read whether the unit is on the map or not.
            (IdKind::Unit, Condition::Loyalty(u, cmp, v)) if swept(u) => {
                let units = self.all_units();
                TargetSet::from_fn(units.len(), |i| compare(units[i].loyalty, *cmp, *v))
            }
            (IdKind::Unit, Condition::UnitAt(u, p)) if swept(u) && !swept(p) => {
                self.place_ref(ctx, p).map(|p| self.units_here(p)).unwrap_or_default()
            }
            _ => {
                let (names_place, names_unit) = c.names_stand_ins();
                let varies = match over {
                    IdKind::Place => names_place,
                    IdKind::Unit => names_unit,
                };
                if !varies {
                    if self.holds(ctx, c) { every } else { TargetSet::EMPTY }
                } else {
                    TargetSet::from_fn(count, |i| {
                        let at = match over {
                            IdKind::Place => Ctx { place: Some(i), ..*ctx },
                            IdKind::Unit => Ctx { unit: Some(i), ..*ctx },
                        };
                        self.holds(&at, c)
                    })
                }
            }
        }
    }
}

// One question each: a view for it. Code that asks many questions of one
// world should hold a `View` instead.

/// What a name stands for: as resolved at load, or, for a name made in code,
/// looked up now in the scenario (`sc`, found only then); `own` is the
/// order's own target of that kind. It reads nothing else of the world.
#[inline]
fn named<'s>(name: &IdRef, kind: IdKind, own: Option<usize>, sc: impl FnOnce() -> &'s Scenario) -> Option<usize> {
    let meant = match name.meant() {
        Meant::Unknown => look_up(name, kind, sc()),
        known => known,
    };
    meant.target(own)
}

/// What a name made in code (not resolved at load) stands for.
#[cold]
fn look_up(name: &IdRef, kind: IdKind, sc: &Scenario) -> Meant {
    name.look_up(kind, |id| match kind {
        IdKind::Place => sc.place(id),
        IdKind::Unit => sc.unit(id),
    })
}

/// The place a name stands for ("@place": the order's).
pub fn place_ref(world: &World, ctx: &Ctx, name: &IdRef) -> Option<usize> {
    named(name, IdKind::Place, ctx.place, || scenario(world))
}

/// The unit a name stands for ("@unit": the order's).
pub fn unit_ref(world: &World, ctx: &Ctx, name: &IdRef) -> Option<usize> {
    named(name, IdKind::Unit, ctx.unit, || scenario(world))
}

/// Who holds the place.
pub fn holder(world: &World, place: usize) -> Option<Side> {
    View::of(world).holder(place)
}

/// Whether the bridge is raised (false for places that are not bridges).
pub fn raised(world: &World, place: usize) -> bool {
    View::of(world).raised(place)
}

/// Whether the place's lines are cut.
pub fn lines_cut(world: &World, place: usize) -> bool {
    View::of(world).lines_cut(place)
}

/// A unit's loyalty.
pub fn loyalty(world: &World, unit: usize) -> i32 {
    View::of(world).loyalty(unit)
}

/// A unit's strength in men.
pub fn strength(world: &World, unit: usize) -> u32 {
    View::of(world).strength(unit)
}

/// A unit's place.
pub fn location(world: &World, unit: usize) -> usize {
    View::of(world).location(unit)
}

/// A unit's status.
pub fn status(world: &World, unit: usize) -> UnitStatus {
    View::of(world).status(unit)
}

/// Whether a unit is on the map (not expected, withdrawn or arrested).
pub fn on_map(world: &World, unit: usize) -> bool {
    View::of(world).on_map(unit)
}

/// Whether a unit is active.
pub fn active(world: &World, unit: usize) -> bool {
    View::of(world).active(unit)
}

/// Whether the unit would fight for the side.
pub fn committed(world: &World, unit: usize, side: Side) -> bool {
    View::of(world).committed(unit, side)
}

/// The side a unit leans to, if it is committed to one.
pub fn leaning(world: &World, unit: usize) -> Option<Side> {
    View::of(world).leaning(unit)
}

/// Units on the map at a place, in scenario order.
pub fn units_at(world: &World, place: usize) -> Vec<usize> {
    View::of(world).units_at(place)
}

/// Fighting power of a unit: men × quality.
pub fn power(world: &World, unit: usize) -> u32 {
    View::of(world).power(unit)
}

/// Active, committed men of a side at a place, and their power.
pub fn force(world: &World, side: Side, place: usize) -> (u32, u32) {
    View::of(world).force(side, place)
}

/// The balance of force between two powers, as the chance rules read it:
/// from −1 (all the other side's) to 1 (all one's own), 0 when nobody is there.
pub fn balance(own: u32, other: u32) -> f32 {
    if own + other == 0 { 0.0 } else { (own as f32 - other as f32) / (own + other) as f32 }
}

/// Hops from `from` to `to` over open links, for a mover of `side`, if within
/// `max_hops`. A mover may not pass through a raised bridge or one the other
/// side holds, though it may enter it; a unit standing on a bridge may leave it
/// by either end.
pub fn route_hops(world: &World, from: usize, to: usize, side: Option<Side>, max_hops: u32) -> Option<u32> {
    View::of(world).route_hops(from, to, side, max_hops)
}

/// Who holds each place, by place index: one pass over the places.
pub fn holders(world: &World) -> Vec<Option<Side>> {
    View::of(world).holders()
}

/// Total place value held by each side.
pub fn held_values(world: &World) -> PerSide {
    View::of(world).held_values()
}

/// Whether a condition holds.
pub fn holds(world: &World, ctx: &Ctx, c: &Condition) -> bool {
    View::of(world).holds(ctx, c)
}

/// The first predicate that keeps a condition from holding, or `None` when it holds.
/// For `Not` and `Any`, the whole sub-condition is returned.
pub fn failing<'c>(world: &World, ctx: &Ctx, c: &'c Condition) -> Option<&'c Condition> {
    View::of(world).failing(ctx, c)
}

fn compare(value: i32, cmp: Cmp, against: i32) -> bool {
    match cmp {
        Cmp::AtLeast => value >= against,
        Cmp::AtMost => value <= against,
    }
}

#[cfg(test)]
mod tests {
    use super::balance;

    #[test]
    fn balance_runs_from_minus_one_to_one() {
        assert_eq!(balance(0, 0), 0.0);
        assert_eq!(balance(10, 0), 1.0);
        assert_eq!(balance(0, 10), -1.0);
        assert!((balance(30, 10) - 0.5).abs() < 1e-6);
    }
}
