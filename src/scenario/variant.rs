//! "What if" variants: applying a variant's changes to a scenario's data. A
//! variant is plain data over plain data, so a variant is validated and played
//! exactly like a scenario of its own.

use super::schema::*;

/// Why a change cannot be applied: it names an item that is not there.
#[derive(Debug, PartialEq)]
pub struct Unapplied {
    /// The id of the missing item.
    pub id: String,
    pub message: String,
}

/// Replaces the item with the same id, or says it is missing.
fn replace<T: Clone>(list: &mut [T], item: &T, id: impl Fn(&T) -> &str, what: &str) -> Result<(), Unapplied> {
    let wanted = id(item).to_string();
    match list.iter_mut().find(|x| id(x) == wanted) {
        Some(slot) => {
            *slot = item.clone();
            Ok(())
        }
        None => Err(Unapplied { message: format!("there is no {what} \"{wanted}\" to replace"), id: wanted }),
    }
}

/// Applies one change to the data.
pub fn apply_change(file: &mut ScenarioFile, change: &Change) -> Result<(), Unapplied> {
    match change {
        Change::ReplacePlace(p) => replace(&mut file.map.places, p, |x| &x.id, "place"),
        Change::ReplaceUnit(u) => replace(&mut file.units, u, |x| &x.id, "unit"),
        Change::AddUnit(u) => {
            file.units.push(u.clone());
            Ok(())
        }
        Change::ReplaceAction(a) => replace(&mut file.actions, a, |x| &x.id, "action"),
        Change::AddAction(a) => {
            file.actions.push(a.clone());
            Ok(())
        }
        Change::ReplaceEvent(e) => replace(&mut file.events, e, |x| &x.id, "event"),
        Change::AddEvent(e) => {
            file.events.push(e.clone());
            Ok(())
        }
        Change::RemoveEvent(id) => {
            let before = file.events.len();
            file.events.retain(|e| &e.id != id);
            if file.events.len() == before {
                return Err(Unapplied { id: id.clone(), message: format!("there is no event \"{id}\" to remove") });
            }
            Ok(())
        }
        Change::AddDoctrine(d) => {
            file.doctrine.push(d.clone());
            Ok(())
        }
        Change::RemoveDoctrine { action, unit, place } => {
            let matches = |d: &DoctrineOrder| {
                action.as_ref().is_none_or(|a| &d.action == a)
                    && unit.as_ref().is_none_or(|u| d.unit.as_ref() == Some(u))
                    && place.as_ref().is_none_or(|p| d.place.as_ref() == Some(p))
            };
            let before = file.doctrine.len();
            file.doctrine.retain(|d| !matches(d));
            if file.doctrine.len() == before {
                let id = action.clone().or(unit.clone()).or(place.clone()).unwrap_or_default();
                return Err(Unapplied { id, message: "no doctrine order matches `RemoveDoctrine`".into() });
            }
            Ok(())
        }
    }
}

/// The scenario's data with the variant's changes applied in order. The
/// variants themselves are kept, so that the result still lists them.
pub fn apply(file: &ScenarioFile, variant: &VariantSpec) -> Result<ScenarioFile, Unapplied> {
    let mut out = file.clone();
    for change in &variant.changes {
        apply_change(&mut out, change)?;
    }
    Ok(out)
}
