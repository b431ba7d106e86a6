//! The simulation's resources, found by a remembered id.
//!
//! Resources are entities in Bevy. `World::resource` first finds the type's
//! `ComponentId` in a map keyed by type, then the resource's entity, and a
//! turn of a heuristic game asks about 150 times: the map alone took 4% of a
//! batch's time. [`Lookup::res`] and [`Lookup::res_mut`] remember the id of
//! each resource type, per thread, for the last world that asked, and go
//! straight to the entity.
//!
//! A type's id in a world never changes once registered, and no two worlds
//! share a `WorldId`, so a remembered id is either right or not used.

use super::log::SimLog;
use super::order::{OrdersGiven, PendingOrders, UndoneOrders};
use super::routes::RouteCache;
use super::state::*;
use bevy::ecs::component::{ComponentId, Mutable};
use bevy::ecs::world::WorldId;
use bevy::prelude::*;
use std::cell::Cell;
use std::thread::LocalKey;

/// Where a resource type's id is remembered, with the world it is for.
type Slot = Cell<Option<(WorldId, ComponentId)>>;

/// A resource the simulation looks up often: its id is remembered.
pub trait Kept: Resource {
    /// This thread's remembered id of the type.
    fn slot() -> &'static LocalKey<Slot>;
}

macro_rules! kept {
    ($($t:ty),* $(,)?) => {
        $(impl Kept for $t {
            fn slot() -> &'static LocalKey<Slot> {
                thread_local! { static SLOT: Slot = const { Cell::new(None) }; }
                &SLOT
            }
        })*
    };
}

kept!(
    ScenarioRes,
    Registry,
    Readers,
    Clock,
    CommandPoints,
    Funds,
    Flags,
    GameOver,
    EventsFired,
    SimRng,
    SimLog,
    PendingOrders,
    UndoneOrders,
    OrdersGiven,
    RouteCache,
    super::facts::TableCache,
);

/// The id of `T` in `world`, if it is registered there.
#[inline]
fn id_of<T: Kept>(world: &World) -> Option<ComponentId> {
    let here = world.id();
    T::slot().with(|slot| match slot.get() {
        Some((there, id)) if there == here => Some(id),
        _ => {
            let id = world.components().component_id::<T>()?;
            slot.set(Some((here, id)));
            Some(id)
        }
    })
}

#[cold]
#[inline(never)]
fn missing<T>() -> ! {
    panic!("the world has no resource {}", std::any::type_name::<T>())
}

/// `World::resource` and its kin, for the simulation's resources.
pub trait Lookup {
    /// The resource; it panics if the world has none, as `World::resource` does.
    fn res<T: Kept>(&self) -> &T;
    /// The resource, if the world has it.
    fn try_res<T: Kept>(&self) -> Option<&T>;
    /// The resource, to change; it panics if the world has none.
    fn res_mut<T: Kept + Component<Mutability = Mutable>>(&mut self) -> Mut<'_, T>;
    /// The resource, to change, if the world has it.
    fn try_res_mut<T: Kept + Component<Mutability = Mutable>>(&mut self) -> Option<Mut<'_, T>>;
}

impl Lookup for World {
    #[inline]
    fn res<T: Kept>(&self) -> &T {
        self.try_res().unwrap_or_else(|| missing::<T>())
    }

    #[inline]
    fn try_res<T: Kept>(&self) -> Option<&T> {
        let ptr = self.get_resource_by_id(id_of::<T>(self)?)?;
        // SAFETY: the id is `T`'s in this world (see the module's doc).
        Some(unsafe { ptr.deref::<T>() })
    }

    #[inline]
    fn res_mut<T: Kept + Component<Mutability = Mutable>>(&mut self) -> Mut<'_, T> {
        self.try_res_mut().unwrap_or_else(|| missing::<T>())
    }

    #[inline]
    fn try_res_mut<T: Kept + Component<Mutability = Mutable>>(&mut self) -> Option<Mut<'_, T>> {
        let id = id_of::<T>(self)?;
        let untyped = self.get_resource_mut_by_id(id)?;
        // SAFETY: the id is `T`'s in this world (see the module's doc).
        Some(unsafe { untyped.with_type::<T>() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_world_finds_its_own_resources_whatever_their_ids() {
        // Two worlds that register the same types in a different order give them different ids.
        let mut first = World::new();
        first.insert_resource(Funds::default());
        first.insert_resource(CommandPoints::default());
        let mut second = World::new();
        second.insert_resource(CommandPoints::default());
        second.insert_resource(Funds::default());
        let ids = |w: &World| (w.components().component_id::<Funds>(), w.components().component_id::<CommandPoints>());
        assert_ne!(ids(&first), ids(&second));
        first.res_mut::<Funds>().mrc = 1;
        second.res_mut::<Funds>().mrc = 2;
        first.res_mut::<CommandPoints>().mrc = 10;
        second.res_mut::<CommandPoints>().mrc = 20;
        for _ in 0..2 {
            assert_eq!((first.res::<Funds>().mrc, first.res::<CommandPoints>().mrc), (1, 10));
            assert_eq!((second.res::<Funds>().mrc, second.res::<CommandPoints>().mrc), (2, 20));
        }
        assert!(first.try_res::<Clock>().is_none());
        first.remove_resource::<Funds>();
        assert!(first.try_res::<Funds>().is_none(), "a removed resource is not found");
    }
}
