//! Scenarios: the RON schema, parsing with positions, validation, and the
//! validated [`Scenario`] that the simulation is built from.
//!
//! The pipeline is `text --parse--> ScenarioFile --validate--> Scenario`.
//! Parsing and validation report [`Diagnostic`]s with file, line and column,
//! and never panic.

mod diagnostic;
mod id_ref;
mod load;
pub mod outline;
pub mod rules_file;
pub mod schema;
pub mod target_set;
mod validate;
pub mod variant;

pub use diagnostic::{Diagnostic, Severity, line_col, render_all};
pub(crate) use load::ron_diagnostic;
pub use load::{
    RequirementParts, Scenario, SweptTest, TargetSweep, check_rules_file, content_hash, data_dir,
    listed_scenario_files, load_scenario_file, mods_dir, parse_scenario, scenario_files,
};
pub use schema::*;
