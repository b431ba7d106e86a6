//! The modding guide cannot drift from the code. Every field and variant of
//! `src/scenario/schema.rs` has its row in the reference of `docs/modding.md`,
//! and every row there is in the code; every example in the docs reads as
//! what it claims to be, and the complete scenarios load and play to an end.

use petrograd::game::{self, Players};
use petrograd::scenario::*;
use petrograd::testing;
use std::collections::{BTreeMap, BTreeSet};

/// Types of the schema that are not written in scenario files.
const NOT_IN_FILES: &[&str] = &["Lang"];

/// The fields of each struct and the variants of each enum, read from the source.
fn schema() -> (BTreeMap<String, BTreeSet<String>>, BTreeMap<String, BTreeSet<String>>) {
    let text = std::fs::read_to_string(testing::project_root().join("src/scenario/schema.rs")).unwrap();
    let (mut structs, mut enums) = (BTreeMap::new(), BTreeMap::new());
    let mut current: Option<(bool, String, BTreeSet<String>)> = None;
    for line in text.lines() {
        if let Some((is_enum, name, members)) = &mut current {
            if line == "}" {
                let (is_enum, name, members) = current.take().unwrap();
                if is_enum {
                    enums.insert(name, members)
                } else {
                    structs.insert(name, members)
                };
                continue;
            }
            let Some(body) = line.strip_prefix("    ").filter(|b| !b.starts_with([' ', '/', '#'])) else { continue };
            let member = if *is_enum {
                body.split(|c: char| !c.is_alphanumeric()).next()
            } else {
                body.strip_prefix("pub ").and_then(|b| b.split(':').next())
            };
            if let Some(m) = member.filter(|m| !m.is_empty()) {
                members.insert(m.to_string());
            }
            let _ = name;
        } else if let Some(rest) = line.strip_prefix("pub struct ").or_else(|| line.strip_prefix("pub enum ")) {
            let name = rest.split([' ', '{']).next().unwrap().to_string();
            if line.ends_with('{') && !NOT_IN_FILES.contains(&name.as_str()) {
                current = Some((line.starts_with("pub enum"), name, BTreeSet::new()));
            }
        }
    }
    (structs, enums)
}

/// The reference's sections named after a type (`### ActionSpec`), each with the
/// first cells of its table rows, without their backticks.
fn reference() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(testing::project_root().join("docs/modding.md")).unwrap();
    let mut sections = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            let is_type = heading.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && heading.chars().all(|c| c.is_ascii_alphanumeric());
            current = is_type.then(|| heading.to_string());
            if let Some(name) = &current {
                assert!(sections.insert(name.clone(), Vec::new()).is_none(), "### {name} is written twice");
            }
        } else if line.starts_with("## ") {
            current = None;
        } else if let (Some(name), Some(row)) = (&current, line.strip_prefix("| `")) {
            let cell = row.split_once("` |").map(|(c, _)| c).unwrap_or(row);
            sections.get_mut(name).unwrap().push(cell.to_string());
        }
    }
    sections
}

