//! Property tests: no input makes the engine or the CLI panic, and the invariants of the guidance
//! hold for every situation (`docs/rules.md`, docs/design.md §2.4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rules::{Card, Cause, Certificate, Detail, Event, Guidance, Nationality, Pin, Place, Situation, Status, Validity};

/// Any day of the years 0000–9999, most weight on 1900–2200.
fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (1900i32..=2200, 1u32..=366),
        1 => (0i32..=9999, 1u32..=366),
    ]
    .prop_map(|(y, ordinal)| NaiveDate::from_yo_opt(y, ordinal).or_else(|| NaiveDate::from_yo_opt(y, 365)).unwrap())
}

/// A day given relative to another one: most are `After(n)` days (so that the situation is consistent and the
/// rules, not only validation, are exercised), one in 25 is any day at all (before a birth date, past a loss…).
#[derive(Debug, Clone, Copy)]
enum Day {
    After(u64),
    Any(NaiveDate),
}

impl Day {
    fn from(self, base: NaiveDate) -> NaiveDate {
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        match self {
            Day::After(n) => base.checked_add_days(chrono::Days::new(n)).unwrap_or(last).min(last.max(base)),
            Day::Any(d) => d,
        }
    }
}

/// Up to `span` days after its base, or (1 in 25) any day.
fn day(span: u64) -> impl Strategy<Value = Day> {
    prop_oneof![24 => (0..=span).prop_map(Day::After), 1 => date().prop_map(Day::Any)]
}

fn opt_day(span: u64) -> impl Strategy<Value = Option<Day>> {
    prop::option::of(day(span))
}

/// About 120 years after birth: today, issue and expiry dates, events.
const LIFE: u64 = 45_000;
/// A later date of a pair (a filing after the move, a find after the loss): within a few years.
const SOON: u64 = 1_500;

/// A card as drawn: its issue, receipt and printed expiry days after birth, and `face_auth`.
type PlannedCard = (Option<Day>, Option<Day>, Option<Day>, bool);

fn card() -> impl Strategy<Value = Option<PlannedCard>> {
    prop::option::of((opt_day(LIFE), opt_day(LIFE), opt_day(LIFE), any::<bool>()))
}

fn certificate() -> impl Strategy<Value = Option<(Option<Day>, Option<Day>, bool)>> {
    prop::option::of((opt_day(LIFE), opt_day(LIFE), any::<bool>()))
}

/// An event as drawn: its type (0–6), its first date after the birth date and the later dates after it.
#[derive(Debug, Clone)]
struct PlannedEvent {
    kind: usize,
    first: Day,
    later: (Option<Day>, Option<Day>, Option<Day>),
    what: Detail,
    place: Place,
    flag: bool,
    cause: Cause,
    pin: Pin,
}

impl PlannedEvent {
    /// The event of a citizen born on `birth`: each later date of a pair follows the earlier one.
    fn on(&self, birth: NaiveDate) -> Event {
        let first = self.first.from(birth);
        let (a, b, c) = self.later;
        let after = |d: Option<Day>, base: NaiveDate| d.map(|d| d.from(base));
        match self.kind {
            0 => Event::MoveWithinCity { moved_on: first, filed_on: after(a, first) },
            1 => {
                let moved_in_on = after(a, first);
                let move_in_filed_on = after(b, moved_in_on.unwrap_or(first));
                let card_presented_on = after(c, move_in_filed_on.unwrap_or(first));
                Event::MoveToOtherMunicipality {
                    planned_move_out_on: first,
                    moved_in_on,
                    move_in_filed_on,
                    card_presented_on,
                }
            }
            2 => Event::MoveAbroad { departure_on: first, continued_use_applied_on: after(a, birth) },
            3 => Event::ChangeOfDetails { what: self.what, changed_on: first, card_updated_on: after(a, first) },
            4 => Event::CardLost {
                lost_on: first,
                place: self.place,
                stolen: self.flag,
                suspended_on: after(a, first),
                reported_on: after(b, first),
                found_on: after(c, first),
            },
            5 => Event::CardDestroyed { on: first, cause: self.cause },
            _ => Event::PinLocked { pin: self.pin, knows_other_certificate_pin: self.flag },
        }
    }
}

fn event() -> impl Strategy<Value = PlannedEvent> {
    (
        0usize..7,
        day(LIFE),
        (opt_day(SOON), opt_day(SOON), opt_day(SOON)),
        prop_oneof![Just(Detail::Name), Just(Detail::BirthDate), Just(Detail::Sex), Just(Detail::FormerSurname)],
        prop_oneof![Just(Place::Outside), Just(Place::Home)],
        any::<bool>(),
        prop_oneof![Just(Cause::Disaster), Just(Cause::Damage), Just(Cause::Defect), Just(Cause::CardFull)],
        prop_oneof![Just(Pin::Signature), Just(Pin::User), Just(Pin::Residence), Just(Pin::CardInfo)],
    )
        .prop_map(|(kind, first, later, what, place, flag, cause, pin)| PlannedEvent {
            kind,
            first,
            later,
            what,
            place,
            flag,
            cause,
            pin,
        })
}

