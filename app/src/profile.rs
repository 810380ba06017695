//! The municipality profile (docs/design.md §6.2): everything city-specific, read from
//! `municipality.json` on the guide's own origin once at start. Only the fields the guide uses are
//! read, and every one is checked (`read.rs`); parsing goes through `JSON` and `Reflect` of the
//! browser (no `serde_json` in the wasm). Graceful absence: until it arrives, or when it cannot be
//! had or is not valid, the guide runs with its built-in fallbacks and says where local details are
//! missing.

pub mod read;
pub mod theme;

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::{Locale, Msg};

/// A text in the three languages of the guide; `ja-easy` may hold `{漢字|かな}` ruby marks.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    pub ja: String,
    pub en: String,
    pub ja_easy: String,
}

impl Texts {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ja => &self.ja,
            Locale::En => &self.en,
            Locale::JaEasy => &self.ja_easy,
        }
    }
}

/// A contact such as the city's call centre.
#[derive(Debug, Clone)]
pub struct Contact {
    pub id: String,
    pub name: Texts,
    /// As printed (0120-380-366); free numbers first is not assumed, see [`is_free_dial`].
    pub phones: Vec<String>,
    pub hours: Option<Texts>,
}

/// A place where the engine's `where` is done (`kind`: `ward_office`, `card_centre`, …).
#[derive(Debug, Clone)]
pub struct Office {
    /// Its id (`kawasaki-ku`), which the ward chooser keeps; may be empty.
    pub id: String,
    pub kind: String,
    /// The ward it serves, as the ward chooser names it.
    pub ward: Option<Texts>,
    pub name: Texts,
    pub address: Option<Texts>,
    pub phone: Option<String>,
    /// What `phone` reaches when it is not the counter's own line (「総合案内」).
    pub phone_label: Option<Texts>,
    pub hours: Option<Texts>,
    /// The office's page, `https://` only.
    pub url: Option<String>,
}

/// (`Default` for tests' literals.)
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The domain of the calendar file's `UID`s (docs/design.md §3.6).
    pub calendar_domain: String,
    pub name: Texts,
    pub contacts: Vec<Contact>,
    pub offices: Vec<Office>,
    /// The card reader's switches (docs/reader.md §1, §5.4).
    pub reader: ReaderSwitches,
    /// `embed.allowed_hosts`: the origins of the city's pages that get the frame's messages (docs/design.md
    /// §6.1), each `https://host[:port]`.
    pub allowed_hosts: Vec<String>,
    /// The theme's colours that passed the contrast test (`theme.rs`), applied on arrival.
    pub theme: Vec<(&'static str, String)>,
    /// `links`: the city's page for a procedure, keyed by the contract's action id (`renew_card`).
    pub links: Vec<(String, String)>,
    /// `notes`: what the city adds to a procedure (booking, hours), keyed by the action id.
    pub notes: Vec<(String, Texts)>,
}

/// `reader.query_pin_tries` (default on) turns the retry-counter queries off without a rebuild;
/// `reader.rcs300` (default off) offers the flagged, unproven RC-S300 in the chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderSwitches {
    pub query_pin_tries: bool,
    pub rcs300: bool,
}

impl Default for ReaderSwitches {
    fn default() -> Self {
        ReaderSwitches { query_pin_tries: true, rcs300: false }
    }
}

/// The contact shown in every footer (docs/design.md §5, consistent help).
pub const CITY_CALL_CENTRE: &str = "city_call_centre";

/// The calendar domain and the owner of `PRODID` when the profile cannot be had (docs/design.md §3.6).
pub const FALLBACK_CALENDAR_DOMAIN: &str = "city.kawasaki.jp";
pub const FALLBACK_OWNER: &str = "Kawasaki City";

impl Profile {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The city's page for the action `id`.
    pub fn link(&self, id: &str) -> Option<&str> {
        self.links.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str())
    }

    /// The city's note on the action `id`.
    pub fn note(&self, id: &str) -> Option<&Texts> {
        self.notes.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// The ward offices that name their ward, for the ward chooser.
    pub fn wards(&self) -> impl Iterator<Item = &Office> + '_ {
        self.offices_of("ward_office").filter(|o| o.ward.is_some() && !o.id.is_empty())
    }

    /// The offices of one kind, in the profile's order.
    pub fn offices_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Office> + 'a {
        self.offices.iter().filter(move |o| o.kind == kind)
    }
}

/// Where the profile is. The profile is read once and lives as long as the page, so it is leaked
/// and the state is `Copy` (a small signal, no reference counting: wasm size, docs/design.md §7).
#[derive(Debug, Clone, Copy)]
pub enum ProfileState {
    Loading,
    /// Not found, unreadable or of an unknown schema: the guide uses its fallbacks.
    Missing,
    Ready(&'static Profile),
}

impl ProfileState {
    pub fn profile(self) -> Option<&'static Profile> {
        match self {
            ProfileState::Ready(p) => Some(p),
            _ => None,
        }
    }

