//! One module per kind of page. Each sets the document title and holds its own `<h1>`.

pub mod accessibility;
pub mod check;
pub mod password;
pub mod question;
pub mod reader;
pub mod result;
pub mod start;

use leptos::prelude::*;

use crate::i18n::rich::{plain, Arg};
use crate::i18n::Msg;
use crate::state::AppState;

/// Keeps `document.title` as 「<page> – マイナンバーカードの手続きガイド – 川崎市」, with 「エラー：」 in front
/// while the page shows errors (docs/design.md §5).
pub fn keep_title(state: AppState, title: Msg, has_error: Signal<bool>) {
    Effect::new(move |_| {
        let locale = state.locale.get();
        // The profile's city name once it has arrived; the built-in name until then or without it.
        let city = crate::profile::current().city(locale);
        // The start page's own title is the guide's name: not said twice.
        let page = if title == Msg::AppName { None } else { Some(plain(locale, title, &[])) };
        let mut full = match page {
            Some(page) => plain(locale, Msg::AppTitleFormat, &[("page", Arg::Text(page)), ("city", Arg::Text(city))]),
            None => plain(locale, Msg::AppTitleStart, &[("city", Arg::Text(city))]),
        };
        if has_error.get() {
            full.insert_str(0, &plain(locale, Msg::ErrorTitlePrefix, &[]));
        }
        document().set_title(&full);
    });
}