/// Any situation the contract can express, most of them valid: every date is a `Day` after the birth date
/// (a signature certificate after the 15th birthday), one date in 25 any day at all. More than half reach
/// `Ok` (the tests below count them), the rest exercise every validation pass.
fn situation() -> impl Strategy<Value = Situation> {
    (
        date(),
        day(LIFE),
        prop_oneof![Just(Nationality::Japanese), Just(Nationality::Foreign)],
        opt_day(LIFE),
        card(),
        certificate(),
        certificate(),
        prop::collection::vec(event(), 0..4),
    )
        .prop_map(|(birth, today, nationality, stay, card, user, signature, events)| {
            let at = |d: Option<Day>, base: NaiveDate| d.map(|d| d.from(base));
            // 15 years are at most 5,479 days.
            let fifteen = birth.checked_add_days(chrono::Days::new(5_480)).unwrap_or(birth);
            Situation {
                today: today.from(birth),
                birth_date: birth,
                nationality,
                stay_expires_on: at(stay, birth),
                card: card.map(|(i, r, e, face_auth)| Card {
                    issued_on: at(i, birth),
                    application_received_on: at(r, birth),
                    expires_on: at(e, birth),
                    face_auth,
                }),
                user_certificate: user.map(|(i, e, renewed)| Certificate {
                    issued_on: at(i, birth),
                    expires_on: at(e, birth),
                    renewed_within_window: renewed,
                }),
                signature_certificate: signature.map(|(i, e, renewed)| Certificate {
                    issued_on: at(i, fifteen),
                    expires_on: at(e, birth),
                    renewed_within_window: renewed,
                }),
                events: events.iter().map(|e| e.on(birth)).collect(),
            }
        })
}

/// A situation whose dates are consistent: issue dates after birth and before today, no printed
/// expiry, no stay end before the card's issue date, certificates issued before the card expires.
fn consistent_situation() -> impl Strategy<Value = Situation> {
    (
        1900i32..=2150,
        0i64..=36_000,
        0i64..=60_000,
        0i64..=30_000,
        0i64..=1_000,
        0i64..=400,
        any::<bool>(),
        any::<bool>(),
        0i64..=20_000,
        prop::collection::vec(event(), 0..3),
    )
        .prop_map(
            |(
                year,
                card_after_birth,
                today_after_card,
                received_before,
                user_after,
                sig_after,
                renewed,
                foreign,
                stay_after,
                events,
            )| {
                let birth =
                    NaiveDate::from_ymd_opt(year, 1, 1).unwrap() + chrono::Days::new((year as u64 * 7919) % 366);
                let issued = birth + chrono::Days::new(card_after_birth as u64);
                let received = (issued - chrono::Days::new(received_before as u64 % 200)).max(birth);
                let today = issued + chrono::Days::new(today_after_card as u64);
                Situation {
                    today,
                    birth_date: birth,
                    nationality: if foreign { Nationality::Foreign } else { Nationality::Japanese },
                    stay_expires_on: Some(issued + chrono::Days::new(stay_after as u64)),
                    card: Some(Card {
                        issued_on: Some(issued),
                        application_received_on: Some(received),
                        expires_on: None,
                        face_auth: false,
                    }),
                    user_certificate: Some(Certificate {
                        issued_on: Some(issued + chrono::Days::new(user_after as u64)),
                        expires_on: None,
                        renewed_within_window: renewed,
                    }),
                    signature_certificate: Some(Certificate {
                        issued_on: Some(issued + chrono::Days::new((user_after + sig_after) as u64)),
                        expires_on: None,
                        renewed_within_window: false,
                    }),
                    events: events.iter().map(|e| e.on(birth)).collect(),
                }
            },
        )
}

/// The step of docs/rules.md §14.2's table, written here from the spec's ids, independently of the crate.
fn step_of(id: &str) -> usize {
    const STEPS: [&[&str]; 9] = [
        &["suspend_card"],
        &["report_to_police"],
        &["report_loss_to_office"],
        &["file_move_within_city", "file_move_in", "apply_continued_use_abroad"],
        &["present_card_after_move", "update_card_details", "lift_suspension"],
        &["reissue_signature_certificate"],
        &["apply_rapid_reissue", "apply_reissue", "apply_new_card"],
        &["renew_card", "renew_certificates"],
        &["reset_pin"],
    ];
    STEPS.iter().position(|ids| ids.contains(&id)).unwrap_or_else(|| panic!("{id} has no step"))
}

