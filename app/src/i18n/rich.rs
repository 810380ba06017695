//! The small markup of the locale texts, parsed once here (design.md §4):
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

/// Splits a text into pieces. Unbalanced marks are kept as text: a typo shows, it never breaks.
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = [rest.find('{'), rest.find("[[")].into_iter().flatten().min();
        let Some(start) = next else {
            pieces.push(Piece::Text(rest));
            break;
        };
        let (before, from) = rest.split_at(start);
        let mark = if let Some(inner) = from.strip_prefix("[[") {
            inner.find("]]").map(|end| (Piece::Japanese(&inner[..end]), 2 + end + 2))
        } else {
            from[1..].find('}').and_then(|end| {
                let inner = &from[1..1 + end];
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
        match mark {
            Some((piece, len)) => {
                pieces.push(piece);
                rest = &from[len..];
            }
            None => {
                // Not a mark: keep the opening character as text and go on after it.
                let width = from.chars().next().map_or(1, char::len_utf8);
                pieces.push(Piece::Text(&from[..width]));
                rest = &from[width..];
            }
        }
    }
    pieces
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
pub fn fill(locale: Locale, args: &[(&str, Arg)], name: &str) -> Option<Arg> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a.clone()).or_else(|| figure(locale, name))
}

/// [`plain`] of a raw text.
pub fn plain_text(locale: Locale, text: &str, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in parse(text) {
        match piece {
            Piece::Text(t) | Piece::Japanese(t) | Piece::Ruby { base: t, .. } => out.push_str(t),
            Piece::Placeholder(name) => match fill(locale, args, name) {
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
    }
}
