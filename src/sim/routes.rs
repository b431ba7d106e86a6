//! Routes over open links: the hops from every place to every other, for a
//! mover of each side and of none, within the rules' most hops. The table is
//! kept in the world, each row searched when first asked for, and begun again
//! only when the network changes (a bridge raised, lowered or changing
//! hands), which happens a few times a game; the AI asks for routes thousands
//! of times a turn. The games of a batch share their tables: most reach the
//! same few networks.

use crate::scenario::{Scenario, Side};
use bevy::prelude::*;
use std::sync::{Arc, Mutex, OnceLock};

/// Where hops cannot reach.
pub const UNREACHABLE: u32 = u32::MAX;

/// Hops between every pair of places for one state of the network, each
/// row searched the first time it is asked for.
#[derive(Debug)]
pub struct RouteTable {
    /// The state of the network: each place's raised state, and each
    /// bridge's holder (`None` for places that are not bridges, whose holder
    /// does not stop a mover).
    raised: Vec<bool>,
    bridge_holders: Vec<Option<Side>>,
    /// By mover (none, then each side by `Side::index`) and starting place.
    rows: Vec<OnceLock<Vec<u32>>>,
}

impl RouteTable {
    /// A table for the network `raised` and `holder` tell, with no row searched yet.
    fn new(sc: &Scenario, raised: &impl Fn(usize) -> bool, holder: &impl Fn(usize) -> Option<Side>) -> RouteTable {
        let places = 0..sc.file.map.places.len();
        RouteTable {
            raised: places.clone().map(raised).collect(),
            bridge_holders: places.clone().map(|p| holder(p).filter(|_| sc.bridges.contains(p))).collect(),
            // One row per mover (none, then each side) and starting place.
            rows: (0..3 * places.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Whether the table is for the network `raised` and `holder` tell (see
    /// [`RouteCache::table`]). Only bridges are raised, and only a bridge's
    /// holder stops a mover, so only bridges are compared.
    fn is_for(&self, sc: &Scenario, raised: &impl Fn(usize) -> bool, holder: &impl Fn(usize) -> Option<Side>) -> bool {
        sc.bridges.iter().all(|p| self.raised[p] == raised(p) && self.bridge_holders[p] == holder(p))
    }

    /// Hops from `from` to every place for a mover of `side`, with the rules' most hops.
    pub fn from(&self, sc: &Scenario, from: usize, side: Option<Side>) -> &[u32] {
        let mover = side.map_or(0, |s| 1 + s.index());
        let places = sc.file.map.places.len();
        self.rows[mover * places + from]
            .get_or_init(|| search(sc, &self.raised, &self.bridge_holders, from, side, sc.file.rules.max_move_hops))
    }
}

/// The last table searched in a world. A cache: the table is a function of
/// the places' state, so keeping it (or sharing it) changes nothing a game does.
#[derive(Resource, Default)]
pub struct RouteCache {
    last: Mutex<Option<Arc<RouteTable>>>,
    /// Tables shared with other games of the same scenario, if any.
    shared: Option<Arc<RouteLibrary>>,
}

impl RouteCache {
    /// A cache that shares its tables with other games through `library`.
    pub fn sharing(library: Arc<RouteLibrary>) -> RouteCache {
        RouteCache { last: Mutex::default(), shared: Some(library) }
    }

    /// The table for this network, begun again only if it changed: `raised`
    /// and `holder` tell each place's raised state and holder.
    pub fn table(
        &self,
        sc: &Scenario,
        raised: impl Fn(usize) -> bool,
        holder: impl Fn(usize) -> Option<Side>,
    ) -> Arc<RouteTable> {
        let mut kept = self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(table) = kept.as_ref().filter(|t| t.is_for(sc, &raised, &holder)) {
            return table.clone();
        }
        let table = match &self.shared {
            Some(library) => library.table(sc, &raised, &holder),
            None => Arc::new(RouteTable::new(sc, &raised, &holder)),
        };
        *kept = Some(table.clone());
        table
    }

    /// A cache holding the same table, for a copy of the world.
    pub fn duplicate(&self) -> RouteCache {
        let last = self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        RouteCache { last: Mutex::new(last), shared: self.shared.clone() }
    }
}

/// Route tables shared by the games of one batch. Every game begins with
/// the same network and most reach the same few others, so a table searched
/// in one game serves the rest. Holds at most [`RouteLibrary::NETWORKS`].
#[derive(Default)]
pub struct RouteLibrary(Mutex<Vec<Arc<RouteTable>>>);

impl RouteLibrary {
    /// Most networks kept; the tables of any others are searched in each game that reaches them.
    pub const NETWORKS: usize = 64;

    /// The shared table for this network, new (and kept, while there is room) if none is.
    fn table(
        &self,
        sc: &Scenario,
        raised: &impl Fn(usize) -> bool,
        holder: &impl Fn(usize) -> Option<Side>,
    ) -> Arc<RouteTable> {
        let mut tables = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(table) = tables.iter().find(|t| t.is_for(sc, raised, holder)) {
            return table.clone();
        }
        let table = Arc::new(RouteTable::new(sc, raised, holder));
        if tables.len() < Self::NETWORKS {
            tables.push(table.clone());
        }
        table
    }
}

/// Breadth-first search over open links from `from`: hops to every place
/// within `max_hops` ([`UNREACHABLE`] elsewhere). A mover may not pass through
/// a raised bridge or one the other side holds, though it may enter it; a unit
/// standing on a bridge may leave it by either end.
pub fn search(
    sc: &Scenario,
    raised: &[bool],
    holders: &[Option<Side>],
    from: usize,
    side: Option<Side>,
    max_hops: u32,
) -> Vec<u32> {
    let blocked =
        |p: usize| sc.bridges.contains(p) && (raised[p] || matches!((holders[p], side), (Some(h), Some(s)) if h != s));
    let mut dist = vec![UNREACHABLE; sc.file.map.places.len()];
    // Each place is queued at most once, so the queue is a list read from the front.
    let mut queue = Vec::with_capacity(dist.len());
    queue.push(from);
    dist[from] = 0;
    let mut next = 0;
    while let Some(&p) = queue.get(next) {
        next += 1;
        if dist[p] >= max_hops || (p != from && blocked(p)) {
            continue;
        }
        for &n in &sc.neighbours[p] {
            if dist[n] == UNREACHABLE {
                dist[n] = dist[p] + 1;
                queue.push(n);
            }
        }
    }
    dist
}
