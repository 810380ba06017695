//! Reading a situation (or a password) from JSON bytes with the validation passes 1–4 of
//! `docs/rules.md` §16, then handing the typed value to the engine (passes 5–8 are `validate`'s).
//!
//! serde's derived readers cannot see repeated keys or the order of keys, and stop at the first
//! problem in input order; the contract wants each pass run over the whole document in schema
//! order. So the bytes are first read into a [`Json`] tree that keeps every key in input order,
//! the passes walk that tree against a small schema, and only a document that passed them all is
//! turned into the contract's types.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::contract::CertificateKind;
use crate::contract::{PasswordInput, Situation};
use crate::error::{InputError, InputErrorCode};
use crate::field::{CardField, CertificateField, EventField, FieldPath, InputObject, SituationField, PASSWORD_KEY};
use crate::iso::parse_iso_date;

/// A JSON value that keeps every key of an object, repeated ones included, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Array(_) => None,
        }
    }

    /// The value of `key`, `None` when absent or `null` (an optional `null` is absent, §16 pass 3).
    fn present(&self, key: &str) -> Option<&Json> {
        self.get(key).filter(|v| **v != Json::Null)
    }

    fn has_repeated_key(&self) -> bool {
        match self {
            Json::Object(entries) => {
                let repeated = entries
                    .iter()
                    .enumerate()
                    .any(|(i, (k, _))| entries.iter().skip(i + 1).any(|(other, _)| other == k));
                repeated || entries.iter().any(|(_, v)| v.has_repeated_key())
            }
            Json::Array(items) => items.iter().any(Json::has_repeated_key),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) => false,
        }
    }

    /// serde_json's value of this tree, with `null` members left out (absent), for the typed read.
    fn into_value(self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(b),
            Json::Number(n) => Value::Number(n),
            Json::String(s) => Value::String(s),
            Json::Array(items) => Value::Array(items.into_iter().map(Json::into_value).collect()),
            Json::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .filter(|(_, v)| *v != Json::Null)
                    .map(|(k, v)| (k, v.into_value()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

// ---------------------------------------------------------------- the schema of docs/contract.md

/// What a field holds.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Date,
    Bool,
    Text,
    Enum(&'static [&'static str]),
    /// An event's `type`: one of [`EVENTS`].
    EventType,
    /// A nested object (`card`, a certificate) and its fields.
    Object(InputObject, &'static [Field]),
    Events,
}

/// A member of one of the contract's objects, typed: its key is its name, its path follows from it.
#[derive(Debug, Clone, Copy)]
enum Member {
    Situation(SituationField),
    Card(CardField),
    Certificate(CertificateKind, CertificateField),
    Event(EventField),
    Password,
}

impl Member {
    fn name(self) -> &'static str {
        match self {
            Member::Situation(field) => field.name(),
            Member::Card(field) => field.name(),
            Member::Certificate(_, field) => field.name(),
            Member::Event(field) => field.name(),
            Member::Password => PASSWORD_KEY,
        }
    }

    /// The path of this member found in `within` (the event's index comes from there).
    fn at(self, within: InputObject) -> FieldPath {
        match (self, within) {
            (Member::Situation(field), _) => FieldPath::Situation(field),
            (Member::Card(field), _) => FieldPath::Card(field),
            (Member::Certificate(kind, field), _) => FieldPath::Certificate(kind, field),
            (Member::Event(field), InputObject::Event(index)) => FieldPath::EventField(index, field),
            (Member::Password, _) => FieldPath::Password,
            // An event's table is only read inside an event; were it not, the key still names the field.
            (Member::Event(field), InputObject::Top | InputObject::Card | InputObject::Certificate(_)) => {
                FieldPath::Unknown(within, field.name().to_owned())
            }
        }
    }
}

/// A field of an object, in the contract's order.
#[derive(Debug, Clone, Copy)]
struct Field {
    member: Member,
    shape: Shape,
    required: bool,
}

impl Field {
    fn name(self) -> &'static str {
        self.member.name()
    }
}

const fn optional(member: Member, shape: Shape) -> Field {
    Field { member, shape, required: false }
}

