//! Reading `municipality.json` (docs/design.md §6.2), all or nothing. The file comes from the city's server, but a
//! broken deployment or a tampered copy must not put a wrong phone number, a line break or an `http:` link in
//! front of a citizen: every field the guide knows is checked for its type, its length and its characters,
//! and one field that fails makes the whole profile unusable (the guide then runs on its fallbacks and says
//! the local details are missing, as without the file). Keys the guide does not know are ignored, so a city
//! can add a `source` anywhere.
//!
//! The profile's shape is data ([`PROFILE`]) read by one function, [`valid`]: a check per field in code
//! would cost kilobytes of the first view (docs/design.md §7). Both are generic over [`Json`], so the same code
//! reads the browser's `JSON.parse` result in the app (no `serde_json` in the wasm) and serde_json's values
//! in the native tests.

use super::theme;
use super::{Contact, Office, Profile, ReaderSwitches, Texts};

/// The longest text of a profile (a name, an address, opening hours), in characters.
pub const MAX_TEXT: usize = 200;
/// The longest `source` note and the longest link.
pub const MAX_NOTE: usize = 500;
/// The most entries of a list (contacts, offices, phones, allowed hosts).
pub const MAX_LIST: usize = 100;

/// What the reader needs of a parsed JSON value.
pub trait Json: Sized {
    /// An object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// The member `key` of an object; `None` when it is absent or `null`, or when this is not an object.
    fn member(&self, key: &str) -> Option<Self>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// The length of an array; `None` when this is not an array.
    fn length(&self) -> Option<u32>;
    /// Item `i` of an array (below its length).
    fn item(&self, i: u32) -> Self;
    /// The keys of an object, in order; none when this is not an object.
    fn keys(&self) -> Vec<String>;
}

