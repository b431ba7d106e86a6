//! A problem found in a scenario file, with where it is and how to fix it.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a file: where, what, and a hint.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based.
    pub column: usize,
    pub message: String,
    pub help: String,
    /// The text of the offending line, for display.
    #[serde(skip)]
    pub snippet: String,
}

impl Diagnostic {
    /// An error at a line and column of `source`.
    pub fn error(
        file: &str,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        let line = line.max(1);
        let snippet = source.lines().nth(line - 1).unwrap_or("").to_string();
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column: column.max(1),
            message: message.into(),
            help: help.into(),
            snippet,
        }
    }

    /// The same problem as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{}:{}:{}: {kind}: {}", self.file, self.line, self.column, self.message)?;
        if !self.snippet.is_empty() {
            let gutter = self.line.to_string();
            writeln!(f, "{gutter} | {}", self.snippet)?;
            // Columns count characters; tabs keep their width in the caret line.
            let pad: String = self
                .snippet
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{} | {pad}^", " ".repeat(gutter.len()))?;
        }
        if !self.help.is_empty() {
            write!(f, "  = help: {}", self.help)?;
        }
        Ok(())
    }
}