const fn required(member: Member, shape: Shape) -> Field {
    Field { member, shape, required: true }
}

const fn card(field: CardField, shape: Shape) -> Field {
    optional(Member::Card(field), shape)
}

const fn event(field: EventField, shape: Shape) -> Field {
    required(Member::Event(field), shape)
}

const fn optional_event(field: EventField, shape: Shape) -> Field {
    optional(Member::Event(field), shape)
}

const CARD: &[Field] = &[
    card(CardField::IssuedOn, Shape::Date),
    card(CardField::ApplicationReceivedOn, Shape::Date),
    card(CardField::ExpiresOn, Shape::Date),
    card(CardField::FaceAuth, Shape::Bool),
];

const fn certificate(kind: CertificateKind) -> [Field; 3] {
    [
        optional(Member::Certificate(kind, CertificateField::IssuedOn), Shape::Date),
        optional(Member::Certificate(kind, CertificateField::ExpiresOn), Shape::Date),
        optional(Member::Certificate(kind, CertificateField::RenewedWithinWindow), Shape::Bool),
    ]
}

const USER_CERTIFICATE: &[Field] = &certificate(CertificateKind::User);
const SIGNATURE_CERTIFICATE: &[Field] = &certificate(CertificateKind::Signature);

const fn situation(field: SituationField, shape: Shape) -> Field {
    optional(Member::Situation(field), shape)
}

const SITUATION: &[Field] = &[
    required(Member::Situation(SituationField::Today), Shape::Date),
    required(Member::Situation(SituationField::BirthDate), Shape::Date),
    situation(SituationField::Nationality, Shape::Enum(&["japanese", "foreign"])),
    situation(SituationField::StayExpiresOn, Shape::Date),
    situation(SituationField::Card, Shape::Object(InputObject::Card, CARD)),
    situation(
        SituationField::UserCertificate,
        Shape::Object(InputObject::Certificate(CertificateKind::User), USER_CERTIFICATE),
    ),
    situation(
        SituationField::SignatureCertificate,
        Shape::Object(InputObject::Certificate(CertificateKind::Signature), SIGNATURE_CERTIFICATE),
    ),
    situation(SituationField::Events, Shape::Events),
];

const PASSWORD: &[Field] = &[required(Member::Password, Shape::Text)];

const WHAT: Shape = Shape::Enum(&["name", "birth_date", "sex", "former_surname"]);
const PLACE: Shape = Shape::Enum(&["outside", "home"]);
const CAUSE: Shape = Shape::Enum(&["disaster", "damage", "defect", "card_full"]);
const PIN: Shape = Shape::Enum(&["signature", "user", "residence", "card_info"]);

/// Each event type with its fields after `type`, in the contract's order.
const EVENTS: &[(&str, &[Field])] = &[
    ("move_within_city", &[event(EventField::MovedOn, Shape::Date), optional_event(EventField::FiledOn, Shape::Date)]),
    (
        "move_to_other_municipality",
        &[
            event(EventField::PlannedMoveOutOn, Shape::Date),
            optional_event(EventField::MovedInOn, Shape::Date),
            optional_event(EventField::MoveInFiledOn, Shape::Date),
            optional_event(EventField::CardPresentedOn, Shape::Date),
        ],
    ),
    (
        "move_abroad",
        &[event(EventField::DepartureOn, Shape::Date), optional_event(EventField::ContinuedUseAppliedOn, Shape::Date)],
    ),
    (
        "change_of_details",
        &[
            event(EventField::What, WHAT),
            event(EventField::ChangedOn, Shape::Date),
            optional_event(EventField::CardUpdatedOn, Shape::Date),
        ],
    ),
    (
        "card_lost",
        &[
            event(EventField::LostOn, Shape::Date),
            event(EventField::Place, PLACE),
            optional_event(EventField::Stolen, Shape::Bool),
            optional_event(EventField::SuspendedOn, Shape::Date),
            optional_event(EventField::ReportedOn, Shape::Date),
            optional_event(EventField::FoundOn, Shape::Date),
        ],
    ),
    ("card_destroyed", &[event(EventField::On, Shape::Date), event(EventField::Cause, CAUSE)]),
    ("pin_locked", &[event(EventField::Pin, PIN), event(EventField::KnowsOtherCertificatePin, Shape::Bool)]),
];

