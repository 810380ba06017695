//! The small markup of the locale texts, parsed once here (docs/design.md §4):
//! `{name}` a placeholder, `{漢字|かな}` furigana (ruby), `[[転入届]]` a Japanese term inside an
//! English sentence (`<span lang="ja">`). Pure, so that it is tested natively; the view functions
//! that turn pieces into elements live in `components::text`.

use chrono::NaiveDate;

use super::figures::figure;
use super::{format, Locale, Msg};

/// One piece of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Ruby { base: &'a str, reading: &'a str },
    Japanese(&'a str),
    Placeholder(&'a str),
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Where `mark` first occurs in `text`, in bytes. (A byte search: `str::find` with a string pattern brings a
/// substring searcher into the wasm, and indexing a `str` the code of a panic message; docs/design.md §7.)
pub fn find(text: &str, mark: &str) -> Option<usize> {
    text.as_bytes().windows(mark.len()).position(|w| w == mark.as_bytes())
}

/// `text[from..to]`, or `""` off a character boundary (never, for the ASCII marks found by [`find`]).
fn cut(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or_default()
}

/// Splits a text into pieces. Unbalanced marks are kept as text: a typo shows, it never breaks.
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = [find(rest, "{"), find(rest, "[[")].into_iter().flatten().min();
        let Some(start) = next else {
            pieces.push(Piece::Text(rest));
            break;
        };
        let (before, from) = (cut(rest, 0, start), cut(rest, start, rest.len()));
        let mark = if let Some(inner) = from.strip_prefix("[[") {
            find(inner, "]]").map(|end| (Piece::Japanese(cut(inner, 0, end)), 2 + end + 2))
        } else {
            let after = cut(from, 1, from.len());
            find(after, "}").and_then(|end| {
                let inner = cut(after, 0, end);
                let piece = match inner.split_once('|') {
                    Some((base, reading)) if !base.is_empty() && !reading.is_empty() => Piece::Ruby { base, reading },
                    Some(_) => return None,
                    None if is_placeholder(inner) => Piece::Placeholder(inner),
                    None => return None,
                };
                Some((piece, 1 + end + 1))
            })
        };
        if !before.is_empty() {
            pieces.push(Piece::Text(before));
        }
        // A mark, or (not a mark) its opening character kept as text; then on after it.
        let (piece, len) = mark.unwrap_or_else(|| {
            let width = from.chars().next().map_or(1, char::len_utf8);
            (Piece::Text(cut(from, 0, width)), width)
        });
        pieces.push(piece);
        rest = cut(from, len, from.len());
    }
    pieces
}

/// `template` with every `mark` replaced by `value` (`str::replace` would bring the substring searcher).
pub fn fill(template: &str, mark: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = find(rest, mark) {
        out.push_str(cut(rest, 0, at));
        out.push_str(value);
        rest = cut(rest, at + mark.len(), rest.len());
    }
    out.push_str(rest);
    out
}

/// A value put into a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text, which may hold ruby and Japanese-term marks itself (a city name in やさしい日本語).
    Text(String),
    /// Another message, in the same language (a field's name inside an error).
    Msg(Msg),
    /// Japanese text shown as it is, marked `lang="ja"` (a date as the card prints it).
    Japanese(String),
    /// A date, written in the locale's format inside `<time datetime>`.
    Date(NaiveDate),
    /// A day named in a sentence, without its weekday (the day a rule took effect), inside `<time datetime>`.
    Day(NaiveDate),
    /// A phone number, as printed, dialled by a `tel:` link.
    Phone(String),
    /// A link.
    Link { text: String, href: String },
}

/// A text as plain characters: placeholders filled (those not in `args` with the figures they name,
/// `figures::figure`), ruby reduced to its base (for the page title, `aria-label`s, the calendar file and
/// tests).
pub fn plain(locale: Locale, msg: Msg, args: &[(&str, Arg)]) -> String {
    plain_text(locale, locale.raw(msg), args)
}

/// The value of the placeholder `name`: the caller's, else the figure it names (`figures::figure`).
pub fn arg(locale: Locale, args: &[(&str, Arg)], name: &str) -> Option<Arg> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a.clone()).or_else(|| figure(locale, name))
}

/// [`plain`] of a raw text.
pub fn plain_text(locale: Locale, text: &str, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in parse(text) {
        match piece {
            Piece::Text(t) | Piece::Japanese(t) | Piece::Ruby { base: t, .. } => out.push_str(t),
            Piece::Placeholder(name) => match arg(locale, args, name) {
                Some(Arg::Text(t) | Arg::Japanese(t)) => out.push_str(&plain_text(locale, &t, &[])),
                Some(Arg::Msg(m)) => out.push_str(&plain(locale, m, &[])),
                Some(Arg::Date(d)) => out.push_str(&plain_text(locale, &format::date(locale, d), &[])),
                Some(Arg::Day(d)) => out.push_str(&format::day(locale, d)),
                Some(Arg::Phone(p)) => out.push_str(&p),
                Some(Arg::Link { text, .. }) => out.push_str(&plain_text(locale, &text, &[])),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_parsed() {
        assert_eq!(
            parse("{区役所|くやくしょ}で {date}までに"),
            vec![
                Piece::Ruby { base: "区役所", reading: "くやくしょ" },
                Piece::Text("で "),
                Piece::Placeholder("date"),
                Piece::Text("までに")
            ]
        );
        assert_eq!(
            parse("the [[転入届]] form"),
            vec![Piece::Text("the "), Piece::Japanese("転入届"), Piece::Text(" form")]
        );
        assert_eq!(parse("a { b"), vec![Piece::Text("a "), Piece::Text("{"), Piece::Text(" b")]);
        assert_eq!(parse("{Not A Placeholder}"), vec![Piece::Text("{"), Piece::Text("Not A Placeholder}")]);
        assert_eq!(parse("[[open"), vec![Piece::Text("["), Piece::Text("[open")]);
        assert_eq!(parse(""), vec![]);
        // Marks next to multi-byte characters and at the ends.
        assert_eq!(parse("漢{x}字"), vec![Piece::Text("漢"), Piece::Placeholder("x"), Piece::Text("字")]);
        assert_eq!(parse("{|}[[]]}"), vec![Piece::Text("{"), Piece::Text("|}"), Piece::Japanese(""), Piece::Text("}")]);
        assert_eq!(parse("「{"), vec![Piece::Text("「"), Piece::Text("{")]);
    }

    #[test]
    fn fill_replaces_every_mark() {
        assert_eq!(fill("{amount}円", "{amount}", "1,000"), "1,000円");
        assert_eq!(fill("あと{n}日、{n}", "{n}", "45"), "あと45日、45");
        assert_eq!(fill("no mark", "{n}", "45"), "no mark");
        assert_eq!(fill("", "{n}", "45"), "");
        assert_eq!(find("ab]]", "]]"), Some(2));
        assert_eq!(find("a", "]]"), None);
    }
}