/// The order of docs/rules.md §14.2 (sorting deadline, step, id), and the per-action deadline fields.
fn assert_sorted(g: &Guidance) {
    let id = |a: &rules::Action| serde_json::to_value(a.id).unwrap().as_str().unwrap().to_owned();
    let reissue_by = g
        .actions
        .iter()
        .filter(|a| id(a).contains("reissue") && id(a) != "reissue_signature_certificate")
        .filter_map(|a| a.by)
        .min();
    let keys: Vec<_> = g
        .actions
        .iter()
        .map(|a| {
            let report = matches!(id(a).as_str(), "report_to_police" | "report_loss_to_office");
            let deadline = if report { [a.by, reissue_by].into_iter().flatten().min() } else { a.by };
            (deadline.is_none(), deadline, step_of(&id(a)), id(a))
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "actions out of order: {keys:?}");
    for a in &g.actions {
        assert_eq!(a.by_closed, a.by.and_then(rules::closed), "the closed day of {a:?}");
        if let Some(apply_by) = a.apply_by {
            assert_eq!(id(a), "renew_card", "apply_by only on renew_card");
            assert!(a.by.is_some_and(|by| apply_by < by) && apply_by >= g.as_of, "apply_by {apply_by} in {a:?}");
        }
    }
    let ids: Vec<_> = g.caveats.iter().map(|c| c.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "caveats not sorted and unique: {ids:?}");
}

fn assert_windows(g: &Guidance) {
    let objects = [
        g.card.as_ref().map(|c| (c.expires_on, c.renewal_opens_on)),
        g.user_certificate.as_ref().map(|c| (c.expires_on, c.renewal_opens_on)),
        g.signature_certificate.as_ref().map(|c| (c.expires_on, c.renewal_opens_on)),
    ];
    for (expires_on, opens) in objects.into_iter().flatten() {
        assert_eq!(expires_on.is_some(), opens.is_some());
        if let (Some(e), Some(o)) = (expires_on, opens) {
            assert!(o < e, "renewal opens {o} not before expiry {e}");
        }
    }
}

/// Runs `check` on `cases` situations of `strategy` and returns how many reached `Ok` and how many ran.
/// Fails on the first failing case (shrunk), as `proptest!` would.
fn run_counting(
    cases: u32,
    strategy: impl Strategy<Value = Situation>,
    check: impl Fn(&Situation, Result<Guidance, rules::InputError>) -> Result<(), TestCaseError>,
) -> (usize, usize) {
    use std::cell::Cell;
    let (ok, all) = (Cell::new(0usize), Cell::new(0usize));
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases, ..ProptestConfig::default() });
    let outcome = runner.run(&strategy, |s| {
        let g = rules::guide(&s);
        all.set(all.get() + 1);
        ok.set(ok.get() + usize::from(g.is_ok()));
        check(&s, g)
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    (ok.get(), all.get())
}

/// Invariants that are checked only on `Ok` are checked on enough of them: at least half.
fn assert_mostly_ok(name: &str, (ok, all): (usize, usize)) {
    println!("{name}: {ok} of {all} generated situations reached Ok");
    assert!(all > 0 && ok * 2 >= all, "{name}: only {ok} of {all} generated situations reached Ok");
}

#[test]
fn no_situation_makes_the_engine_panic() {
    let counted = run_counting(4000, situation(), |s, g| {
        match g {
            Ok(g) => {
                assert_sorted(&g);
                assert_windows(&g);
                prop_assert_eq!(g.as_of, s.today);
                // Deterministic: the same input gives byte-identical output.
                let again = rules::guide(s).unwrap();
                prop_assert_eq!(serde_json::to_string(&g).unwrap(), serde_json::to_string(&again).unwrap());
            }
            // Every refusal names a field of the situation.
            Err(e) => prop_assert!(e.field != rules::FieldPath::Document, "{:?} without a field", e),
        }
        Ok(())
    });
    assert_mostly_ok("no_situation_makes_the_engine_panic", counted);
}

#[test]
fn computed_dates_keep_their_invariants() {
    let counted = run_counting(4000, consistent_situation(), |s, g| {
        // Only a signature certificate issued before 15, or an event's dates, can be refused.
        let g = match g {
            Ok(g) => g,
            Err(e) => {
                prop_assert!(
                    e.code == rules::InputErrorCode::SignatureCertificateUnder15
                        || matches!(e.field, rules::FieldPath::EventField(..)),
                    "unexpected {:?}",
                    e
                );
                return Ok(());
            }
        };
        assert_sorted(&g);
        assert_windows(&g);
        let card = g.card.as_ref().unwrap();
        let card_expiry = card.expires_on.unwrap();
        let issued = s.card.as_ref().unwrap().issued_on.unwrap();
        if card.validity == Some(Validity::StayPeriod) {
            prop_assert!(card_expiry >= issued);
        } else {
            prop_assert!(card_expiry > issued, "card expires {} not after issue {}", card_expiry, issued);
        }
        let user = g.user_certificate.as_ref().unwrap().expires_on.unwrap();
        let signature = g.signature_certificate.as_ref().unwrap().expires_on.unwrap();
        prop_assert!(user <= card_expiry && signature <= card_expiry, "a certificate outlives its card");
        prop_assert!(signature <= user, "the signature certificate outlives the user certificate");
        for (cert, input) in [(user, &s.user_certificate), (signature, &s.signature_certificate)] {
            let cert_issued = input.as_ref().unwrap().issued_on.unwrap();
            if cert_issued < card_expiry {
                prop_assert!(cert >= cert_issued.min(card_expiry));
            }
        }
        // Certificates follow their card's state first (docs/rules.md §6.2).
        if matches!(card.status, Status::Expired | Status::Lapsed) {
            prop_assert_eq!(g.user_certificate.as_ref().unwrap().status, Status::Lapsed);
        }
        prop_assert!(g.card.as_ref().unwrap().expires_on.unwrap().year() <= 10_200);
        Ok(())
    });
    assert_mostly_ok("computed_dates_keep_their_invariants", counted);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_the_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = rules::read_situation(&bytes).and_then(|s| rules::guide(&s));
        let _ = rules::read_password(&bytes);
    }

    #[test]
    fn no_json_makes_the_reader_panic(json in json_value(3)) {
        let bytes = serde_json::to_vec(&json).unwrap();
        if let Err(e) = rules::read_situation(&bytes).and_then(|s| rules::guide(&s)) {
            prop_assert!(!e.code.message().ja.is_empty());
        }
        let _ = rules::read_password(&bytes);
    }
}