/// The fields an event may hold: those of its type, or, without a valid type, those of every
/// type in the contract's order (`docs/rules.md` §16 passes 1 and 3).
fn event_fields(event: &Json) -> Vec<Field> {
    let typed = event_type(event);
    EVENTS
        .iter()
        .filter(|(name, _)| typed.is_none_or(|t| t == *name))
        .flat_map(|(_, fields)| fields.iter().copied())
        .collect()
}

/// An event's type, when it is present and one of the contract's.
fn event_type(event: &Json) -> Option<&'static str> {
    match event.present(EventField::Type.name()) {
        Some(Json::String(t)) => EVENTS.iter().map(|(name, _)| *name).find(|name| name == t),
        _ => None,
    }
}

// ---------------------------------------------------------------- pass 1: types and enums

fn first_type_error(object: &Json, fields: &[Field], within: InputObject) -> Option<FieldPath> {
    fields.iter().find_map(|field| {
        let value = object.present(field.name())?;
        type_error(value, field.shape, field.member.at(within))
    })
}

fn type_error(value: &Json, shape: Shape, path: FieldPath) -> Option<FieldPath> {
    let fits = match (shape, value) {
        (Shape::Date | Shape::Text, Json::String(_)) | (Shape::Bool, Json::Bool(_)) => true,
        (Shape::Enum(allowed), Json::String(s)) => allowed.contains(&s.as_str()),
        (Shape::EventType, Json::String(s)) => EVENTS.iter().any(|(name, _)| name == s),
        (Shape::Object(inner, fields), Json::Object(_)) => return first_type_error(value, fields, inner),
        (Shape::Events, Json::Array(events)) => {
            return events.iter().enumerate().find_map(|(i, event)| {
                if !matches!(event, Json::Object(_)) {
                    return Some(FieldPath::Event(i));
                }
                let type_problem = event
                    .present(EventField::Type.name())
                    .and_then(|t| type_error(t, Shape::EventType, FieldPath::EventField(i, EventField::Type)));
                type_problem.or_else(|| first_type_error(event, &event_fields(event), InputObject::Event(i)))
            })
        }
        _ => false,
    };
    if fits {
        None
    } else {
        Some(path)
    }
}

// ---------------------------------------------------------------- pass 2: unknown keys

fn first_unknown_key(object: &Json, allowed: &[Field], also: &[&str], within: InputObject) -> Option<FieldPath> {
    let Json::Object(entries) = object else {
        return None;
    };
    entries
        .iter()
        .find(|(key, _)| !allowed.iter().any(|f| f.name() == key) && !also.contains(&key.as_str()))
        .map(|(key, _)| FieldPath::Unknown(within, key.clone()))
}