/// What a value of the profile must be.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A text for citizens: at most [`MAX_TEXT`] characters, no control character.
    Text,
    /// A `source` note: at most [`MAX_NOTE`] characters, no control character.
    Note,
    /// Where a fact comes from: a [`Shape::Note`] or a list of them (the pages a fact was read on).
    Source,
    /// An id or a kind: `[a-z0-9_-]{1,40}`.
    Id,
    /// A host name (the calendar domain).
    Host,
    Phone,
    /// An origin of the city's pages (`embed.allowed_hosts`).
    Origin,
    Link,
    Bool,
    /// The schema number, 1.
    One,
    Object(&'static [Field]),
    /// An array of at most [`MAX_LIST`] values of one kind.
    List(&'static Shape),
    /// An object whose every member is of one kind (`links`, `theme`), but for a `source` note.
    Map(&'static Shape),
}

/// A member of an object: its key, its kind, and whether it must be there.
type Field = (&'static str, Shape, bool);

const TEXTS: Shape = Shape::Object(&[
    ("ja", Shape::Text, true),
    ("en", Shape::Text, true),
    ("ja-easy", Shape::Text, true),
    ("source", Shape::Source, false),
]);

const CONTACT: &[Field] = &[
    ("id", Shape::Id, true),
    ("name", TEXTS, true),
    ("phones", Shape::List(&Shape::Phone), false),
    ("hours", TEXTS, false),
    ("source", Shape::Source, false),
];

const OFFICE: &[Field] = &[
    ("id", Shape::Id, false),
    ("kind", Shape::Id, true),
    // The ward it serves, as the ward chooser names it.
    ("ward", TEXTS, false),
    ("name", TEXTS, true),
    ("address", TEXTS, false),
    ("phone", Shape::Phone, false),
    // What the number reaches when it is not the counter's own line (「総合案内」).
    ("phone_label", TEXTS, false),
    ("hours", TEXTS, false),
    ("url", Shape::Link, false),
    ("source", Shape::Source, false),
    ("source_note", Shape::Note, false),
];

/// The profile of docs/design.md §6.2, schema 1.
const PROFILE: &[Field] = &[
    ("schema", Shape::One, true),
    ("id", Shape::Id, true),
    ("calendar_domain", Shape::Host, true),
    ("name", TEXTS, true),
    ("source", Shape::Source, false),
    (
        "embed",
        Shape::Object(&[("allowed_hosts", Shape::List(&Shape::Origin), false), ("source", Shape::Note, false)]),
        false,
    ),
    (
        "reader",
        Shape::Object(&[
            ("query_pin_tries", Shape::Bool, false),
            ("rcs300", Shape::Bool, false),
            ("source", Shape::Note, false),
        ]),
        false,
    ),
    ("contacts", Shape::List(&Shape::Object(CONTACT)), false),
    ("offices", Shape::List(&Shape::Object(OFFICE)), false),
    // The city's page for a procedure and a note of the city's on it, keyed by the contract's action id.
    ("links", Shape::Map(&Shape::Link), false),
    ("notes", Shape::Map(&TEXTS), false),
    // Every value a string; which of them are applied is `theme::accept`'s.
    ("theme", Shape::Map(&Shape::Note), false),
];

/// Whether `v` is of `kind`, all the way down. (Never inlined: with the constant [`PROFILE`] in view the
/// optimiser would unroll the table into code, field by field, and the first view would grow by kilobytes.)
#[inline(never)]
fn valid<J: Json>(v: &J, kind: Shape) -> bool {
    match kind {
        Shape::Bool => v.boolean().is_some(),
        Shape::One => v.number() == Some(1.0),
        Shape::Object(fields) => {
            v.is_object()
                && fields.iter().all(|&(key, kind, required)| match v.member(key) {
                    Some(m) => valid(&m, kind),
                    None => !required,
                })
        }
        Shape::List(item) => {
            v.length().is_some_and(|n| n as usize <= MAX_LIST && (0..n).all(|i| valid(&v.item(i), *item)))
        }
        Shape::Source => valid(v, Shape::Note) || valid(v, Shape::List(&Shape::Note)),
        Shape::Map(value) => {
            v.is_object()
                && v.keys().iter().all(|key| {
                    let kind = if key == "source" { Shape::Source } else { *value };
                    v.member(key).is_none_or(|x| valid(&x, kind))
                })
        }
        text => v.string().is_some_and(|s| match text {
            Shape::Text => is_clean(&s, MAX_TEXT),
            Shape::Note => is_clean(&s, MAX_NOTE),
            Shape::Id => is_id(&s),
            Shape::Host => is_host(&s),
            Shape::Phone => is_phone(&s),
            Shape::Origin => is_https_origin(&s),
            _ => is_https_link(&s),
        }),
    }
}

/// A text shown to a citizen or written into a file: at most `max` characters, no control character (a CR or
/// LF would start a line of the calendar file; none belongs in a name or an address), not empty.
fn is_clean(text: &str, max: usize) -> bool {
    !text.is_empty()
        && text.chars().count() <= max
        && !text.chars().any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
}

/// `[a-z0-9.-]`, as a host name is written in an origin or a calendar `UID`, not starting or ending with a dot
/// or a hyphen, no empty label.
pub fn is_host(host: &str) -> bool {
    let b = host.as_bytes();
    let edge = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    b.len() <= 253
        && edge(b.first())
        && edge(b.last())
        && !b.windows(2).any(|w| w == b"..")
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'.' || *c == b'-')
}

/// An origin as the browser writes `location.origin`: `https://host` or `https://host:port`, nothing after.
pub fn is_https_origin(origin: &str) -> bool {
    let Some(rest) = origin.strip_prefix("https://") else { return false };
    let (host, port) = rest.split_once(':').unwrap_or((rest, "1"));
    is_host(host) && (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit())
}

/// A link the guide may show: `https://` and a host, no space or control character.
pub fn is_https_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    is_clean(link, MAX_NOTE) && !link.contains(' ') && is_host(host)
}

/// A phone number as printed: `^[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}$` (docs/design.md §6.2), without a regex crate.
pub fn is_phone(p: &str) -> bool {
    let mut parts = p.split('-');
    let mut part = |lo: usize, hi: usize| {
        parts.next().is_some_and(|s| (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    part(2, 5) && part(1, 4) && part(3, 4) && parts.next().is_none()
}

/// An id or a kind: `[a-z0-9_-]`, at most 40.
fn is_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

// ---------------------------------------------------------------- reading a valid profile
// (Plain loops: iterator adapters over a new item type each cost their own code in the wasm.)

fn string<J: Json>(v: &J, key: &str) -> String {
    v.member(key).and_then(|m| m.string()).unwrap_or_default()
}

fn texts<J: Json>(v: &J, key: &str) -> Option<Texts> {
    let t = v.member(key)?;
    Some(Texts { ja: string(&t, "ja"), en: string(&t, "en"), ja_easy: string(&t, "ja-easy") })
}

/// The items of an array member (none when it is not there).
fn items<J: Json>(v: &J, key: &str) -> Vec<J> {
    let mut out = Vec::new();
    if let Some(list) = v.member(key) {
        for i in 0..list.length().unwrap_or(0) {
            out.push(list.item(i));
        }
    }
    out
}

/// The strings of an array member.
fn strings<J: Json>(v: &J, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in items(v, key) {
        out.push(item.string().unwrap_or_default());
    }
    out
}

/// The profile, or `None` when the file is not a valid profile of schema 1 (see the module's comment).
pub fn profile<J: Json>(v: &J) -> Option<Profile> {
    if !valid(v, Shape::Object(PROFILE)) {
        return None;
    }
    let mut contacts = Vec::new();
    for c in items(v, "contacts") {
        contacts.push(Contact {
            id: string(&c, "id"),
            name: texts(&c, "name").unwrap_or_default(),
            phones: strings(&c, "phones"),
            hours: texts(&c, "hours"),
        });
    }
    let mut offices = Vec::new();
    for o in items(v, "offices") {
        offices.push(Office {
            id: string(&o, "id"),
            kind: string(&o, "kind"),
            ward: texts(&o, "ward"),
            name: texts(&o, "name").unwrap_or_default(),
            address: texts(&o, "address"),
            phone: o.member("phone").and_then(|p| p.string()),
            phone_label: texts(&o, "phone_label"),
            hours: texts(&o, "hours"),
            url: o.member("url").and_then(|u| u.string()),
        });
    }
    // Keyed maps, their `source` aside.
    let mut links = Vec::new();
    let mut notes = Vec::new();
    if let Some(l) = v.member("links") {
        for key in l.keys() {
            if key != "source" {
                let link = string(&l, &key);
                links.push((key, link));
            }
        }
    }
    if let Some(n) = v.member("notes") {
        for key in n.keys() {
            if let (false, Some(text)) = (key == "source", texts(&n, &key)) {
                notes.push((key, text));
            }
        }
    }
    // A switch that is not there keeps its default.
    let mut reader = ReaderSwitches::default();
    if let Some(r) = v.member("reader") {
        reader.query_pin_tries =
            r.member("query_pin_tries").and_then(|b| b.boolean()).unwrap_or(reader.query_pin_tries);
        reader.rcs300 = r.member("rcs300").and_then(|b| b.boolean()).unwrap_or(reader.rcs300);
    }
    let mut theme = Vec::new();
    if let Some(t) = v.member("theme") {
        for token in t.keys() {
            let colour = string(&t, &token);
            if let Some(token) = theme::accept(&token, &colour) {
                theme.push((token, colour));
            }
        }
    }
    Some(Profile {
        calendar_domain: string(v, "calendar_domain"),
        name: texts(v, "name").unwrap_or_default(),
        contacts,
        offices,
        reader,
        allowed_hosts: v.member("embed").map(|e| strings(&e, "allowed_hosts")).unwrap_or_default(),
        theme,
        links,
        notes,
    })
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The browser's parsed JSON, read with `Reflect` (no `serde_json` in the wasm).

    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;

    impl super::Json for JsValue {
        fn is_object(&self) -> bool {
            JsValue::is_object(self) && !Array::is_array(self)
        }
        fn member(&self, key: &str) -> Option<Self> {
            if !super::Json::is_object(self) {
                return None;
            }
            let v = Reflect::get(self, &JsValue::from_str(key)).ok()?;
            (!v.is_undefined() && !v.is_null()).then_some(v)
        }
        fn string(&self) -> Option<String> {
            self.as_string()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }
        fn length(&self) -> Option<u32> {
            Array::is_array(self).then(|| Array::from(self).length())
        }
        fn item(&self, i: u32) -> Self {
            Array::from(self).get(i)
        }
        fn keys(&self) -> Vec<String> {
            if !super::Json::is_object(self) {
                return Vec::new();
            }
            Object::keys(&Object::from(self.clone())).iter().filter_map(|k| k.as_string()).collect()
        }
    }
}

#[cfg(test)]
impl Json for serde_json::Value {
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn length(&self) -> Option<u32> {
        self.as_array().map(|a| u32::try_from(a.len()).unwrap_or(u32::MAX))
    }
    fn item(&self, i: u32) -> Self {
        self[i as usize].clone()
    }
    fn keys(&self) -> Vec<String> {
        self.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A profile with every field the guide reads, each valid.
    fn full() -> Value {
        json!({
            "schema": 1, "id": "test-city", "calendar_domain": "city.test.example",
            "source": "e2e fixture",
            "name": { "ja": "テスト市", "en": "Test City", "ja-easy": "テストし" },
            "embed": { "allowed_hosts": ["https://www.city.test.example", "https://test.example:8443"] },
            "reader": { "query_pin_tries": false, "rcs300": true, "source": "docs/reader.md" },
            "contacts": [{ "id": "city_call_centre",
                           "name": { "ja": "テスト市コールセンター", "en": "Test City call centre", "ja-easy": "でんわ" },
                           "phones": ["045-123-4567", "0120-000-111"],
                           "hours": { "ja": "毎日", "en": "every day", "ja-easy": "まいにち" },
                           "source": "leaflet" }],
            "offices": [{ "id": "north", "kind": "ward_office",
                          "name": { "ja": "北区役所", "en": "North Ward Office", "ja-easy": "きたくやくしょ" },
                          "address": { "ja": "北町1-1", "en": "1-1 Kita-machi", "ja-easy": "きたまち 1-1" },
                          "ward": { "ja": "北区", "en": "Kita Ward", "ja-easy": "きたく" },
                          "phone": "045-111-2222",
                          "phone_label": { "ja": "総合案内", "en": "general enquiries", "ja-easy": "あんない" },
                          "hours": { "ja": "平日", "en": "weekdays", "ja-easy": "へいじつ" },
                          "url": "https://www.city.test.example/north/",
                          "source": ["https://www.city.test.example/offices", "https://www.city.test.example/north/"],
                          "source_note": "address from the ward's page" }],
            "links": { "renew_card": "https://www.city.test.example/renew.html", "source": "leaflet" },
            "notes": { "renew_card": { "ja": "予約が必要です。", "en": "Book first.", "ja-easy": "よやく して ください。",
                                       "source": "https://www.city.test.example/renew.html" },
                       "source": ["leaflet"] },
            "theme": { "--color-primitive-blue-900": "#00118f" }
        })
    }

    /// Replaces the value at a `/`-separated path (array indexes as numbers).
    fn with(path: &str, value: Value) -> Value {
        let mut p = full();
        *p.pointer_mut(path).unwrap_or_else(|| panic!("no {path}")) = value;
        p
    }

    fn without(path: &str) -> Value {
        let mut p = full();
        let (parent, key) = path.rsplit_once('/').unwrap();
        p.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key).unwrap();
        p
    }

    #[test]
    fn a_full_profile_is_read() {
        let p = profile(&full()).expect("the full profile is valid");
        assert_eq!(p.calendar_domain, "city.test.example");
        assert_eq!(p.name.get(crate::i18n::Locale::JaEasy), "テストし");
        assert_eq!(p.allowed_hosts, ["https://www.city.test.example", "https://test.example:8443"]);
        assert_eq!(p.reader, ReaderSwitches { query_pin_tries: false, rcs300: true });
        assert_eq!(p.contacts.len(), 1);
        assert_eq!(p.contacts[0].phones, ["045-123-4567", "0120-000-111"]);
        assert_eq!(p.offices.len(), 1);
        assert_eq!(p.offices[0].phone.as_deref(), Some("045-111-2222"));
        assert_eq!(p.offices[0].id, "north");
        assert_eq!(p.offices[0].ward.as_ref().map(|w| w.en.as_str()), Some("Kita Ward"));
        assert_eq!(p.offices[0].phone_label.as_ref().map(|w| w.ja.as_str()), Some("総合案内"));
        assert_eq!(p.offices[0].url.as_deref(), Some("https://www.city.test.example/north/"));
        assert_eq!(p.wards().count(), 1);
        // The maps' `source` is not an entry.
        assert_eq!(p.links, [("renew_card".to_owned(), "https://www.city.test.example/renew.html".to_owned())]);
        assert_eq!(p.link("renew_card"), Some("https://www.city.test.example/renew.html"));
        assert_eq!(p.note("renew_card").map(|n| n.en.as_str()), Some("Book first."));
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.theme, [("--color-primitive-blue-900", "#00118f".to_owned())]);
        // The optional fields may go; the defaults stand in.
        let mut minimal = full();
        for key in ["embed", "reader", "contacts", "offices", "links", "notes", "theme", "source"] {
            minimal.as_object_mut().unwrap().remove(key);
        }
        let p = profile(&minimal).expect("the minimal profile is valid");
        assert!(p.allowed_hosts.is_empty() && p.contacts.is_empty() && p.theme.is_empty() && p.notes.is_empty());
        assert_eq!(p.reader, ReaderSwitches::default());
        // null is absent.
        assert!(profile(&with("/offices/0/address", Value::Null)).is_some());
    }

    /// Every field the guide reads, with a value of the wrong type: the whole profile is refused.
    #[test]
    fn each_field_of_the_wrong_type_refuses_the_profile() {
        let paths = [
            "/schema",
            "/id",
            "/calendar_domain",
            "/source",
            "/name",
            "/name/ja",
            "/name/en",
            "/name/ja-easy",
            "/embed",
            "/embed/allowed_hosts",
            "/embed/allowed_hosts/0",
            "/reader",
            "/reader/query_pin_tries",
            "/reader/rcs300",
            "/contacts",
            "/contacts/0",
            "/contacts/0/id",
            "/contacts/0/name",
            "/contacts/0/phones",
            "/contacts/0/phones/0",
            "/contacts/0/hours",
            "/contacts/0/source",
            "/offices",
            "/offices/0",
            "/offices/0/id",
            "/offices/0/kind",
            "/offices/0/name",
            "/offices/0/address",
            "/offices/0/phone",
            "/offices/0/hours",
            "/offices/0/source",
            "/offices/0/source/1",
            "/offices/0/ward",
            "/offices/0/ward/ja",
            "/offices/0/phone_label",
            "/offices/0/url",
            "/offices/0/source_note",
            "/links",
            "/links/renew_card",
            "/notes",
            "/notes/renew_card",
            "/notes/renew_card/ja-easy",
            "/notes/renew_card/source",
            "/notes/source/0",
            "/theme",
            "/theme/--color-primitive-blue-900",
        ];
        for path in paths {
            let original = full().pointer(path).cloned().unwrap();
            // A value of another JSON type than the field's (a string gets a number, anything else a string;
            // a boolean also gets a number; an object also gets an array).
            let wrong: Vec<Value> = match original {
                // A `source` may also be a list of notes.
                Value::String(_) if path.ends_with("source") => vec![json!(5), json!([5]), json!({ "x": 1 })],
                Value::String(_) => vec![json!(5), json!(["x"]), json!({ "x": 1 })],
                Value::Number(_) => vec![json!("1"), json!(true)],
                Value::Bool(_) => vec![json!("true"), json!(1)],
                // (A list of sources may also be one.)
                Value::Array(_) if path.ends_with("source") => vec![json!(5), json!({ "0": "x" })],
                Value::Array(_) => vec![json!("x"), json!({ "0": "x" })],
                Value::Object(_) => vec![json!("x"), json!([1]), json!(7)],
                Value::Null => unreachable!(),
            };
            for w in wrong {
                assert!(profile(&with(path, w.clone())).is_none(), "{path} = {w} was accepted");
            }
        }
        // Not an object at all; another schema.
        for bad in [json!([]), json!("profile"), json!(null), with("/schema", json!(2))] {
            assert!(profile(&bad).is_none(), "{bad}");
        }
        // A required field missing.
        for path in [
            "/schema",
            "/id",
            "/calendar_domain",
            "/name",
            "/name/en",
            "/contacts/0/id",
            "/contacts/0/name",
            "/offices/0/kind",
            "/offices/0/name",
        ] {
            assert!(profile(&without(path)).is_none(), "without {path}");
        }
    }

    #[test]
    fn a_value_too_long_refuses_the_profile() {
        let long = "あ".repeat(MAX_TEXT + 1);
        for path in ["/name/ja", "/contacts/0/hours/en", "/offices/0/address/ja-easy", "/offices/0/name/ja"] {
            assert!(profile(&with(path, json!("あ".repeat(MAX_TEXT)))).is_some(), "{path} at the limit");
            assert!(profile(&with(path, json!(long))).is_none(), "{path} too long");
        }
        let note = "x".repeat(MAX_NOTE + 1);
        assert!(profile(&with("/source", json!(note))).is_none());
        assert!(profile(&with("/links/renew_card", json!(format!("https://a.example/{note}")))).is_none());
        let many = |v: Value| json!(vec![v; MAX_LIST + 1]);
        assert!(profile(&with("/contacts/0/phones", many(json!("045-123-4567")))).is_none());
        assert!(profile(&with("/embed/allowed_hosts", many(json!("https://a.example")))).is_none());
        assert!(profile(&with("/offices", many(full()["offices"][0].clone()))).is_none());
        assert!(profile(&with("/calendar_domain", json!(format!("{}.jp", "a".repeat(251))))).is_none());
        assert!(profile(&with("/id", json!("a".repeat(41)))).is_none());
    }

    #[test]
    fn a_line_break_or_control_character_refuses_the_profile() {
        for bad in [
            "テスト市\r\nBEGIN:VEVENT",
            "Test\nCity",
            "Test\rCity",
            "Test\u{0}",
            "Test\u{1b}[31m",
            "Test\u{7f}",
            "Test\u{85}",
            "Test\u{2028}City",
        ] {
            for path in ["/name/en", "/contacts/0/hours/ja", "/offices/0/address/en", "/source", "/reader/source"] {
                assert!(profile(&with(path, json!(bad))).is_none(), "{path} = {bad:?}");
            }
        }
        for (path, bad) in [
            ("/calendar_domain", "city.test.example\r\nX-EVIL:1"),
            ("/id", "test\n"),
            ("/contacts/0/phones/0", "045-123-4567\r\n"),
            ("/embed/allowed_hosts/0", "https://a.example\n"),
            ("/links/renew_card", "https://a.example/\r\nx"),
            ("/offices/0/url", "https://a.example/\nx"),
            ("/notes/renew_card/en", "Book\r\nfirst"),
        ] {
            assert!(profile(&with(path, json!(bad))).is_none(), "{path} = {bad:?}");
        }
    }

    #[test]
    fn links_and_hosts_are_https_only() {
        for bad in [
            "http://www.city.test.example/leaflet.pdf",
            "javascript:alert(1)",
            "//evil.example/x",
            "https://",
            "https:// evil.example",
            "HTTPS://A.EXAMPLE/",
        ] {
            assert!(profile(&with("/links/renew_card", json!(bad))).is_none(), "{bad}");
            assert!(profile(&with("/offices/0/url", json!(bad))).is_none(), "{bad}");
        }
        for bad in [
            "http://www.city.test.example",
            "https://www.city.test.example/",
            "https://www.city.test.example/page",
            "https://WWW.CITY.TEST.EXAMPLE",
            "https://a.example:",
            "https://a.example:123456",
            "https://user@a.example",
            "https://.example",
            "*",
            "null",
            "",
        ] {
            assert!(profile(&with("/embed/allowed_hosts/0", json!(bad))).is_none(), "{bad}");
        }
        for good in ["https://a.example", "https://a-b.example:8443", "https://127.0.0.1:8443"] {
            assert!(is_https_origin(good), "{good}");
        }
    }

    #[test]
    fn phones_are_as_printed() {
        for good in ["0120-380-366", "050-3310-5907", "03-1234-5678", "04992-1-234"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "0120380366",
            "0120-380-36",
            "tel:0120-380-366",
            "0120-380-366-1",
            "0120 380 366",
            "",
            "--",
            "０１２０-380-366",
        ] {
            assert!(!is_phone(bad), "{bad}");
            assert!(profile(&with("/offices/0/phone", json!(bad))).is_none(), "{bad}");
        }
    }

    #[test]
    fn theme_colours_that_fail_the_contrast_test_keep_the_default() {
        let theme = |t: Value| profile(&with("/theme", t)).map(|p| p.theme);
        // Too light, not a colour, not a token the guide lets a city set: not applied, the profile is kept.
        let kept = theme(json!({
            "--color-primitive-blue-900": "#9999ff",
            "--color-neutral-solid-gray-800": "red",
            "--color-primitive-yellow-300": "#000000",
            "--anything": "#000000",
            "--color-semantic-error-1": "#d10000",
        }));
        assert_eq!(kept, Some(vec![("--color-semantic-error-1", "#d10000".to_owned())]));
    }
}
