//! Languages and messages (docs/design.md §4). Every citizen-facing string lives in
//! `app/locales/{ja,en,ja-easy}.json`; `build.rs` turns the keys into [`Msg`] and checks that the
//! three files have the same keys and placeholders. Rust code holds keys, never prose.

pub mod figures;
pub mod format;
pub mod load;
#[cfg(target_arch = "wasm32")]
pub mod loaded;
pub mod rich;
pub mod words;

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
    /// In the browser, a language not loaded yet falls back to Japanese, and Japanese beyond the
    /// first view is empty until its file has loaded (the app waits for it, see `app_view`).
    pub fn raw(self, msg: Msg) -> &'static str {
        let index = msg as usize;
        #[cfg(target_arch = "wasm32")]
        {
            loaded::text(self, index)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let table = match self {
                Locale::Ja => &messages::JA,
                Locale::En => &messages::EN,
                Locale::JaEasy => &messages::JA_EASY,
            };
            table.get(index).copied().unwrap_or("")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(locale: &str) -> Vec<(String, String)> {
        let path = format!("{}/locales/{locale}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let map: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_default();
        map.into_iter().collect()
    }

    fn is_kanji(c: char) -> bool {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
    }

    #[test]
    fn plain_japanese_has_furigana_on_every_kanji() {
        // docs/design.md §4: a test fails on any kanji outside a ruby group in ja-easy.json.
        let mut bad = Vec::new();
        for (key, text) in table("ja-easy") {
            let mut outside = String::new();
            for piece in rich::parse(&text) {
                if let rich::Piece::Text(t) | rich::Piece::Japanese(t) = piece {
                    outside.push_str(t);
                }
            }
            if outside.chars().any(is_kanji) {
                bad.push(format!("{key}: {outside}"));
            }
        }
        assert!(bad.is_empty(), "kanji without furigana in ja-easy.json:\n{}", bad.join("\n"));
    }

    #[test]
    fn the_three_files_have_the_same_keys() {
        // build.rs fails the build on this already; this keeps the check visible as a test too.
        let keys = |l: &str| table(l).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys("ja").len(), COUNT);
        assert_eq!(keys("ja"), keys("en"));
        assert_eq!(keys("ja"), keys("ja-easy"));
        assert_eq!(keys("ja"), KEYS.to_vec());
    }

    #[test]
    fn english_is_not_japanese() {
        for (key, text) in table("en") {
            let mut outside = String::new();
            for piece in rich::parse(&text) {
                if let rich::Piece::Text(t) = piece {
                    outside.push_str(t);
                }
            }
            // Japanese terms in English texts are marked [[…]] so they get lang="ja" (docs/design.md §4).
            assert!(
                !outside.chars().any(|c| is_kanji(c) || ('\u{3040}'..='\u{30FF}').contains(&c)),
                "{key}: unmarked Japanese in en.json: {text}"
            );
        }
    }
}
