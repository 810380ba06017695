//! Benchmark of `rules::guide` (docs/design.md §7): all the conformance cases, then 100,000 generated
//! situations, natively. Not a test: run `cargo run -p rules --release --example bench`.
//! Prints microseconds per situation; exits 1 above 200 µs (10× the goal of 20 µs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use rules::{Card, Cause, Certificate, Event, Nationality, Place, Situation};

/// A small deterministic generator (xorshift), so every run measures the same situations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn day_after(&mut self, d: NaiveDate, max_days: u64) -> NaiveDate {
        d + Days::new(self.below(max_days))
    }
    fn maybe(&mut self, d: NaiveDate, max_days: u64) -> Option<NaiveDate> {
        (self.below(2) == 0).then(|| self.day_after(d, max_days))
    }
}

fn generated(rng: &mut Rng) -> Situation {
    let birth = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap() + Days::new(rng.below(30_000));
    let issued = rng.day_after(birth, 20_000);
    let today = rng.day_after(issued, 5_000);
    let mut events = Vec::new();
    for _ in 0..rng.below(3) {
        let on = rng.day_after(issued, 4_000);
        events.push(match rng.below(6) {
            0 => Event::MoveWithinCity { moved_on: on, filed_on: rng.maybe(on, 30) },
            1 => Event::MoveToOtherMunicipality {
                planned_move_out_on: on,
                moved_in_on: Some(on + Days::new(3)),
                move_in_filed_on: rng.maybe(on + Days::new(3), 30),
                card_presented_on: None,
            },
            2 => Event::MoveAbroad { departure_on: on, continued_use_applied_on: rng.maybe(issued, 10) },
            3 => Event::CardLost {
                lost_on: on,
                place: if rng.below(2) == 0 { Place::Home } else { Place::Outside },
                stolen: rng.below(2) == 0,
                suspended_on: rng.maybe(on, 3),
                reported_on: rng.maybe(on, 10),
                found_on: None,
            },
            4 => Event::CardDestroyed { on, cause: Cause::Damage },
            _ => Event::PinLocked { pin: rules::Pin::User, knows_other_certificate_pin: true },
        });
    }
    let certificate = Certificate { issued_on: Some(issued), expires_on: None, renewed_within_window: false };
    Situation {
        today,
        birth_date: birth,
        nationality: if rng.below(10) == 0 { Nationality::Foreign } else { Nationality::Japanese },
        stay_expires_on: rng.maybe(issued, 3_000),
        card: Some(Card { issued_on: Some(issued), application_received_on: None, expires_on: None, face_auth: false }),
        user_certificate: Some(certificate.clone()),
        signature_certificate: if rng.below(3) == 0 { None } else { Some(certificate) },
        events,
    }
}

fn cases() -> Vec<Situation> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        let Ok(case) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        if let Some(situation) = case.get("situation") {
            if let Ok(s) = rules::read_situation(&serde_json::to_vec(situation).unwrap()) {
                out.push(s);
            }
        }
    }
    out
}

fn measure(name: &str, situations: &[Situation], rounds: usize) -> f64 {
    let start = Instant::now();
    let mut answered = 0usize;
    for _ in 0..rounds {
        for s in situations {
            answered += usize::from(black_box(rules::guide(black_box(s))).is_ok());
        }
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / (situations.len() * rounds) as f64;
    println!("{name}: {} situations × {rounds}: {micros:.2} µs per situation ({answered} answered)", situations.len());
    micros
}

fn main() {
    let cases = cases();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let generated: Vec<Situation> = (0..100_000).map(|_| generated(&mut rng)).collect();
    let a = measure("conformance cases", &cases, 2_000);
    let b = measure("generated", &generated, 1);
    if a.max(b) > 200.0 {
        eprintln!("slower than 200 µs per situation (10× the 20 µs goal)");
        std::process::exit(1);
    }
}
