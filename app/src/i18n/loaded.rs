//! The languages besides Japanese, fetched from the guide's own origin when the citizen chooses
//! them (`locale-en.json`, `locale-ja-easy.json`, written by `scripts/post-build` from
//! `app/locales/`). Keeping them out of the wasm keeps the first view small (design.md §7).
//! A file whose fingerprint does not match the wasm's key list (a stale cache) is refused.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{messages, Locale};

thread_local! {
    /// English, then やさしい日本語, once loaded. Leaked on purpose: a language is loaded at most
    /// once per visit and lives as long as the page.
    static TABLES: RefCell<[Option<&'static [&'static str]>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(locale: Locale) -> Option<usize> {
    match locale {
        Locale::Ja => None,
        Locale::En => Some(0),
        Locale::JaEasy => Some(1),
    }
}

/// The text at `index`, if the language is loaded.
pub fn text(locale: Locale, index: usize) -> Option<&'static str> {
    let slot = slot(locale)?;
    TABLES.with(|t| t.borrow().get(slot).copied().flatten()).and_then(|table| table.get(index).copied())
}

/// Whether the texts of a language are available now.
pub fn is_ready(locale: Locale) -> bool {
    slot(locale).is_none_or(|slot| TABLES.with(|t| t.borrow().get(slot).copied().flatten().is_some()))
}

/// Fetches a language's texts; `false` when they cannot be had (offline without a cached copy,
/// a stale file).
pub async fn load(locale: Locale) -> bool {
    let Some(slot) = slot(locale) else { return true };
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
    let array = js_sys::Array::from(&value);
    if array.length() as usize != messages::COUNT + 1
        || array.get(0).as_string().as_deref() != Some(messages::FINGERPRINT)
    {
        return false;
    }
    let texts: Vec<&'static str> = (1..array.length())
        .map(|i| &*Box::leak(array.get(i).as_string().unwrap_or_default().into_boxed_str()))
        .collect();
    TABLES.with(|t| {
        if let Some(entry) = t.borrow_mut().get_mut(slot) {
            *entry = Some(Box::leak(texts.into_boxed_slice()));
        }
    });
    true
}