/// Arbitrary JSON, with the contract's keys and date-like strings much more likely than chance.
fn json_value(depth: u32) -> impl Strategy<Value = serde_json::Value> {
    const KEYS: &[&str] = &[
        "today",
        "birth_date",
        "nationality",
        "stay_expires_on",
        "card",
        "user_certificate",
        "signature_certificate",
        "events",
        "issued_on",
        "expires_on",
        "type",
        "lost_on",
        "place",
        "found_on",
        "moved_on",
        "password",
        "x",
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        date().prop_map(|d| serde_json::Value::from(d.to_string())),
        prop_oneof![Just("card_lost"), Just("home"), Just("japanese"), Just("2024-02-30"), Just("")]
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(depth, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..7).prop_map(|entries| {
                serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// Runs the built binary on `input`; returns its exit code and whether stdout was JSON.
fn run_binary(command: &str, input: &[u8]) -> (i32, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_myna-rules"))
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The binary may stop reading early; a broken pipe here is not a failure of the test.
    let _ = child.stdin.take().unwrap().write_all(input);
    let output = child.wait_with_output().unwrap();
    let code = output.status.code().unwrap_or(-1);
    (code, serde_json::from_slice::<serde_json::Value>(&output.stdout).is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for command in ["guide", "password"] {
            let (code, json) = run_binary(command, &bytes);
            prop_assert!(code == 0 || code == 2, "exit {}", code);
            prop_assert!(json, "stdout is the contract's JSON");
        }
    }

    #[test]
    fn the_binary_never_panics_on_any_json(json in json_value(3)) {
        let bytes = serde_json::to_vec(&json).unwrap();
        let (code, is_json) = run_binary("guide", &bytes);
        prop_assert!(code == 0 || code == 2, "exit {}", code);
        prop_assert!(is_json);
    }
}

#[test]
fn command_line_errors_print_usage_and_exit_2() {
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_myna-rules")).args(args).stdin(Stdio::null()).output().unwrap();
        (output.status.code(), output.stdout.is_empty(), String::from_utf8_lossy(&output.stderr).contains("usage"))
    };
    for args in [&[][..], &["guidance"], &["guide", "a", "b"], &["guide", "/nonexistent/file.json"], &["guide", "-"]] {
        assert_eq!(run(args), (Some(2), true, true), "{args:?}");
    }
}

#[test]
fn a_number_beyond_f64_where_a_date_belongs_is_invalid_json_on_that_field() {
    // docs/rules.md §16 pass 1: valid JSON grammar, a number where a date belongs (not the whole document).
    let mut child = Command::new(env!("CARGO_BIN_EXE_myna-rules"))
        .arg("guide")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(br#"{"today": 1e999, "birth_date": "1990-01-01"}"#).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["error"]["code"], "invalid_json");
    assert_eq!(document["error"]["field"], "today");
}
