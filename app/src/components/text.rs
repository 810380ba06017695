//! Locale text as elements: ruby for furigana, `<span lang="ja">` for Japanese terms in English,
//! `<time datetime>` for dates, `tel:` links for phone numbers (docs/design.md §4). Never `inner_html`.

use leptos::prelude::*;
use rules::format_iso_date;

use crate::i18n::format;
use crate::i18n::rich::{arg, parse, plain, Arg, Piece};
use crate::i18n::{Locale, Msg};
use crate::state::use_state;

/// The pieces of `text` as elements, placeholders filled from `args`, else with the figures they name
/// (`i18n::figures`).
pub fn rich_view(locale: Locale, text: &str, args: &[(&'static str, Arg)]) -> AnyView {
    let views: Vec<AnyView> = parse(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_owned().into_any(),
            Piece::Ruby { base, reading } => {
                view! { <ruby>{base.to_owned()}<rt>{reading.to_owned()}</rt></ruby> }.into_any()
            }
            Piece::Japanese(t) => view! { <span lang="ja">{t.to_owned()}</span> }.into_any(),
            Piece::Placeholder(name) => match arg(locale, args, name) {
                Some(Arg::Text(s)) => rich_view(locale, &s, &[]),
                Some(Arg::Msg(m)) => rich_view(locale, locale.raw(m), &[]),
                Some(Arg::Japanese(s)) => view! { <span lang="ja">{s}</span> }.into_any(),
                Some(Arg::Date(d)) => time_view(locale, d, &format::date(locale, d)),
                Some(Arg::Day(d)) => time_view(locale, d, &format::day(locale, d)),
                Some(Arg::Phone(p)) => {
                    let href = format!("tel:{p}");
                    view! { <a href=href>{p}</a> }.into_any()
                }
                Some(Arg::Link { text, href }) => {
                    let shown = rich_view(locale, &text, &[]);
                    view! { <a href=href>{shown}</a> }.into_any()
                }
                None => format!("{{{name}}}").into_any(),
            },
        })
        .collect();
    views.into_any()
}

/// A date as written in `text`, inside `<time datetime>`.
fn time_view(locale: Locale, d: chrono::NaiveDate, text: &str) -> AnyView {
    let shown = rich_view(locale, text, &[]);
    view! { <time datetime=format_iso_date(d)>{shown}</time> }.into_any()
}

/// A part of a view that redraws itself when the signals it reads change. Every such part of the app
/// has this one type: tachys compiles its reactive rendering once per closure *type* (about 4 KB of
/// wasm each), so boxing them all shares one copy (docs/design.md §7).
pub type Dynamic = Box<dyn FnMut() -> AnyView + Send>;

/// Boxes a redrawing view part (see [`Dynamic`]).
pub fn dynamic(draw: impl FnMut() -> AnyView + Send + 'static) -> Dynamic {
    Box::new(draw)
}

/// A message in the current language, following language switches.
pub fn t(msg: Msg) -> Dynamic {
    let state = use_state();
    dynamic(move || {
        let locale = state.locale.get();
        rich_view(locale, locale.raw(msg), &[])
    })
}

/// A message with placeholders, in the current language.
pub fn t_with(msg: Msg, args: Vec<(&'static str, Arg)>) -> Dynamic {
    let state = use_state();
    dynamic(move || {
        let locale = state.locale.get();
        rich_view(locale, locale.raw(msg), &args)
    })
}

/// A message as plain text (attributes, the page title), in the current language.
pub fn plain_now(msg: Msg, args: &[(&str, Arg)]) -> String {
    let state = use_state();
    plain(state.locale.get_untracked(), msg, args)
}
