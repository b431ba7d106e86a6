//! `petrograd validate`: checks scenario files and reports every problem with
//! file, line and column. Exit codes: 0 valid, 1 invalid, 2 could not read.

use super::Format;
use crate::scenario::{Diagnostic, Severity, parse_scenario};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks each file; prints problems; returns the exit code.
pub fn run(files: &[PathBuf], format: Format, deny_warnings: bool) -> ExitCode {
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut unreadable = false;
    let mut invalid = false;
    for path in files {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                unreadable = true;
                all.push(Diagnostic::error(&name, "", 1, 1, format!("cannot read the file: {e}"), "check the path"));
                continue;
            }
        };
        match parse_scenario(&name, &text) {
            Ok(scenario) => all.extend(scenario.warnings),
            Err(diags) => {
                invalid |= diags.iter().any(|d| d.severity == Severity::Error);
                all.extend(diags);
            }
        }
    }
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&all).expect("diagnostics serialise")),
        Format::Text => {
            for d in &all {
                eprintln!("{d}\n");
            }
            let denied = deny_warnings && all.iter().any(|d| d.severity == Severity::Warning);
            if !unreadable && !invalid && !denied {
                println!("{} file(s) valid", files.len());
            }
        }
    }
    invalid |= deny_warnings && all.iter().any(|d| d.severity == Severity::Warning);
    if unreadable {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