    pub fn is_missing(self) -> bool {
        matches!(self, ProfileState::Missing)
    }

    /// The city's name in `locale` (may hold ruby marks), else the built-in fallback.
    pub fn city(self, locale: Locale) -> String {
        match self.profile() {
            Some(p) => p.name.get(locale).to_owned(),
            None => locale.raw(Msg::AppCityFallback).to_owned(),
        }
    }

    /// The reader's switches; the defaults without a profile.
    pub fn reader_switches(self) -> ReaderSwitches {
        self.profile().map(|p| p.reader).unwrap_or_default()
    }

    /// The origins besides the guide's own that may receive the frame's messages: none without a profile.
    pub fn allowed_hosts(self) -> &'static [String] {
        self.profile().map_or(&[], |p| &p.allowed_hosts)
    }

    /// The calendar domain of the `UID`s and the owner named in `PRODID`.
    pub fn calendar_id(self) -> (&'static str, &'static str) {
        match self.profile() {
            Some(p) => (&p.calendar_domain, &p.name.en),
            None => (FALLBACK_CALENDAR_DOMAIN, FALLBACK_OWNER),
        }
    }
}

/// A free dial number (フリーダイヤル, 0120 and 0800), shown as 「無料」.
pub fn is_free_dial(phone: &str) -> bool {
    phone.starts_with("0120-") || phone.starts_with("0800-")
}

thread_local! {
    /// The profile once read: leaked, since it is read once and lives as long as the page.
    static PROFILE: Cell<Option<&'static Profile>> = const { Cell::new(None) };
    /// Set once the fetch has ended, found or not; a signal, so that views follow the arrival.
    /// (Kept here rather than in a context of its own type: each new signal or context type costs
    /// wasm size, docs/design.md §7.)
    static SETTLED: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

fn state(settled: bool) -> ProfileState {
    match (PROFILE.with(Cell::get), settled) {
        (Some(p), _) => ProfileState::Ready(p),
        (None, true) => ProfileState::Missing,
        (None, false) => ProfileState::Loading,
    }
}

/// The profile's state; read inside a view or effect, that view follows its arrival.
pub fn current() -> ProfileState {
    state(SETTLED.with(Cell::get).is_some_and(|s| s.get()))
}

/// The profile's state now, without tracking (event handlers).
pub fn current_untracked() -> ProfileState {
    state(SETTLED.with(Cell::get).is_some_and(|s| s.get_untracked()))
}

/// A view drawn from the language and the profile, redrawn when either changes. One closure type
/// serves every caller (each reactive closure type costs wasm size).
pub fn profile_view(draw: Box<dyn Fn(Locale, ProfileState) -> AnyView + Send + Sync>) -> impl IntoView {
    let state = crate::state::use_state();
    crate::components::text::dynamic(move || draw(state.locale.get(), current()))
}

/// Fetches the file once, from `start` (lib.rs) (the `<link rel="preload">` of `index.html` has usually
/// fetched it already); the guide runs with its fallbacks until it arrives, or without it. `settled_then`
/// runs once it has arrived or could not be had.
pub fn start(settled_then: fn()) {
    let settled = RwSignal::new(false);
    SETTLED.with(|s| s.set(Some(settled)));
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        let found = fetch().await.map(|p| {
            let p: &'static Profile = Box::leak(Box::new(p));
            crate::shell::set_colours(&p.theme);
            PROFILE.with(|c| c.set(Some(p)));
        });
        settled.set(true);
        crate::shell::set_profile_settled(found.is_some());
        settled_then();
    });
    #[cfg(not(target_arch = "wasm32"))]
    {
        settled.set(true);
        settled_then();
    }
}

/// The profile, or `None` when the file cannot be had (offline, 404, not JSON) or is not valid
/// (`read.rs`); the browser itself may report a failed request in its console, the guide logs nothing.
#[cfg(target_arch = "wasm32")]
async fn fetch() -> Option<Profile> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let response = JsFuture::from(leptos::prelude::window().fetch_with_str("municipality.json")).await.ok()?;
    let response = response.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        return None;
    }
    let value = JsFuture::from(response.json().ok()?).await.ok()?;
    read::profile(&value)
}

#[cfg(test)]
mod tests {
    //! The shipped `public/municipality.json` (docs/design.md §6.2): what the browser's reader checks
    //! (`read.rs`: types, lengths, characters, `https`, phones as printed, readable theme colours), and
    //! beyond it furigana in every やさしい日本語 text and a source on every entry.

    use super::*;
    use serde_json::Value;

