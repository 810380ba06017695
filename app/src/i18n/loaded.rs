//! The texts fetched from the guide's own origin (`locale-<id>.json`, written by
//! `scripts/post-build` from `app/locales/`): all of English and やさしい日本語 when chosen, and the
//! Japanese texts beyond the first view right after the start page is up. Keeping them out of the
//! wasm keeps the first view small (docs/design.md §7). A file whose fingerprint does not match the
//! wasm's key list (a stale cache) is refused.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{messages, Locale};

thread_local! {
    /// Japanese, English, やさしい日本語, once loaded. Leaked on purpose: a language is loaded at
    /// most once per visit and lives as long as the page.
    static TABLES: RefCell<[Option<&'static [&'static str]>; 3]> = const { RefCell::new([None, None, None]) };
}

fn slot(locale: Locale) -> usize {
    match locale {
        Locale::Ja => 0,
        Locale::En => 1,
        Locale::JaEasy => 2,
    }
}

fn table(locale: Locale) -> Option<&'static [&'static str]> {
    TABLES.with(|t| t.borrow().get(slot(locale)).copied().flatten())
}

/// The text at `index`: the language's table once loaded; before that, Japanese (loaded, or the
/// first view's built-in texts).
pub fn text(locale: Locale, index: usize) -> &'static str {
    let built_in = messages::JA.get(index).copied().unwrap_or("");
    let japanese = || table(Locale::Ja).and_then(|t| t.get(index).copied()).unwrap_or(built_in);
    match table(locale).and_then(|t| t.get(index).copied()) {
        Some(text) => text,
        None => japanese(),
    }
}

/// Whether every text of a language is available now.
pub fn is_ready(locale: Locale) -> bool {
    table(locale).is_some()
}

/// Fetches a language's texts; `false` when they cannot be had (offline without a cached copy,
/// a stale file).
pub async fn load(locale: Locale) -> bool {
    if is_ready(locale) {
        return true;
    }
    let url = format!("locale-{}.json", locale.id());
    let Ok(response) = JsFuture::from(leptos::prelude::window().fetch_with_str(&url)).await else { return false };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return false };
    if !response.ok() {
        return false;
    }
    let Ok(json) = response.json() else { return false };
    let Ok(value) = JsFuture::from(json).await else { return false };
    // One string across the boundary instead of one per text (a few hundred crossings were a long task on
    // a slow phone): the texts joined by NUL, which no text holds, then cut apart here.
    let joined = String::from(js_sys::Array::from(&value).join("\u{0}"));
    let mut parts = Box::leak(joined.into_boxed_str()).split('\u{0}');
    if parts.next() != Some(messages::FINGERPRINT) {
        return false;
    }
    let texts: Vec<&'static str> = parts.collect();
    if texts.len() != messages::COUNT {
        return false;
    }
    TABLES.with(|t| {
        if let Some(entry) = t.borrow_mut().get_mut(slot(locale)) {
            *entry = Some(Box::leak(texts.into_boxed_slice()));
        }
    });
    true
}
