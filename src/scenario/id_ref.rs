//! Ids of places and units as conditions and effects name them: the text a
//! scenario file gives, and what it stands for once the scenario is loaded.

use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A place or a unit named in a condition or an effect: its id as written,
/// and what the id stands for once the scenario is loaded (an index, or the
/// order's own place or unit for "@place" and "@unit"), so that the game does
/// not look ids up while it plays. Written and read as the bare id.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdRef {
    id: String,
    #[serde(skip)]
    meant: MeantSlot,
}

/// Where an [`IdRef`] keeps what it stands for. Set through a shared
/// reference, so that one walk over a scenario serves both validation (which
/// reads) and loading (which resolves); written only while the scenario is
/// built, before any thread shares it.
struct MeantSlot(AtomicUsize);

const UNKNOWN: usize = usize::MAX;
const STAND_IN: usize = usize::MAX - 1;

impl Default for MeantSlot {
    fn default() -> Self {
        MeantSlot(AtomicUsize::new(UNKNOWN))
    }
}

impl Clone for MeantSlot {
    fn clone(&self) -> Self {
        MeantSlot(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

/// What an [`IdRef`] stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Meant {
    /// Not resolved (a name made in code, or one that names nothing).
    #[default]
    Unknown,
    /// The order's own place or unit.
    StandIn,
    /// The place or unit with this index.
    Index(usize),
}

impl Meant {
    /// The place or unit meant, given the order's own (`own`, for a stand-in).
    #[inline]
    pub fn target(self, own: Option<usize>) -> Option<usize> {
        match self {
            Meant::Index(i) => Some(i),
            Meant::StandIn => own,
            Meant::Unknown => None,
        }
    }
}

impl IdRef {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// What the id stands for.
    pub fn meant(&self) -> Meant {
        match self.meant.0.load(Ordering::Relaxed) {
            UNKNOWN => Meant::Unknown,
            STAND_IN => Meant::StandIn,
            index => Meant::Index(index),
        }
    }

    /// What the id stands for, found from scratch: an index from `index` (by
    /// id, for places or units as `kind` says), else the order's own place or
    /// unit if the id is its stand-in.
    pub fn look_up(&self, kind: IdKind, index: impl Fn(&str) -> Option<usize>) -> Meant {
        match index(&self.id) {
            Some(i) => Meant::Index(i),
            None if self.id == kind.stand_in() => Meant::StandIn,
            None => Meant::Unknown,
        }
    }

    /// Sets what the id stands for (scenario loading does this).
    pub fn resolve(&self, meant: Meant) {
        let slot = match meant {
            Meant::Unknown => UNKNOWN,
            Meant::StandIn => STAND_IN,
            Meant::Index(index) => index,
        };
        self.meant.0.store(slot, Ordering::Relaxed);
    }
}

impl std::ops::Deref for IdRef {
    type Target = str;
    fn deref(&self) -> &str {
        &self.id
    }
}

impl std::fmt::Debug for IdRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.id, f)
    }
}

impl std::fmt::Display for IdRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id)
    }
}

impl PartialEq for IdRef {
    fn eq(&self, other: &IdRef) -> bool {
        self.id == other.id
    }
}

impl Eq for IdRef {}

impl PartialEq<str> for IdRef {
    fn eq(&self, other: &str) -> bool {
        self.id == other
    }
}

impl PartialEq<&str> for IdRef {
    fn eq(&self, other: &&str) -> bool {
        self.id == *other
    }
}

impl From<&str> for IdRef {
    fn from(id: &str) -> IdRef {
        IdRef { id: id.to_string(), meant: MeantSlot::default() }
    }
}

impl From<String> for IdRef {
    fn from(id: String) -> IdRef {
        IdRef { id, meant: MeantSlot::default() }
    }
}

/// What an [`IdRef`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Place,
    Unit,
}

impl IdKind {
    /// The id that stands for the order's own place or unit.
    pub fn stand_in(self) -> &'static str {
        match self {
            IdKind::Place => super::schema_stand_ins::PLACE,
            IdKind::Unit => super::schema_stand_ins::UNIT,
        }
    }
}
