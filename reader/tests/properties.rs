//! Property tests (docs/reader.md §4.4, §8): every parser returns for any bytes, every exchange ends
//! with an answer or an error (never a hang), and whatever the card and the faults, every APDU the
//! card received is on the allow-list, in an allowed order, and no PIN counter changed.
#![cfg(feature = "sim")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use core::time::Duration;
use std::collections::VecDeque;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use proptest::prelude::*;
use reader::apdu::{Application, Command, DataFile, Pin, Response, StatusWord};
use reader::asn1_time::parse_time;
use reader::cert;
use reader::certgen::{CertSpec, TimeValue};
use reader::exec::block_on;
use reader::iso_dep::IsoDep;
use reader::jst::date_in_japan;
use reader::plan::{certificate_length, read_card, Options};
use reader::rcs300::ccid;
use reader::rcs380::frame::Decoder;
use reader::rf::RfFrame;
use reader::session::read_with_rcs380;
use reader::sim::card::SimCard;
use reader::sim::clock::SimClock;
use reader::sim::host::SimHost;
use reader::sim::picc::SimPicc;
use reader::sim::rcs380::SimRcs380;
use reader::token::parse_token;
use reader::transport::{CardChannel, Clock, LinkError, RfError, RfLink, UsbLink};
use reader::type_b::SensbRes;

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max)
}

#[test]
fn every_truncation_and_single_byte_mutation_of_a_certificate() {
    for good in [CertSpec::user().build(), CertSpec::ca_2023().build()] {
        assert!(cert::parse(&good).is_ok());
        for len in 0..good.len() {
            assert!(cert::parse(&good[..len]).is_err(), "a truncation to {len} bytes parsed");
        }
        for i in 0..good.len() {
            for value in 0..=255u8 {
                let mut mutated = good.clone();
                mutated[i] = value;
                let _ = cert::parse(&mutated);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_der_walk_never_panics(input in bytes(600)) {
        let _ = cert::parse(&input);
    }

    #[test]
    fn the_der_walk_never_panics_on_certificate_like_bytes(tail in bytes(600), len in any::<u16>()) {
        let mut input = vec![0x30, 0x82];
        input.extend_from_slice(&len.to_be_bytes());
        input.extend_from_slice(&[0x30, 0x82]);
        input.extend_from_slice(&tail);
        let _ = cert::parse(&input);
    }

    #[test]
    fn time_token_sw_length_and_sensb_parsers_never_panic(input in bytes(40), tag in any::<u8>(), sw in any::<u16>()) {
        let _ = parse_time(tag, &input);
        let _ = parse_time(0x17, &input);
        let _ = parse_time(0x18, &input);
        let _ = parse_token(&input);
        let _ = StatusWord(sw).class();
        let _ = Response::parse(&input);
        let _ = certificate_length(&input);
        let _ = SensbRes::parse(&input);
    }

    #[test]
    fn valid_times_parse_and_give_the_utc_date_or_the_day_after(
        secs in 0i64..(8000 * 366 * 86_400),
        generalized in any::<bool>(),
    ) {
        let instant = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap() + TimeDelta::seconds(secs);
        let text = if generalized { instant.format("%Y%m%d%H%M%SZ").to_string() } else { instant.format("%y%m%d%H%M%SZ").to_string() };
        let tag = if generalized { 0x18 } else { 0x17 };
        if generalized || instant.date() < NaiveDate::from_ymd_opt(2050, 1, 1).unwrap() {
            prop_assert_eq!(parse_time(tag, text.as_bytes()), Ok(instant));
        }
        let date = date_in_japan(instant);
        prop_assert!(date == instant.date() || Some(date) == instant.date().succ_opt());
        prop_assert_eq!(date == instant.date(), instant.time() < chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap());
    }

    #[test]
    fn date_in_japan_never_panics(secs in any::<i64>()) {
        let instant = NaiveDateTime::MIN.checked_add_signed(TimeDelta::try_seconds(secs.rem_euclid(i64::MAX / 1000)).unwrap_or_default());
        if let Some(instant) = instant {
            let date = date_in_japan(instant);
            prop_assert!(date == instant.date() || Some(date) == instant.date().succ_opt());
        }
    }

    #[test]
    fn the_frame_decoder_ends_on_any_bytes(chunks in prop::collection::vec(bytes(80), 0..12)) {
        let mut decoder = Decoder::new();
        for chunk in chunks {
            decoder.push(&chunk);
            let mut frames = 0;
            while let Ok(Some(_)) = decoder.next_unit() {
                frames += 1;
                prop_assert!(frames <= 80, "more frames than bytes");
            }
        }
    }

    #[test]
    fn the_ccid_decoder_ends_on_any_bytes(chunks in prop::collection::vec(bytes(80), 0..12)) {
        let mut decoder = ccid::Decoder::new();
        for chunk in chunks {
            decoder.push(&chunk);
            let mut messages = 0;
            while let Ok(Some(_)) = decoder.next_unit() {
                messages += 1;
                prop_assert!(messages <= 80);
            }
        }
    }
}

/// A card link that answers with arbitrary RF bytes or errors, on a clock that moves.
struct ArbitraryRf<'c> {
    clock: &'c SimClock,
    answers: VecDeque<Result<Vec<u8>, u8>>,
}

impl RfLink for ArbitraryRf<'_> {
    async fn exchange(&mut self, _rf: &RfFrame, timeout: Duration) -> Result<Vec<u8>, RfError> {
        self.clock.advance(Duration::from_millis(3));
        match self.answers.pop_front() {
            Some(Ok(bytes)) => Ok(bytes),
            Some(Err(0)) => Err(RfError::Invalid(0x04)),
            Some(Err(_)) | None => {
                self.clock.advance(timeout);
                Err(RfError::Timeout)
            }
        }
    }
}

/// A USB link that answers with arbitrary bytes.
struct ArbitraryUsb<'c> {
    clock: &'c SimClock,
    answers: VecDeque<Vec<u8>>,
}