    fn shipped() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/municipality.json");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    fn is_kanji(c: char) -> bool {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
    }

    /// Walks every value, with its path, collecting problems.
    fn walk(path: &str, v: &Value, problems: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                let languages = ["ja", "en", "ja-easy"];
                if languages.iter().any(|l| map.contains_key(*l)) {
                    for l in languages {
                        match map.get(l).and_then(Value::as_str) {
                            Some(t) if !t.trim().is_empty() => {}
                            _ => problems.push(format!("{path}: no {l} text")),
                        }
                    }
                    if let Some(easy) = map.get("ja-easy").and_then(Value::as_str) {
                        let mut outside = String::new();
                        for piece in crate::i18n::rich::parse(easy) {
                            if let crate::i18n::rich::Piece::Text(t) = piece {
                                outside.push_str(t);
                            }
                        }
                        if outside.chars().any(is_kanji) {
                            problems.push(format!("{path}.ja-easy: kanji without furigana: {easy}"));
                        }
                    }
                }
                for (k, child) in map {
                    walk(&format!("{path}.{k}"), child, problems);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), child, problems);
                }
            }
            Value::String(s) => {
                if s.contains("://") && !s.starts_with("https://") {
                    problems.push(format!("{path}: not an https URL: {s}"));
                }
                let is_phone_field = path.ends_with(".phone") || path.contains(".phones[");
                if is_phone_field && !read::is_phone(s) {
                    problems.push(format!("{path}: phone not as printed: {s}"));
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_shipped_profile_is_valid() {
        let p = shipped();
        assert_eq!(p["schema"], 1, "schema 1, parsed");
        let mut problems = Vec::new();
        walk("$", &p, &mut problems);
        let domain = p["calendar_domain"].as_str().unwrap_or("");
        assert!(
            !domain.is_empty()
                && domain.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'),
            "calendar_domain: {domain}"
        );
        for (list, required) in
            [("contacts", &["id", "name", "phones", "source"][..]), ("offices", &["kind", "name", "source"][..])]
        {
            for (i, entry) in p[list].as_array().into_iter().flatten().enumerate() {
                for key in required {
                    let present = match &entry[*key] {
                        Value::String(s) => !s.trim().is_empty(),
                        Value::Null => false,
                        _ => true,
                    };
                    if !present {
                        problems.push(format!("{list}[{i}]: no {key}"));
                    }
                }
            }
        }
        for (token, colour) in p["theme"].as_object().into_iter().flatten() {
            if colour.as_str().and_then(|c| theme::accept(token, c)).is_none() {
                problems.push(format!("theme {token}: {colour} is not a city's colour at 4.5:1 on its backgrounds"));
            }
        }
        // What the browser reads of it: all of it, and the city's own page may embed the guide.
        let read = read::profile(&p);
        assert!(read.is_some(), "the browser's reader refuses the shipped profile");
        let read = read.unwrap();
        assert_eq!(read.calendar_domain, domain);
        assert!(read.contact(CITY_CALL_CENTRE).is_some());
        assert_eq!(read.allowed_hosts, ["https://www.city.kawasaki.jp"]);
        let call_centre = p["contacts"].as_array().into_iter().flatten().any(|c| c["id"] == CITY_CALL_CENTRE);
        assert!(call_centre, "the footer's city call centre is in the profile");
        assert!(problems.is_empty(), "municipality.json:\n{}", problems.join("\n"));
    }

    #[test]
    fn the_checks_catch_bad_values() {
        let mut problems = Vec::new();
        let bad = serde_json::json!({ "name": { "ja": "川崎市", "en": "" , "ja-easy": "川崎市" },
                                      "links": { "x": "http://example.jp/" }, "phones": ["0120 380 366"] });
        walk("$", &bad, &mut problems);
        assert_eq!(problems.len(), 4, "{problems:?}");
    }

    #[test]
    fn free_dial() {
        assert!(is_free_dial("0120-380-366"));
        assert!(is_free_dial("0800-123-4567"));
        assert!(!is_free_dial("050-3310-5907"));
    }

    #[test]
    fn without_a_profile_the_fallbacks_are_used() {
        let missing = ProfileState::Missing;
        assert_eq!(missing.city(Locale::Ja), "川崎市");
        assert_eq!(missing.calendar_id(), ("city.kawasaki.jp", "Kawasaki City"));
        let name = Texts { ja: "テスト市".into(), en: "Test City".into(), ja_easy: "テストし".into() };
        let ready = ProfileState::Ready(Box::leak(Box::new(Profile {
            calendar_domain: "city.test.jp".into(),
            name,
            contacts: vec![],
            offices: vec![],
            reader: ReaderSwitches { query_pin_tries: false, rcs300: true },
            allowed_hosts: vec!["https://www.city.test.example".into()],
            ..Profile::default()
        })));
        assert_eq!(ready.city(Locale::En), "Test City");
        assert_eq!(ready.calendar_id(), ("city.test.jp", "Test City"));
        assert_eq!(ready.reader_switches(), ReaderSwitches { query_pin_tries: false, rcs300: true });
        assert_eq!(missing.reader_switches(), ReaderSwitches::default());
        assert_eq!(ready.allowed_hosts(), ["https://www.city.test.example"]);
        assert!(missing.allowed_hosts().is_empty() && ProfileState::Loading.allowed_hosts().is_empty());
    }
}
