//! Languages and messages (design.md §4). Every citizen-facing string lives in
//! `app/locales/{ja,en,ja-easy}.json`; `build.rs` turns the keys into [`Msg`] and checks that the
//! three files have the same keys and placeholders. Rust code holds keys, never prose.

pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod loaded;
pub mod rich;

mod messages {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use messages::{Msg, ALL, COUNT, KEYS};

/// The three languages of the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Ja,
    En,
    /// やさしい日本語 (plain Japanese with furigana).
    JaEasy,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Ja, Locale::En, Locale::JaEasy];

    /// The id used in `?lang=` and `data-lang`.
    pub fn id(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
            Locale::JaEasy => "ja-easy",
        }
    }

    /// The `lang` attribute: やさしい日本語 is Japanese to screen readers.
    pub fn lang(self) -> &'static str {
        match self {
            Locale::Ja | Locale::JaEasy => "ja",
            Locale::En => "en",
        }
    }

    /// Reads a locale id; unknown ids give `None` (the caller keeps Japanese).
    pub fn from_id(id: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The raw text of a message in this language (placeholders and ruby marks unexpanded).
    /// In the browser, a language not loaded yet falls back to Japanese.
    pub fn raw(self, msg: Msg) -> &'static str {
        let index = msg as usize;
        let japanese = messages::JA.get(index).copied().unwrap_or("");
        #[cfg(target_arch = "wasm32")]
        {
            loaded::text(self, index).unwrap_or(japanese)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let table = match self {
                Locale::Ja => &messages::JA,
                Locale::En => &messages::EN,
                Locale::JaEasy => &messages::JA_EASY,
            };
            table.get(index).copied().unwrap_or(japanese)
        }
    }
}