impl UsbLink for ArbitraryUsb<'_> {
    async fn write(&mut self, _frame: &[u8], _timeout: Duration) -> Result<(), LinkError> {
        self.clock.advance(Duration::from_millis(1));
        Ok(())
    }

    async fn read(&mut self, _max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError> {
        self.clock.advance(Duration::from_millis(1));
        self.answers.pop_front().ok_or_else(|| {
            self.clock.advance(timeout);
            LinkError::Timeout
        })
    }
}

/// A card channel that answers arbitrary R-APDUs.
struct ArbitraryCard {
    answers: VecDeque<Vec<u8>>,
    sent: Vec<Command>,
}

impl CardChannel for ArbitraryCard {
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError> {
        self.sent.push(command);
        let answer = self.answers.pop_front().unwrap_or_default();
        Response::parse(&answer).ok_or(LinkError::Fault(reader::transport::Fault::Response))
    }
}

fn answer_with_sw() -> impl Strategy<Value = Vec<u8>> {
    let sw = prop::sample::select(vec![0x9000u16, 0x6282, 0x6A82, 0x63C0, 0x63C3, 0x6300, 0x6984, 0x6B00, 0x6982]);
    (bytes(260), sw, any::<bool>()).prop_map(|(mut data, sw, keep)| {
        if !keep {
            data.clear();
        }
        data.extend_from_slice(&sw.to_be_bytes());
        data
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn iso_dep_ends_on_any_rf_answers(
        answers in prop::collection::vec(prop_oneof![bytes(20).prop_map(Ok), (0u8..2).prop_map(Err)], 0..40),
        fsci in 0u8..16,
        fwi in 0u8..16,
    ) {
        let clock = SimClock::new();
        let link = ArbitraryRf { clock: &clock, answers: answers.into() };
        let sensb = SensbRes::parse(&[0x50, 1, 2, 3, 4, 0, 0, 0, 0, 0, fsci << 4, fwi << 4]).unwrap();
        let mut iso = IsoDep::new(link, &clock, &sensb);
        for command in [Command::SelectApplication(Application::Jpki), Command::SelectFile(DataFile::Token)] {
            prop_assert!(block_on(iso.transmit(command)).is_some(), "a hang");
        }
    }

    #[test]
    fn the_rcs380_session_ends_on_any_usb_bytes(answers in prop::collection::vec(bytes(64), 0..60)) {
        let clock = SimClock::new();
        let host = SimHost::new(clock.clone());
        let usb = ArbitraryUsb { clock: &clock, answers: answers.into() };
        prop_assert!(block_on(read_with_rcs380(usb, &host, Options::default())).is_some(), "a hang");
    }

    #[test]
    fn the_rcs300_session_ends_on_any_usb_bytes(answers in prop::collection::vec(bytes(64), 0..60)) {
        let clock = SimClock::new();
        let host = SimHost::new(clock.clone());
        let usb = ArbitraryUsb { clock: &clock, answers: answers.into() };
        prop_assert!(block_on(reader::rcs300::read_with_rcs300(usb, &host, Options::default())).is_some(), "a hang");
    }

    #[test]
    fn the_plan_ends_on_any_card_answers(answers in prop::collection::vec(answer_with_sw(), 0..60)) {
        let mut card = ArbitraryCard { answers: answers.into(), sent: Vec::new() };
        let result = block_on(read_card(&mut card, Options::default(), &|| None));
        prop_assert!(result.is_some(), "a hang");
        prop_assert!(card.sent.len() <= 3 + 2 * (2 + 35) + 10);
    }
}

/// A card scenario: counters, missing parts, a certificate variant.
#[derive(Clone, Debug)]
struct Scenario {
    tries: [u8; 4],
    pin_answer: Option<(usize, u16)>,
    missing_app: Option<usize>,
    user_certificate: usize,
    sw_at: Option<(usize, u16)>,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let sw = prop_oneof![
        prop::sample::select(vec![
            0x6A82u16, 0x6982, 0x6282, 0x6700, 0x6A86, 0x6B00, 0x6C10, 0x6986, 0x6110, 0x6300, 0x9000
        ]),
        any::<u16>(),
    ];
    (
        [0u8..16, 0u8..16, 0u8..16, 0u8..16],
        prop::option::of((0usize..4, prop::sample::select(vec![0x6983u16, 0x6984, 0x9000, 0x6300, 0x6A88]))),
        prop::option::of(0usize..Application::ALL.len()),
        0usize..5,
        prop::option::of((0usize..45, sw)),
    )
        .prop_map(|(tries, pin_answer, missing_app, user_certificate, sw_at)| Scenario {
            tries,
            pin_answer,
            missing_app,
            user_certificate,
            sw_at,
        })
}

impl Scenario {
    fn card(&self) -> SimCard {
        let mut card = SimCard::my_number_card();
        for (pin, tries) in Pin::ALL.into_iter().zip(self.tries) {
            card = card.with_pin(pin, Some(tries));
        }
        if let Some((pin, sw)) = self.pin_answer {
            card = card.with_pin_answer(Pin::ALL[pin], sw);
        }
        if let Some(app) = self.missing_app {
            card = card.without_application(Application::ALL[app]);
        }
        let user = match self.user_certificate {
            0 => Some(CertSpec::user().build()),
            1 => None,
            2 => Some(vec![0xFF; 300]),
            3 => Some(
                CertSpec { not_after: TimeValue::Generalized("20501010145959Z".into()), ..CertSpec::user() }.build(),
            ),
            _ => Some(CertSpec { key_len: 9000, ..CertSpec::user() }.build()),
        };
        card = card.with_file(DataFile::UserCertificate, user);
        if let Some((index, sw)) = self.sw_at {
            card = card.with_sw_at(index, sw);
        }
        card
    }
}

fn check_card(card: &SimCard, before: &[Option<u8>]) {
    common::check_session(card.received(), card.answers());
    assert_eq!(card.counters(), before, "a PIN counter changed");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_scenario_any_fault_only_allowed_commands_and_no_counter_moves(scenario in scenario()) {
        let mut card = scenario.card();
        let before = card.counters();
        let result = block_on(read_card(&mut card, Options::default(), &|| None));
        prop_assert!(result.is_some());
        check_card(&card, &before);
    }

    #[test]
    fn through_the_rcs380_with_rf_and_usb_faults(
        scenario in scenario(),
        lose_reply in prop::collection::btree_set(0usize..40, 0..3),
        lose_request in prop::collection::btree_set(0usize..40, 0..3),
        garble in prop::collection::btree_map(
            0usize..40,
            prop::sample::select(vec![0x01u32, 0x02, 0x04, 0x08, 0x10, 0x400, 0x8000_0000]),
            0..3,
        ),
        garble_attrib in 0usize..3,
        wrong_block in prop::option::of(0usize..40),
        removed_after in prop::option::of(0usize..40),
        wtx in prop::option::of((0usize..20, prop::collection::vec(0u8..70, 1..4))),
        chain in prop::option::of(1usize..80),
        fsci in 0u8..9,
        fwi in 0u8..15,
        stall in prop::option::of(0usize..400),
        split in prop::option::of(6usize..70),
    ) {
        let clock = SimClock::new();
        let mut picc = SimPicc::new(scenario.card());
        picc.fsci = fsci;
        picc.fwi = fwi;
        picc.faults.lose_reply = lose_reply;
        picc.faults.lose_request = lose_request;
        picc.faults.garble_reply = garble;
        picc.faults.garble_attrib = garble_attrib;
        picc.faults.wrong_block_number = wrong_block.into_iter().collect();
        picc.faults.removed_after = removed_after;
        picc.faults.wtx = wtx;
        picc.faults.chain_answers = chain;
        let before = picc.card.counters();
        let mut reader = SimRcs380::new(clock.clone(), Some(picc));
        reader.faults.link.stall_from = stall;
        reader.faults.split_in = split;
        let host = SimHost::new(clock.clone());
        let result = block_on(read_with_rcs380(&mut reader, &host, Options::default()));
        prop_assert!(result.is_some(), "a hang");
        prop_assert!(reader.bad_out_frames.is_empty());
        // Never more than the 20 s wait plus the 30 s read, and a little slack for the last wait.
        prop_assert!(host.now() < Duration::from_secs(60), "{:?}", host.now());
        check_card(&reader.picc.as_ref().unwrap().card, &before);
    }
}
