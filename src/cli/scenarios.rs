//! `petrograd scenarios`: the scenarios the game lists (`scenarios/` and the
//! mods folder), each with its title and its "what if" variants.

use super::Format;
use crate::scenario::{Lang, listed_scenario_files, load_scenario_file};
use serde::Serialize;
use std::process::ExitCode;

/// One listed scenario, as printed in JSON.
#[derive(Serialize)]
struct Listed {
    file: String,
    /// `None` when the file is broken.
    id: Option<String>,
    title: Option<String>,
    variants: Vec<ListedVariant>,
    /// The first problem of a broken file.
    problem: Option<String>,
}

#[derive(Serialize)]
struct ListedVariant {
    id: String,
    title: String,
}

/// Lists the scenarios and their variants.
pub fn run(format: Format, lang: Lang) -> ExitCode {
    let listed: Vec<Listed> = listed_scenario_files()
        .into_iter()
        .map(|path| {
            let file = path.display().to_string();
            match load_scenario_file(&path) {
                Ok(s) => Listed {
                    file,
                    id: Some(s.file.id.clone()),
                    title: Some(s.file.title.get(lang).to_string()),
                    variants: s
                        .file
                        .variants
                        .iter()
                        .map(|v| ListedVariant { id: v.id.clone(), title: v.title.get(lang).to_string() })
                        .collect(),
                    problem: None,
                },
                Err(problems) => Listed {
                    file,
                    id: None,
                    title: None,
                    variants: Vec::new(),
                    problem: problems.first().map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message)),
                },
            }
        })
        .collect();
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&listed).expect("the list serialises")),
        Format::Text => {
            for l in &listed {
                match (&l.title, &l.problem) {
                    (Some(title), _) => println!("{}  {title}", l.file),
                    (None, problem) => println!("{}  (broken: {})", l.file, problem.as_deref().unwrap_or("?")),
                }
                for v in &l.variants {
                    println!("    --variant {:<28} {}", v.id, v.title);
                }
            }
        }
    }
    ExitCode::SUCCESS
}
