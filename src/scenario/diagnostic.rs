//! A problem found in a scenario file, with where it is and how to fix it.
//! Problems are rendered by miette: a `file:line:column` header, the lines
//! around the problem with the spot underlined, and a help line.

use super::{Lang, LangText};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report};
use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|s| s.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

/// Lines of the file shown before and after the line of a problem.
const CONTEXT_LINES: usize = 1;

/// One problem in a file: where, what, and a hint.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    pub help: String,
    /// The lines around the problem, for display (not the whole file, which may be large).
    #[serde(skip)]
    excerpt: String,
    /// The line number of the excerpt's first line.
    #[serde(skip)]
    excerpt_line: usize,
    /// The message and the help in Spanish, where they are translated (saves
    /// and replays, which players read); `message` and `help` are the English.
    #[serde(skip)]
    spanish: Option<(String, String)>,
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
        let excerpt_line = line.saturating_sub(CONTEXT_LINES).max(1);
        let excerpt: Vec<&str> =
            source.lines().skip(excerpt_line - 1).take(line - excerpt_line + 1 + CONTEXT_LINES).collect();
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column: column.max(1),
            message: message.into(),
            help: help.into(),
            excerpt: excerpt.join("\n"),
            excerpt_line,
            spanish: None,
        }
    }

    /// The same problem, told to players in their language: `message` and
    /// `help` stay in English for logs and the command line.
    pub fn told(mut self, message: LangText, help: LangText) -> Self {
        self.message = message.en;
        self.help = help.en;
        self.spanish = Some((message.es, help.es));
        self
    }

    /// The message in the player's language (in English where it is not translated).
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.spanish) {
            (Lang::Es, Some((message, _))) => message,
            _ => &self.message,
        }
    }

    /// What to do, in the player's language (in English where it is not translated).
    pub fn help_in(&self, lang: Lang) -> &str {
        match (lang, &self.spanish) {
            (Lang::Es, Some((_, help))) => help,
            _ => &self.help,
        }
    }

    /// The problem for the window: the file and the spot, what is wrong and
    /// what to do, in the player's language.
    pub fn for_player(&self, lang: Lang) -> String {
        let at = crate::tr!(lang, "files-at", line = self.line, column = self.column);
        format!("{} ({at}): {}\n{}", self.file, self.message_in(lang), self.help_in(lang))
    }

    /// The same problem as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The text of the offending line.
    pub fn snippet(&self) -> &str {
        self.excerpt.lines().nth(self.line - self.excerpt_line).unwrap_or("")
    }

    /// The lines around the problem with the spot underlined and the help, drawn by
    /// miette. The message is not repeated: the `file:line:col` line above states it.
    fn drawing(&self) -> String {
        // The excerpt sits at its own line numbers: earlier lines are left empty.
        let mut source = "\n".repeat(self.excerpt_line - 1);
        let start = source.len();
        source.push_str(&self.excerpt);
        let line_start =
            start + self.excerpt.lines().take(self.line - self.excerpt_line).map(|l| l.len() + 1).sum::<usize>();
        let line_text = self.snippet();
        let in_line: usize = line_text.chars().take(self.column - 1).map(char::len_utf8).sum();
        let offset = (line_start + in_line).min(source.len());
        let len = token_len(&line_text[in_line.min(line_text.len())..]);
        let severity = match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        // miette heads its drawing with the message; it is given none, and that one
        // line is dropped below.
        let mut diagnostic =
            MietteDiagnostic::new("").with_severity(severity).with_label(LabeledSpan::at(offset..offset + len, "here"));
        if !self.help.is_empty() {
            diagnostic = diagnostic.with_help(self.help.clone());
        }
        let report = Report::new(diagnostic).with_source_code(NamedSource::new(&self.file, source));
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_context_lines(CONTEXT_LINES)
            .with_width(100);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            return format!("  help: {}", self.help);
        }
        let drawing = out.split_once('\n').map(|(_, drawing)| drawing.trim_end().to_string()).unwrap_or_default();
        // miette counts the column in bytes; after an accented letter that is not the
        // column a modder's editor shows, so its header is given ours.
        let in_bytes = format!("[{}:{}:{}]", self.file, self.line, in_line + 1);
        drawing.replacen(&in_bytes, &format!("[{}:{}:{}]", self.file, self.line, self.column), 1)
    }
}

/// Length in bytes of the token that starts `text`: a quoted string, a word, or one character.
fn token_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        None => 0,
        Some((_, '"')) => {
            let mut escaped = false;
            for (i, c) in chars {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return i + 1,
                    _ => escaped = false,
                }
            }
            text.len()
        }
        Some((_, c)) if c.is_alphanumeric() || c == '_' => {
            text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len())
        }
        Some((_, c)) => c.len_utf8(),
    }
}

/// Every problem of a list, drawn one after the other.
pub fn render_all(list: &[Diagnostic]) -> String {
    list.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n\n")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // One line that editors and CI logs recognise, then miette's drawing.
        writeln!(f, "{}:{}:{}: {kind}: {}", self.file, self.line, self.column, self.message)?;
        write!(f, "{}", self.drawing())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawing_shows_the_line_number_the_spot_and_the_help() {
        let source = "(\n    id: \"x\",\n    strenght: 500,\n    name: \"y\",\n)\n";
        let d = Diagnostic::error("f.ron", source, 3, 5, "unknown field `strenght`", "did you mean `strength`?");
        let text = d.to_string();
        assert!(text.starts_with("f.ron:3:5: error: unknown field `strenght`"), "{text}");
        assert!(text.contains("[f.ron:3:5]"), "{text}");
        assert!(text.contains("3 │     strenght: 500,"), "{text}");
        assert!(text.contains("────┬───"), "the whole word is underlined: {text}");
        assert!(text.contains("did you mean `strength`?"), "{text}");
        assert!(!text.contains("(\n"), "only the lines around the problem: {text}");
        assert_eq!(d.snippet(), "    strenght: 500,");
    }

    #[test]
    fn the_drawing_counts_columns_in_characters_like_the_header() {
        let source = "(\n    name: (es: \"Cádétés\"), kind: \"cadet\",\n)\n";
        let column = "    name: (es: \"Cádétés\"), kind: ".chars().count() + 1;
        let d =
            Diagnostic::error("f.ron", source, 2, column, "unknown unit kind id \"cadet\"", "did you mean \"cadets\"?");
        let text = d.to_string();
        assert!(text.starts_with(&format!("f.ron:2:{column}: error")), "{text}");
        assert!(text.contains(&format!("[f.ron:2:{column}]")), "the box names the same column: {text}");
    }

    #[test]
    fn a_problem_without_source_still_renders() {
        let d = Diagnostic::error("gone.ron", "", 1, 1, "cannot read the file", "check the path");
        let text = d.to_string();
        assert!(text.starts_with("gone.ron:1:1: error: cannot read the file"), "{text}");
        assert!(text.contains("check the path"), "{text}");
    }

    #[test]
    fn tokens_are_words_strings_or_one_character() {
        assert_eq!(token_len("strength: 5"), 8);
        assert_eq!(token_len("\"a \\\"b\\\" c\", x"), 11);
        assert_eq!(token_len(")"), 1);
        assert_eq!(token_len(""), 0);
    }
}
