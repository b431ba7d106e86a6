//! A light reading of a RON file's layout, without its meaning: where each
//! field of a struct and each item of a list begins and ends, and where the
//! comments are. The loader uses it to check the items of a broken file one by
//! one, so that one pass reports every broken item; the validator uses it to
//! point at the item a problem is in rather than at the first mention of an id.

use std::ops::Range;

/// One value in the file: its byte span, and its fields (a struct) or items
/// (a list, a tuple, or what a variant such as `Some(...)` holds).
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub span: Range<usize>,
    pub fields: Vec<(String, Node)>,
    pub items: Vec<Node>,
}

impl Node {
    /// The value of a field.
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The node at a dotted path of fields, such as "map.places".
    pub fn at(&self, path: &str) -> Option<&Node> {
        path.split('.').try_fold(self, |node, name| node.field(name))
    }
}

/// The layout of a whole file.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// The file's value; `None` when its brackets or strings do not balance.
    pub root: Option<Node>,
    /// Byte spans of the comments.
    pub comments: Vec<Range<usize>>,
}

impl Outline {
    /// Reads the layout of `text`.
    pub fn read(text: &str) -> Outline {
        let mut reader = Reader { text: text.as_bytes(), at: 0, comments: Vec::new(), depth: 0 };
        let root = reader.value();
        reader.skip_space();
        let root = root.filter(|_| reader.at >= reader.text.len());
        Outline { root, comments: reader.comments }
    }

    /// The span of item `index` of the list at `path`, if the file could be read.
    pub fn item(&self, path: &str, index: usize) -> Option<Range<usize>> {
        self.root.as_ref()?.at(path)?.items.get(index).map(|n| n.span.clone())
    }

    /// Whether a byte offset lies in a comment.
    pub fn in_comment(&self, offset: usize) -> bool {
        self.comments.iter().any(|c| c.contains(&offset))
    }
}

/// Deepest nesting read; deeper files are refused by the loader anyway.
const MAX_DEPTH: usize = 256;

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    comments: Vec<Range<usize>>,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips white space and comments (`//` to the end of the line, `/* */` nested).
    fn skip_space(&mut self) {
        loop {
            match (self.peek(), self.text.get(self.at + 1).copied()) {
                (Some(c), _) if c.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    let start = self.at;
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                    self.comments.push(start..self.at);
                }
                (Some(b'/'), Some(b'*')) => {
                    let start = self.at;
                    self.at += 2;
                    let mut open = 1;
                    while open > 0 && self.at < self.text.len() {
                        if self.text[self.at..].starts_with(b"/*") {
                            open += 1;
                            self.at += 2;
                        } else if self.text[self.at..].starts_with(b"*/") {
                            open -= 1;
                            self.at += 2;
                        } else {
                            self.at += 1;
                        }
                    }
                    self.comments.push(start..self.at);
                }
                _ => return,
            }
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_space();
        let start = self.at;
        let mut node = Node::default();
        match self.peek()? {
            b'(' | b'[' | b'{' => self.group(&mut node)?,
            b'"' => self.string()?,
            b'\'' => {
                self.at += 1;
                while self.peek()? != b'\'' {
                    self.at += if self.peek()? == b'\\' { 2 } else { 1 };
                }
                self.at += 1;
            }
            c if is_word(c) => {
                // A raw string, a number, a name, or a variant with its contents: `Some(..)`.
                if c == b'r' && matches!(self.text.get(self.at + 1), Some(b'"' | b'#')) {
                    self.raw_string()?;
                } else {
                    while self.peek().is_some_and(is_word) {
                        self.at += 1;
                    }
                    if self.peek() == Some(b'(') {
                        self.group(&mut node)?;
                    }
                }
            }
            _ => return None,
        }
        node.span = start..self.at;
        Some(node)
    }

    /// A bracketed group: a struct's fields or a list's items, up to the closing bracket.
    fn group(&mut self, node: &mut Node) -> Option<()> {
        let close = match self.peek()? {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        loop {
            self.skip_space();
            if self.peek()? == close {
                self.at += 1;
                break;
            }
            // `name:` begins a field (but `::` does not occur in RON data).
            let mark = self.at;
            let mut name = None;
            if self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') {
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                    self.at += 1;
                }
                let word = String::from_utf8_lossy(&self.text[mark..self.at]).to_string();
                self.skip_space();
                if self.peek() == Some(b':') {
                    self.at += 1;
                    name = Some(word);
                } else {
                    self.at = mark;
                }
            }
            let value = self.value()?;
            match name {
                Some(name) => node.fields.push((name, value)),
                None => node.items.push(value),
            }
            self.skip_space();
            match self.peek()? {
                b',' | b':' => self.at += 1,
                c if c == close => {}
                _ => return None,
            }
        }
        self.depth -= 1;
        Some(())
    }

    fn string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.at += 1;
        let hashes = self.text[self.at..].iter().take_while(|c| **c == b'#').count();
        self.at += hashes;
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut end = vec![b'"'];
        end.extend(std::iter::repeat_n(b'#', hashes));
        while !self.text[self.at..].starts_with(&end) {
            self.at += 1;
            self.peek()?;
        }
        self.at += end.len();
        Some(())
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a comment with "quotes" and (brackets
(
    id: "x", /* block /* nested */ ) */
    map: (places: [(id: "a", pos: (1.0, -2.5)), (id: "b", holder: Some(Mrc))], links: [("a", "b")]),
    units: [],
    text: r#"raw ) string"#,
)
"##;

    #[test]
    fn fields_and_items_have_their_spans() {
        let o = Outline::read(TEXT);
        let root = o.root.as_ref().expect("the text balances");
        assert_eq!(&TEXT[root.field("id").unwrap().span.clone()], "\"x\"");
        let b = o.item("map.places", 1).unwrap();
        assert_eq!(&TEXT[b], "(id: \"b\", holder: Some(Mrc))");
        assert_eq!(&TEXT[o.item("map.links", 0).unwrap()], "(\"a\", \"b\")");
        assert!(o.item("units", 0).is_none());
        assert_eq!(root.fields.len(), 4);
    }

    #[test]
    fn comments_are_found() {
        let o = Outline::read(TEXT);
        assert_eq!(o.comments.len(), 2);
        assert!(o.in_comment(TEXT.find("quotes").unwrap()));
        assert!(o.in_comment(TEXT.find("nested").unwrap()));
        assert!(!o.in_comment(TEXT.find("\"x\"").unwrap()));
    }

    #[test]
    fn unbalanced_text_has_no_root() {
        assert!(Outline::read("(id: \"x\", map: (places: [)").root.is_none());
        assert!(Outline::read("(id: \"x").root.is_none());
        assert!(Outline::read("(a: 1)) ").root.is_none());
        assert!(Outline::read(&"[".repeat(10_000)).root.is_none());
    }
}
