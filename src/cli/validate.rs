//! `petrograd validate`: checks scenario files and reports every problem with
//! file, line and column. Exit codes: 0 valid, 1 invalid, 2 could not read.

use super::Format;
use crate::scenario::{Diagnostic, Severity, load_scenario_file};
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
        match load_scenario_file(path) {
            Ok(scenario) => all.extend(scenario.warnings),
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