/// The identifier an example such as `Holds(Mrc, "place")` begins with.
fn head(cell: &str) -> String {
    cell.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

#[test]
fn the_reference_documents_every_field_and_variant_and_nothing_else() {
    let (structs, enums) = schema();
    let reference = reference();
    assert!(structs.len() >= 20 && enums.len() >= 10, "the schema was read: {structs:?} {enums:?}");
    let mut problems = Vec::new();
    for (kind, types) in [("struct", &structs), ("enum", &enums)] {
        for (name, members) in types {
            let Some(rows) = reference.get(name) else {
                problems.push(format!("{kind} {name} has no `### {name}` section"));
                continue;
            };
            let documented: BTreeSet<String> = rows.iter().map(|r| head(r)).collect();
            for missing in members.difference(&documented) {
                problems.push(format!("{name}.{missing} is in the code but not in the reference"));
            }
            for extra in documented.difference(members) {
                problems.push(format!("{name}.{extra} is in the reference but not in the code"));
            }
        }
    }
    for name in reference.keys() {
        if !structs.contains_key(name) && !enums.contains_key(name) {
            problems.push(format!("`### {name}` documents a type that the schema does not have"));
        }
    }
    assert!(problems.is_empty(), "docs/modding.md and src/scenario/schema.rs differ:\n{}", problems.join("\n"));
}

/// Reads `text` as the schema type `name`.
fn reads_as(name: &str, text: &str) -> Result<(), String> {
    fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
        ron::from_str::<T>(text).map(|_| ()).map_err(|e| e.to_string())
    }
    match name {
        "ScenarioFile" => read::<ScenarioFile>(text),
        "RulesFile" => read::<RulesFile>(text),
        "UnitKindSpec" => read::<UnitKindSpec>(text),
        "LangText" => read::<LangText>(text),
        "SourceRef" => read::<SourceRef>(text),
        "ClockSpec" => read::<ClockSpec>(text),
        "RulesSpec" => read::<RulesSpec>(text),
        "MapSpec" => read::<MapSpec>(text),
        "PlaceSpec" => read::<PlaceSpec>(text),
        "Gives" => read::<Gives>(text),
        "WaterShape" => read::<WaterShape>(text),
        "FactionSpec" => read::<FactionSpec>(text),
        "UnitSpec" => read::<UnitSpec>(text),
        "Arrival" => read::<Arrival>(text),
        "ActionSpec" => read::<ActionSpec>(text),
        "Chance" => read::<Chance>(text),
        "EventSpec" => read::<EventSpec>(text),
        "VictorySpec" => read::<VictorySpec>(text),
        "VictoryCondition" => read::<VictoryCondition>(text),
        "KeyMoment" => read::<KeyMoment>(text),
        "DoctrineOrder" => read::<DoctrineOrder>(text),
        "VariantSpec" => read::<VariantSpec>(text),
        "Change" => read::<Change>(text),
        "Side" => read::<Side>(text),
        "Condition" => read::<Condition>(text),
        "Cmp" => read::<Cmp>(text),
        "Modifier" => read::<Modifier>(text),
        "Effect" => read::<Effect>(text),
        "Units" => read::<Units>(text),
        "Trigger" => read::<Trigger>(text),
        "TargetSpec" => read::<TargetSpec>(text),
        "PlaceKind" => read::<PlaceKind>(text),
        "Readiness" => read::<Readiness>(text),
        "WaterKind" => read::<WaterKind>(text),
        other => Err(format!("the docs test cannot read type {other}: add it to `reads_as`")),
    }
}

#[test]
fn every_example_in_the_reference_tables_reads_as_its_type() {
    let (_, enums) = schema();
    let mut read = 0;
    for (name, rows) in reference() {
        if !enums.contains_key(&name) {
            continue;
        }
        for cell in rows {
            if let Err(e) = reads_as(&name, &cell) {
                panic!("docs/modding.md, `### {name}`: the example `{cell}` does not read: {e}");
            }
            read += 1;
        }
    }
    assert!(read >= 50, "only {read} examples were read");
}

/// The fenced code blocks of a Markdown text: the words after the opening fence, and the text.
fn code_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), String::new())),
            (Some(_), Some("")) => blocks.push(open.take().unwrap()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    blocks
}

#[test]
fn every_ron_example_in_the_docs_is_valid_and_the_complete_scenarios_play() {
    let root = testing::project_root();
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.push(root.join("README.md"));
    docs.sort();
    let scratch = std::env::temp_dir().join(format!("petrograd-docs-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let (mut scenarios, mut others) = (0, 0);
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        let name = doc.strip_prefix(&root).unwrap().display().to_string();
        for (i, (info, body)) in code_blocks(&text).into_iter().enumerate() {
            let mut words = info.split_whitespace();
            if words.next() != Some("ron") {
                continue;
            }
            let at = format!("{name}, code block {}", i + 1);
            match words.next() {
                // A complete scenario, read as if it were in `scenarios/` (beside the shipped rules file).
                None => {
                    let scenario = parse_scenario("scenarios/doc_example.ron", &body)
                        .unwrap_or_else(|d| panic!("{at} is not a valid scenario:\n{}", render_all(&d)));
                    let scenario = std::sync::Arc::new(scenario);
                    let played = game::play(scenario, 1, Players::HISTORICAL);
                    assert!(petrograd::sim::is_over(&played.world), "{at} does not play to an end");
                    scenarios += 1;
                }
                Some("rules") => {
                    let path = scratch.join(format!("block{i}.rules.ron"));
                    std::fs::write(&path, &body).unwrap();
                    let problems = check_rules_file(&path);
                    assert!(problems.is_empty(), "{at} is not a valid rules file:\n{}", render_all(&problems));
                    others += 1;
                }
                Some(part) => {
                    let ty = part.strip_prefix("part=").unwrap_or_else(|| panic!("{at}: `ron {part}`?"));
                    reads_as(ty, &body).unwrap_or_else(|e| panic!("{at} does not read as {ty}: {e}"));
                    others += 1;
                }
            }
        }
    }
    std::fs::remove_dir_all(&scratch).unwrap();
    assert!(scenarios >= 2 && others >= 4, "{scenarios} scenarios and {others} parts were checked");
}