/// Top level, then `card`, the certificates, the events (`docs/rules.md` §16 pass 2).
fn unknown_field(root: &Json) -> Option<FieldPath> {
    if let Some(path) = first_unknown_key(root, SITUATION, &[], InputObject::Top) {
        return Some(path);
    }
    for field in SITUATION {
        match (field.shape, root.present(field.name())) {
            (Shape::Object(inner, fields), Some(object)) => {
                if let Some(path) = first_unknown_key(object, fields, &[], inner) {
                    return Some(path);
                }
            }
            (Shape::Events, Some(Json::Array(events))) => {
                for (i, event) in events.iter().enumerate() {
                    let also = [EventField::Type.name()];
                    if let Some(path) = first_unknown_key(event, &event_fields(event), &also, InputObject::Event(i)) {
                        return Some(path);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------- pass 3: missing fields

fn first_missing(object: &Json, fields: &[Field], within: InputObject) -> Option<FieldPath> {
    fields.iter().find(|f| f.required && object.present(f.name()).is_none()).map(|f| f.member.at(within))
}

fn missing_field(root: &Json) -> Option<FieldPath> {
    if let Some(path) = first_missing(root, SITUATION, InputObject::Top) {
        return Some(path);
    }
    let Some(Json::Array(events)) = root.present(SituationField::Events.name()) else {
        return None;
    };
    events.iter().enumerate().find_map(|(i, event)| match event_type(event) {
        Some(_) => first_missing(event, &event_fields(event), InputObject::Event(i)),
        None => Some(FieldPath::EventField(i, EventField::Type)),
    })
}

// ---------------------------------------------------------------- pass 4: dates

fn first_bad_date(object: &Json, fields: &[Field], within: InputObject) -> Option<FieldPath> {
    fields.iter().find_map(|field| {
        let value = object.present(field.name())?;
        match (field.shape, value) {
            (Shape::Date, Json::String(text)) => parse_iso_date(text).is_none().then(|| field.member.at(within)),
            (Shape::Object(inner, fields), Json::Object(_)) => first_bad_date(value, fields, inner),
            (Shape::Events, Json::Array(events)) => events
                .iter()
                .enumerate()
                .find_map(|(i, event)| first_bad_date(event, &event_fields(event), InputObject::Event(i))),
            _ => None,
        }
    })
}

// ---------------------------------------------------------------- reading

/// Whether `token` is a number of the JSON grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
fn is_json_number(token: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = token.strip_prefix(b"-").unwrap_or(token);
    let int = digits(rest);
    if int == 0 || (int > 1 && rest.first() == Some(&b'0')) {
        return false;
    }
    let mut rest = rest.get(int..).unwrap_or_default();
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = fraction.get(n..).unwrap_or_default();
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent.strip_prefix(b"+").or_else(|| exponent.strip_prefix(b"-")).unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = exponent.get(n..).unwrap_or_default();
    }
    rest.is_empty()
}

/// The bytes with every number beyond `f64` (`1e999`, a 400-digit integer) written as `0`.
///
/// serde_json refuses such a number as if the document were not JSON ("number out of range"), but it is
/// JSON grammar with a number in it, and the contract has no number field at all: a number where a date or a
/// boolean belongs is a wrong type (`invalid_json` on that field, docs/rules.md §16 pass 1) and one under an
/// unknown key is an unknown field (pass 2), whatever its value. `0` keeps both answers and lets the document
/// be read. Strings are skipped (a `"1e999"` date is an invalid date); anything that is not a number of the
/// grammar is left for serde_json to refuse.
fn numbers_in_range(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let number_byte = |b: &u8| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E');
    let mut out: Option<Vec<u8>> = None;
    let (mut copied, mut i, mut in_string) = (0, 0, false);
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1, // the escaped byte is never the closing quote
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            i += 1;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            i += bytes.get(i..).unwrap_or_default().iter().take_while(|b| number_byte(b)).count();
            let token = bytes.get(start..i).unwrap_or_default();
            let overflows = is_json_number(token)
                && std::str::from_utf8(token).ok().and_then(|t| t.parse::<f64>().ok()).is_some_and(f64::is_infinite);
            if overflows {
                let out = out.get_or_insert_with(Vec::new);
                out.extend_from_slice(bytes.get(copied..start).unwrap_or_default());
                out.push(b'0');
                copied = i;
            }
        } else {
            i += 1;
        }
    }
    match out {
        Some(mut out) => {
            out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(bytes),
    }
}

/// Reads bytes into a tree, or the `invalid_json` error of the whole document.
fn parse(bytes: &[u8]) -> Result<Json, InputError> {
    let whole = |_| InputError::new(InputErrorCode::InvalidJson, FieldPath::Document);
    let tree: Json = serde_json::from_slice(&numbers_in_range(bytes)).map_err(whole)?;
    if !matches!(tree, Json::Object(_)) || tree.has_repeated_key() {
        return Err(InputError::new(InputErrorCode::InvalidJson, FieldPath::Document));
    }
    Ok(tree)
}

fn fail(code: InputErrorCode, path: Option<FieldPath>) -> Result<(), InputError> {
    match path {
        Some(path) => Err(InputError::new(code, path)),
        None => Ok(()),
    }
}

/// Reads a situation with passes 1–4; the engine runs the rest.
pub fn read_situation(bytes: &[u8]) -> Result<Situation, InputError> {
    let root = parse(bytes)?;
    fail(InputErrorCode::InvalidJson, first_type_error(&root, SITUATION, InputObject::Top))?;
    fail(InputErrorCode::UnknownField, unknown_field(&root))?;
    fail(InputErrorCode::MissingField, missing_field(&root))?;
    fail(InputErrorCode::InvalidDate, first_bad_date(&root, SITUATION, InputObject::Top))?;
    // Every check of the contract's shape has passed: the typed read cannot fail.
    serde_json::from_value(root.into_value())
        .map_err(|_| InputError::new(InputErrorCode::InvalidJson, FieldPath::Document))
}

/// Reads `{"password": "..."}` with passes 1–3.
pub fn read_password(bytes: &[u8]) -> Result<String, InputError> {
    let root = parse(bytes)?;
    fail(InputErrorCode::InvalidJson, first_type_error(&root, PASSWORD, InputObject::Top))?;
    fail(InputErrorCode::UnknownField, first_unknown_key(&root, PASSWORD, &[], InputObject::Top))?;
    fail(InputErrorCode::MissingField, first_missing(&root, PASSWORD, InputObject::Top))?;
    serde_json::from_value::<PasswordInput>(root.into_value())
        .map(|input| input.password)
        .map_err(|_| InputError::new(InputErrorCode::InvalidJson, FieldPath::Document))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema's names (those of `field.rs`) are the keys serde's derived writer uses for the contract's
    /// types, object by object and in the same order: the typed paths cannot name a field the types lack.
    #[test]
    fn the_schema_names_the_keys_serde_writes() {
        let d = crate::dates::ymd(2020, 1, 1);
        let base = Situation {
            today: d,
            birth_date: d,
            nationality: crate::contract::Nationality::Foreign,
            stay_expires_on: None,
            card: None,
            user_certificate: None,
            signature_certificate: None,
            events: Vec::new(),
        };
        let situation = Situation::with_every_field(d, base);
        let tree: Json = serde_json::from_str(&serde_json::to_string(&situation).unwrap()).unwrap();
        let keys = |json: Option<&Json>| match json {
            Some(Json::Object(entries)) => entries.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        let names = |fields: &[Field]| fields.iter().map(|f| f.name().to_owned()).collect::<Vec<_>>();
        assert_eq!(keys(Some(&tree)), names(SITUATION));
        assert_eq!(keys(tree.get("card")), names(CARD));
        assert_eq!(keys(tree.get("user_certificate")), names(USER_CERTIFICATE));
        assert_eq!(keys(tree.get("signature_certificate")), names(SIGNATURE_CERTIFICATE));
        let events = match tree.get("events") {
            Some(Json::Array(events)) => events.clone(),
            _ => Vec::new(),
        };
        assert_eq!(events.len(), EVENTS.len(), "one event of each type");
        for (event, (name, fields)) in events.iter().zip(EVENTS) {
            assert_eq!(event_type(event), Some(*name));
            let mut want = vec![EventField::Type.name().to_owned()];
            want.extend(names(fields));
            assert_eq!(keys(Some(event)), want, "{name}");
        }
    }

    fn error(json: &str) -> (InputErrorCode, String) {
        let e = read_situation(json.as_bytes()).unwrap_err();
        (e.code, e.field.to_string())
    }

    const OK: &str = r#""today":"2025-01-01","birth_date":"1990-01-01""#;

    #[test]
    fn not_json_at_all() {
        for bad in [
            "",
            "\u{feff}{}",
            "{} {}",
            "[]",
            "1",
            "{\"a\":1,}",
            "{/*c*/}",
            "{\"a\":NaN}",
            "{\"a\":\"\\ud800\"}",
            "null",
        ] {
            assert_eq!(error(bad), (InputErrorCode::InvalidJson, String::new()), "{bad:?}");
        }
        assert_eq!(read_situation(&[0xff, 0xfe]).unwrap_err().field, FieldPath::Document);
    }

    #[test]
    fn a_repeated_key_anywhere_is_the_whole_document() {
        let json = format!(r#"{{{OK},"card":{{"issued_on":"2020-01-01","issued_on":"2020-01-02"}},"today":5}}"#);
        assert_eq!(error(&json), (InputErrorCode::InvalidJson, String::new()));
    }

    #[test]
    fn wrong_types_in_schema_order() {
        let cases = [
            (r#"{"card":5,"today":5,"birth_date":"1990-01-01"}"#, "today"),
            (format!(r#"{{{OK},"nationality":"martian"}}"#).as_str(), "nationality"),
            (format!(r#"{{{OK},"card":{{"face_auth":"yes"}}}}"#).as_str(), "card.face_auth"),
            (format!(r#"{{{OK},"events":{{}}}}"#).as_str(), "events"),
            (format!(r#"{{{OK},"events":[null]}}"#).as_str(), "events[0]"),
            (format!(r#"{{{OK},"events":[{{"type":"moving"}}]}}"#).as_str(), "events[0].type"),
            (format!(r#"{{{OK},"events":[{{"moved_on":5}}]}}"#).as_str(), "events[0].moved_on"),
            (
                format!(r#"{{{OK},"events":[{{"type":"card_lost","place":"sea","lost_on":"2024-01-01"}}]}}"#).as_str(),
                "events[0].place",
            ),
        ]
        .map(|(j, f)| (j.to_owned(), f));
        for (json, field) in cases {
            assert_eq!(error(&json), (InputErrorCode::InvalidJson, field.to_owned()), "{json}");
        }
    }

    #[test]
    fn unknown_fields_object_by_object() {
        let cases = [
            (format!(r#"{{{OK},"card":{{"x":1}},"zzz":1,"aaa":2}}"#), "zzz"),
            (format!(r#"{{{OK},"card":{{"x":1}},"user_certificate":{{"y":1}}}}"#), "card.x"),
            (
                format!(
                    r#"{{{OK},"events":[{{"type":"pin_locked","pin":"user","knows_other_certificate_pin":true,"found_on":"2024-01-01"}}]}}"#
                ),
                "events[0].found_on",
            ),
            (format!(r#"{{{OK},"events":[{{"moved_on":"2024-01-01","colour":"red"}}]}}"#), "events[0].colour"),
        ];
        for (json, field) in cases {
            assert_eq!(error(&json), (InputErrorCode::UnknownField, field.to_owned()), "{json}");
        }
    }

    #[test]
    fn missing_fields() {
        let cases = [
            (r#"{"birth_date":"1990-01-01"}"#.to_owned(), "today"),
            (r#"{"today":"2025-01-01","birth_date":null}"#.to_owned(), "birth_date"),
            (format!(r#"{{{OK},"events":[{{"moved_on":"2024-01-01"}}]}}"#), "events[0].type"),
            (format!(r#"{{{OK},"events":[{{"type":"card_lost","lost_on":"2024-01-01"}}]}}"#), "events[0].place"),
            (
                format!(
                    r#"{{{OK},"events":[{{"type":"pin_locked","pin":"user","knows_other_certificate_pin":null}}]}}"#
                ),
                "events[0].knows_other_certificate_pin",
            ),
        ];
        for (json, field) in cases {
            assert_eq!(error(&json), (InputErrorCode::MissingField, field.to_owned()), "{json}");
        }
    }

    #[test]
    fn invalid_dates_in_schema_order() {
        let json = r#"{"today":"2025-01-01","birth_date":"1990-1-1","card":{"issued_on":"2023-02-29"}}"#;
        assert_eq!(error(json), (InputErrorCode::InvalidDate, "birth_date".to_owned()));
        let json = format!(r#"{{{OK},"events":[{{"type":"card_destroyed","on":"2024-13-01","cause":"damage"}}]}}"#);
        assert_eq!(error(&json), (InputErrorCode::InvalidDate, "events[0].on".to_owned()));
    }

    #[test]
    fn a_number_beyond_f64_is_a_number_of_the_wrong_type() {
        // docs/rules.md §16 pass 1: a number where a date belongs, however large, is invalid_json on that field.
        for (json, want) in [
            (r#"{"today":1e999,"birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidJson, "today")),
            (r#"{"today":-1E+999,"birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidJson, "today")),
            (
                format!(r#"{{"today":1{},"birth_date":"1990-01-01"}}"#, "0".repeat(400)),
                (InputErrorCode::InvalidJson, "today"),
            ),
            (format!(r#"{{{OK},"card":{{"issued_on":1.5e999}}}}"#), (InputErrorCode::InvalidJson, "card.issued_on")),
            (format!(r#"{{{OK},"card":{{"face_auth":1e999}}}}"#), (InputErrorCode::InvalidJson, "card.face_auth")),
            (
                format!(r#"{{{OK},"events":[{{"type":"move_within_city","moved_on":1e999}}]}}"#),
                (InputErrorCode::InvalidJson, "events[0].moved_on"),
            ),
            (format!(r#"{{{OK},"events":1e999}}"#), (InputErrorCode::InvalidJson, "events")),
            // Under an unknown key, the key is the problem; a string that looks like one is a date of a wrong form.
            (format!(r#"{{{OK},"x":[1e999]}}"#), (InputErrorCode::UnknownField, "x")),
            (r#"{"today":"1e999","birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidDate, "today")),
            // Not JSON grammar stays the whole document, so does a top level that is not an object.
            (r#"{"today":1e,"birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidJson, "")),
            (r#"{"today":01e999,"birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidJson, "")),
            (r#"{"today":1e999 1,"birth_date":"1990-01-01"}"#.to_owned(), (InputErrorCode::InvalidJson, "")),
            ("1e999".to_owned(), (InputErrorCode::InvalidJson, "")),
        ] {
            assert_eq!(error(&json), (want.0, want.1.to_owned()), "{json}");
        }
        // A repeated key still decides first; an escaped quote does not end a string early.
        let json = r#"{"today":1e999,"today":"2025-01-01","birth_date":"1990-01-01"}"#;
        assert_eq!(error(json), (InputErrorCode::InvalidJson, String::new()));
        let json = r#"{"x\"":1e999,"today":"2025-01-01","birth_date":"1990-01-01"}"#;
        assert_eq!(error(json), (InputErrorCode::UnknownField, "x\"".to_owned()));
        assert_eq!(
            read_password(br#"{"password":1e999}"#).map_err(|e| (e.code, e.field.to_string())),
            Err((InputErrorCode::InvalidJson, "password".to_owned()))
        );
        // Numbers in range and strings are left as they are.
        for same in [&br#"{"a":1e308,"b":"1e999","c":-0.5E-999}"#[..], b"[1, 2]"] {
            assert!(matches!(numbers_in_range(same), std::borrow::Cow::Borrowed(_)));
        }
        for (token, ok) in [
            ("0", true),
            ("-0", true),
            ("1.5e+3", true),
            ("10", true),
            ("01", false),
            ("1.", false),
            ("-", false),
            ("1e", false),
            ("1e+", false),
            (".5", false),
            ("1-2", false),
            ("+1", false),
        ] {
            assert_eq!(is_json_number(token.as_bytes()), ok, "{token}");
        }
    }

    #[test]
    fn nulls_are_absent_and_defaults_apply() {
        let json = format!(
            r#"{{{OK},"nationality":null,"card":{{"issued_on":null,"face_auth":null}},"user_certificate":{{}},"signature_certificate":null,"events":null}}"#
        );
        let s = read_situation(json.as_bytes()).unwrap();
        assert_eq!(s.card, Some(crate::contract::Card::default()));
        assert_eq!(s.user_certificate, Some(crate::contract::Certificate::default()));
        assert_eq!(s.signature_certificate, None);
        assert!(s.events.is_empty());
    }

    #[test]
    fn passwords() {
        assert_eq!(read_password(br#"{"password":"abc123"}"#).unwrap(), "abc123");
        let code = |b: &[u8]| read_password(b).map_err(|e| (e.code, e.field.to_string())).unwrap_err();
        assert_eq!(code(br#"{"password":5}"#), (InputErrorCode::InvalidJson, "password".to_owned()));
        assert_eq!(code(br#"{"password":"a","x":1}"#), (InputErrorCode::UnknownField, "x".to_owned()));
        assert_eq!(code(br#"{"password":null}"#), (InputErrorCode::MissingField, "password".to_owned()));
        assert_eq!(code(br#"{}"#), (InputErrorCode::MissingField, "password".to_owned()));
    }
}
