//! `petrograd validate`: checks scenario files (and rules files, `*.rules.ron`,
//! on their own) and reports every problem with file, line and column. Exit codes: 0 valid, 1 invalid, 2 could not read.

use super::Format;
use crate::scenario::{Diagnostic, Severity, check_rules_file, load_scenario_file, rules_file};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks each file; prints problems; returns the exit code.
pub fn run(files: &[PathBuf], format: Format, deny_warnings: bool) -> ExitCode {
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut unreadable = false;
    let mut invalid = false;
    for path in files {
        // A file that cannot even be opened is "could not read" (exit 2); every
        // other problem, size and encoding included, is the loader's diagnostic.
        if let Err(e) = std::fs::File::open(path) {
            unreadable = true;
            let name = path.display().to_string();
            all.push(Diagnostic::error(&name, "", 1, 1, format!("cannot read the file: {e}"), "check the path"));
            continue;
        }
        let checked = if rules_file::is_rules_file(path) {
            let problems = check_rules_file(path);
            if problems.iter().any(|d| d.severity == Severity::Error) { Err(problems) } else { Ok(problems) }
        } else {
            load_scenario_file(path).map(|scenario| scenario.warnings)
        };
        match checked {
            Ok(warnings) => all.extend(warnings),
            Err(diags) => {
                invalid |= diags.iter().any(|d| d.severity == Severity::Error);
                all.extend(diags);
            }
        }
    }
    let denied = deny_warnings && all.iter().any(|d| d.severity == Severity::Warning);
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&all).expect("diagnostics serialise")),
        Format::Text => {
            for d in &all {
                eprintln!("{d}\n");
            }
            if !unreadable && !invalid && !denied {
                println!("{} file(s) valid", files.len());
            }
        }
    }
    invalid |= denied;
    if unreadable {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
