//! Rules files (`*.rules.ron`): the unit kinds and actions that scenarios
//! share. This module owns where a scenario's `rules_file` may point (only
//! inside the scenario's own folder) and how the scenario's own kinds and
//! actions are laid over the shared ones.

use super::schema::{ActionSpec, UnitKindSpec};
use std::path::{Component, Path, PathBuf};

/// The ending every rules file's name has, so that scenario lists can leave them out.
pub const RULES_SUFFIX: &str = ".rules.ron";

/// Whether a file is a rules file rather than a scenario, by its name.
pub fn is_rules_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(RULES_SUFFIX))
}

/// Where an item of a merged list was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The scenario's own list, at this index.
    Scenario(usize),
    /// The rules file's list, at this index.
    Rules(usize),
}

/// Where each merged unit kind and action came from, index for index.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    pub unit_kinds: Vec<Origin>,
    pub actions: Vec<Origin>,
}

impl Origins {
    /// Every item written in the scenario itself (no rules file).
    pub fn all_own(unit_kinds: usize, actions: usize) -> Origins {
        Origins {
            unit_kinds: (0..unit_kinds).map(Origin::Scenario).collect(),
            actions: (0..actions).map(Origin::Scenario).collect(),
        }
    }
}

/// The rules file's items, with the scenario's own laid over them: an own item
/// replaces the shared one with the same id (keeping its place in the list),
/// and the others follow in their order. Two own items with one id are both
/// kept, so that validation reports the duplicate.
pub fn lay_over<T>(shared: Vec<T>, own: Vec<T>, id: impl Fn(&T) -> &str) -> (Vec<T>, Vec<Origin>) {
    let mut origins: Vec<Origin> = (0..shared.len()).map(Origin::Rules).collect();
    let mut items = shared;
    for (j, item) in own.into_iter().enumerate() {
        let replaces = items
            .iter()
            .zip(&origins)
            .position(|(old, origin)| matches!(origin, Origin::Rules(_)) && id(old) == id(&item));
        match replaces {
            Some(i) => {
                items[i] = item;
                origins[i] = Origin::Scenario(j);
            }
            None => {
                items.push(item);
                origins.push(Origin::Scenario(j));
            }
        }
    }
    (items, origins)
}

/// Lays a rules file's kinds and actions under the scenario's own.
pub fn merge(
    own_kinds: Vec<UnitKindSpec>,
    own_actions: Vec<ActionSpec>,
    shared: super::schema::RulesFile,
) -> (Vec<UnitKindSpec>, Vec<ActionSpec>, Origins) {
    let (unit_kinds, kind_origins) = lay_over(shared.unit_kinds, own_kinds, |k| &k.id);
    let (actions, action_origins) = lay_over(shared.actions, own_actions, |a| &a.id);
    (unit_kinds, actions, Origins { unit_kinds: kind_origins, actions: action_origins })
}

/// Why a `rules_file` path is refused, and how to fix it.
#[derive(Debug, PartialEq)]
pub struct PathRefused {
    pub message: String,
    pub help: String,
}

/// The rules file that a scenario at `scenario` names as `written`. The path is
/// relative to the scenario's folder and may not leave it: no absolute paths, no
/// `..`, and no symbolic link that leads outside.
pub fn resolve(scenario: &Path, written: &str) -> Result<PathBuf, PathRefused> {
    let refuse = |message: String| PathRefused {
        message,
        help: format!(
            "name a file in the scenario's folder or below it, like \"revolution_1917{RULES_SUFFIX}\" \
             (no leading `/`, no `..`)"
        ),
    };
    let relative = Path::new(written);
    let plain = !written.is_empty()
        && !written.contains(['\\', ':'])
        && relative.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain {
        return Err(refuse(format!("the rules file \"{written}\" is not a path inside the scenario's folder")));
    }
    if !written.ends_with(RULES_SUFFIX) {
        return Err(PathRefused {
            message: format!("the rules file \"{written}\" does not end in `{RULES_SUFFIX}`"),
            help: format!("rename it to end in `{RULES_SUFFIX}`, so that it is not listed as a scenario"),
        });
    }
    let folder = match scenario.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let path = folder.join(relative);
    let (Ok(real_folder), Ok(real_path)) = (folder.canonicalize(), path.canonicalize()) else {
        return Err(PathRefused {
            message: format!("cannot find the rules file \"{written}\" (looked for {})", path.display()),
            help: "check the name; the path is relative to the scenario's folder".into(),
        });
    };
    if !real_path.starts_with(&real_folder) {
        return Err(refuse(format!("the rules file \"{written}\" leads outside the scenario's folder")));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_items_replace_shared_ones_in_place_and_the_rest_follow() {
        let (items, origins) = lay_over(vec!["a", "b", "c"], vec!["b", "d", "d"], |s| s);
        assert_eq!(items, vec!["a", "b", "c", "d", "d"]);
        assert_eq!(
            origins,
            vec![Origin::Rules(0), Origin::Scenario(0), Origin::Rules(2), Origin::Scenario(1), Origin::Scenario(2)]
        );
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let here = Path::new("scenarios/october_1917.ron");
        for bad in ["../x.rules.ron", "/etc/passwd.rules.ron", "a/../../x.rules.ron", "", "C:\\x.rules.ron"] {
            let refused = resolve(here, bad).unwrap_err();
            assert!(refused.message.contains("not a path inside"), "{bad}: {}", refused.message);
        }
        assert!(resolve(here, "x.ron").unwrap_err().message.contains("does not end in"));
        assert!(resolve(here, "missing.rules.ron").unwrap_err().message.contains("cannot find"));
    }

    #[test]
    fn a_symbolic_link_out_of_the_folder_is_refused() {
        let root = std::env::temp_dir().join(format!("petrograd-rules-{}", std::process::id()));
        let inside = root.join("mods");
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::write(root.join("secret.rules.ron"), "()").unwrap();
        std::fs::write(inside.join("ok.rules.ron"), "()").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("secret.rules.ron"), inside.join("link.rules.ron")).unwrap();
        let scenario = inside.join("s.ron");
        assert_eq!(resolve(&scenario, "ok.rules.ron").unwrap(), inside.join("ok.rules.ron"));
        #[cfg(unix)]
        assert!(resolve(&scenario, "link.rules.ron").unwrap_err().message.contains("leads outside"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
