//! Fetching a language's texts and following it in the app's state: Japanese beyond the first view right
//! after the start page is up, another language when the citizen switches to it (docs/design.md §7). The texts
//! themselves are kept by `loaded`.

use leptos::prelude::*;

use super::Locale;
use crate::state::AppState;

thread_local! {
    /// The language last switched to: the one a retry asks for again.
    static ASKED: std::cell::Cell<Locale> = const { std::cell::Cell::new(Locale::Ja) };
}

/// Fetches a language's texts (once), then shows them; with `switch`, also changes to it.
/// Japanese beyond the first view is fetched this way right after the start page is up. When they cannot
/// be had, the page keeps the language it has and says so (`texts` or `switching` is `Failed`, shown by
/// `components::layout::texts_failed`).
pub fn texts(state: AppState, locale: Locale, switch: bool) {
    #[cfg(target_arch = "wasm32")]
    use crate::state::Arrival;
    if switch {
        ASKED.with(|a| a.set(locale));
    }
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        let loaded = crate::i18n::loaded::load(locale).await;
        if switch {
            state.switching.set(if loaded { Arrival::Ready } else { Arrival::Failed });
        }
        if loaded {
            if switch {
                state.locale.set(locale);
            }
            // Only a change redraws the page (an unsent answer being typed is kept).
            if locale == Locale::Ja && state.texts.get_untracked() != Arrival::Ready {
                state.texts.set(Arrival::Ready);
            }
        } else if locale == Locale::Ja {
            state.texts.set(Arrival::Failed);
        }
        if locale == Locale::Ja {
            // `<html data-myna-texts>` (a shell bridge): the texts beyond the first view have been taken in (or could
            // not be), in a task after the one that did it, so after anything they redraw (effects run in its
            // microtasks); e2e waits for it before saying that nothing was redrawn.
            set_timeout(move || crate::shell::set_texts_taken_in(loaded), std::time::Duration::ZERO);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    if switch {
        state.locale.set(locale);
    }
}

/// Switches the language once its texts are at hand (fetched the first time, docs/design.md §7).
pub fn switch_language(state: AppState, locale: Locale) {
    texts(state, locale, true);
}

/// The language last switched to: the one a retry asks for again.
pub fn asked() -> Locale {
    ASKED.with(std::cell::Cell::get)
}
