//! The read plan of docs/reader.md §2.2 against the simulated card of §8.1, one test per scenario. After
//! every run: each APDU the card received is on the allow-list and in an allowed order, and no PIN
//! counter changed (§3 rule 5b).
#![cfg(feature = "sim")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use chrono::NaiveDate;
use reader::apdu::{Application, DataFile, Pin, StatusWord};
use reader::certgen::{CertSpec, TimeValue, O, OU};
use reader::exec::block_on;
use reader::plan::{read_card, Interrupt, Options};
use reader::reading::{CaCertificate, CardReading, Issuer, Note, Notice, Tries, UserCertificate};
use reader::sim::card::{token, SimCard};
use reader::state::{FailureCode, ReadError, State, WrongCard};
use reader::token::TokenKind;
use reader::transport::{Fault, LinkError};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Runs the plan and checks the invariants of §3 rule 5b.
fn run_with(card: &mut SimCard, options: Options) -> Result<CardReading, ReadError> {
    let before = card.counters();
    let result = block_on(read_card(card, options, &|| None)).expect("the plan never hangs on a ready card");
    common::check_session(card.received(), card.answers());
    assert_eq!(card.counters(), before, "a PIN counter changed");
    result
}

fn run(card: &mut SimCard) -> Result<CardReading, ReadError> {
    run_with(card, Options::default())
}

#[test]
fn happy_path() {
    let mut card = SimCard::my_number_card();
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.token, TokenKind::MyNumberCard);
    assert_eq!(
        reading.user_certificate,
        Some(UserCertificate { issued_on: ymd(2024, 5, 15), expires_on: ymd(2029, 10, 10), issuer: Issuer::Jlis })
    );
    assert_eq!(
        reading.ca_certificate,
        Some(CaCertificate { generation: 2023, valid_from: ymd(2023, 3, 1), valid_until: ymd(2033, 2, 28) })
    );
    for (pin, n) in [(Pin::User, 3), (Pin::Signature, 5), (Pin::CardInfo, 3), (Pin::Residence, 3)] {
        assert_eq!(reading.pins.get(pin), Tries::Left(n));
    }
    assert!(reading.notes.is_empty());
    assert!(reading.notices().is_empty());

    // The exact plan: 3 + (select, header, chunks) twice + 2 + 2 + 3 + 5 commands (the 住基 PIN is
    // found under the second identifier, after `6A 82` for EF 001C under the first).
    let user_len = CertSpec::user().build().len();
    let ca_len = CertSpec::ca_2023().build().len();
    let chunks = |len: usize| (len - 4).div_ceil(240);
    assert_eq!(card.received().len(), 3 + 2 + chunks(user_len) + 2 + chunks(ca_len) + 12);
    assert_eq!(reading.residence_application, Some(Application::ResidenceAlternative));
    let verifies = card.received().iter().filter(|a| a.as_slice() == [0x00, 0x20, 0x00, 0x80]).count();
    assert_eq!(verifies, 4);
    // The header read and the chunk sizes of §2.2.
    assert_eq!(card.received()[4], [0x00, 0xB0, 0x00, 0x00, 0x04]);
    assert_eq!(card.received()[5], [0x00, 0xB0, 0x00, 0x04, 0xF0]);
}

#[test]
fn the_signature_certificate_and_its_ca_are_never_selected() {
    let mut card = SimCard::my_number_card();
    run(&mut card).unwrap();
    for apdu in card.received() {
        assert!(!matches!(apdu.as_slice(), [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01 | 0x02 | 0x17 | 0x1A, ..]));
    }
}

#[test]
fn each_pin_at_3_2_1_0_and_69_84() {
    for pin in Pin::ALL {
        for (tries, expected, notice) in [
            (3, Tries::Left(3), None),
            (2, Tries::Left(2), Some(Notice::FewTriesLeft(pin, 2))),
            (1, Tries::Left(1), Some(Notice::FewTriesLeft(pin, 1))),
            (0, Tries::Locked, Some(Notice::PinLocked(pin))),
        ] {
            let mut card = SimCard::my_number_card().with_pin(pin, Some(tries));
            let reading = run(&mut card).unwrap();
            assert_eq!(reading.pins.get(pin), expected, "{pin:?} at {tries}");
            assert_eq!(reading.notices(), notice.into_iter().collect::<Vec<_>>());
        }
        let mut card = SimCard::my_number_card().with_pin_answer(pin, 0x6984);
        let reading = run(&mut card).unwrap();
        assert_eq!(reading.pins.get(pin), Tries::Locked);
        assert_eq!(reading.notices(), [Notice::PinLocked(pin)]);
        assert_eq!(reading.notices()[0].state(), State::PinLocked);
    }
}

#[test]
fn no_maximum_is_assumed() {
    let mut card = SimCard::my_number_card().with_pin(Pin::Signature, Some(15));
    assert_eq!(run(&mut card).unwrap().pins.get(Pin::Signature), Tries::Left(15));
}

#[test]
fn verify_answers_without_a_number() {
    let mut card = SimCard::my_number_card().with_pin_answer(Pin::User, 0x9000).with_pin_answer(Pin::CardInfo, 0x6300);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::User), Tries::NotLockedCountUnknown);
    assert_eq!(reading.pins.get(Pin::CardInfo), Tries::Unknown);
    assert_eq!(reading.notes, [Note::PinCounter(Pin::CardInfo, FailureCode::Sw(StatusWord(0x6300)))]);
}

const SELECT_BY_NAME: [u8; 5] = [0x00, 0xA4, 0x04, 0x0C, 0x0A];
const SELECT_RESIDENCE_PIN: [u8; 7] = [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1C];

/// The APDUs sent after the 券面事項入力補助 PIN's VERIFY: the 住基 PIN's step.
fn residence_step(card: &SimCard) -> Vec<Vec<u8>> {
    let verify = [0x00, 0x20, 0x00, 0x80];
    let card_info = [SELECT_BY_NAME.as_slice(), &Application::CardInfo.aid()].concat();
    let start = card.received().iter().position(|a| *a == card_info).unwrap();
    let after = card.received()[start..].iter().position(|a| a.as_slice() == verify).unwrap() + start + 1;
    card.received()[after..].to_vec()
}

fn select(application: Application) -> Vec<u8> {
    [SELECT_BY_NAME.as_slice(), &application.aid()].concat()
}

#[test]
fn the_residence_pin_under_either_identifier() {
    // EF 001C under `…01 04 01` only: `…01 01 00` answers, its EF 001C does not, the second is tried.
    let mut card = SimCard::my_number_card();
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(3));
    assert_eq!(reading.residence_application, Some(Application::ResidenceAlternative));
    assert!(reading.notes.is_empty());
    assert_eq!(
        residence_step(&card),
        [
            select(Application::Residence),
            SELECT_RESIDENCE_PIN.to_vec(),
            select(Application::ResidenceAlternative),
            SELECT_RESIDENCE_PIN.to_vec(),
            vec![0x00, 0x20, 0x00, 0x80],
        ]
    );
    assert_eq!(card.answers()[card.answers().len() - 4], 0x6A82);

    // EF 001C under `…01 01 00`: the second identifier is never selected.
    let mut card =
        SimCard::my_number_card().with_residence_pin_in(Application::Residence).with_pin(Pin::Residence, Some(1));
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(1));
    assert_eq!(reading.residence_application, Some(Application::Residence));
    assert_eq!(
        residence_step(&card),
        [select(Application::Residence), SELECT_RESIDENCE_PIN.to_vec(), vec![0x00, 0x20, 0x00, 0x80]]
    );
}

#[test]
fn a_missing_first_identifier_falls_back_and_a_verify_answer_does_not() {
    let mut card = SimCard::my_number_card().without_application(Application::Residence);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(3));
    assert_eq!(residence_step(&card)[..2], [select(Application::Residence), select(Application::ResidenceAlternative)]);

    // A VERIFY answer under the first identifier ends the step: never a second VERIFY of the PIN.
    let mut card =
        SimCard::my_number_card().with_residence_pin_in(Application::Residence).with_pin_answer(Pin::Residence, 0x6300);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Unknown);
    assert_eq!(reading.notes, [Note::PinCounter(Pin::Residence, FailureCode::Sw(StatusWord(0x6300)))]);
    assert_eq!(residence_step(&card).len(), 3);
}

#[test]
fn missing_residence_application() {
    let mut card = SimCard::my_number_card()
        .without_application(Application::Residence)
        .without_application(Application::ResidenceAlternative);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Unknown);
    assert_eq!(reading.residence_application, None);
    assert_eq!(reading.pins.get(Pin::CardInfo), Tries::Left(3));
    assert_eq!(reading.notes, [Note::PinCounter(Pin::Residence, FailureCode::Sw(StatusWord(0x6A82)))]);
    // No PIN SELECT after the failed application SELECTs.
    assert_eq!(residence_step(&card), [select(Application::Residence), select(Application::ResidenceAlternative)]);

    // Both identifiers answer, neither holds EF 001C.
    let mut card = SimCard::my_number_card().with_pin(Pin::Residence, None);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Unknown);
    assert_eq!(reading.notes, [Note::PinCounter(Pin::Residence, FailureCode::Sw(StatusWord(0x6A82)))]);
    assert_eq!(residence_step(&card).len(), 4, "no VERIFY");
}

#[test]
fn missing_card_info_application_still_reads_residence() {
    let mut card = SimCard::my_number_card().without_application(Application::CardInfo);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::CardInfo), Tries::Unknown);
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(3));
}

#[test]
fn missing_pin_file() {
    let mut card = SimCard::my_number_card().with_pin(Pin::Signature, None);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.pins.get(Pin::Signature), Tries::Unknown);
    assert_eq!(reading.pins.get(Pin::User), Tries::Left(3));
}

#[test]
fn no_user_certificate_empty_padded_or_missing() {
    for bytes in [Some(vec![]), Some(vec![0xFF; 1500]), Some(vec![0x00; 64]), None] {
        let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, bytes.clone());
        let reading = run(&mut card).unwrap();
        assert_eq!(reading.user_certificate, None, "{bytes:?}");
        assert_eq!(reading.notices(), [Notice::NoUserCertificate]);
        assert!(reading.ca_certificate.is_some());
    }
}

#[test]
fn resident_registry_card_and_smartphone_tokens() {
    for (text, kind) in
        [("JPKIAPICCTOKEN", TokenKind::ResidentRegistryCard), ("JPKIAPGPSETOKEN", TokenKind::SmartphoneJpki)]
    {
        let mut card = SimCard::my_number_card().with_file(DataFile::Token, Some(token(text)));
        assert_eq!(run(&mut card), Err(ReadError::WrongCard(WrongCard::Token(kind))));
        assert_eq!(card.received().len(), 3, "nothing is read after the token");
    }
}

#[test]
fn another_type_b_card_and_a_next_generation_layout() {
    let mut card = SimCard::other_card();
    assert_eq!(run(&mut card), Err(ReadError::WrongCard(WrongCard::NoJpkiApplication)));
    let mut card = SimCard::my_number_card().without_application(Application::Jpki);
    let result = run(&mut card);
    assert_eq!(result, Err(ReadError::WrongCard(WrongCard::NoJpkiApplication)));
    assert_eq!(result.unwrap_err().state(), State::WrongCard);
    assert_eq!(card.received().len(), 1);
}

#[test]
fn an_issuer_that_is_not_jpki() {
    let spec = CertSpec { issuer: vec![(O, "Example".to_owned()), (OU, "Test".to_owned())], ..CertSpec::user() };
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, Some(spec.build()));
    assert_eq!(run(&mut card), Err(ReadError::WrongCard(WrongCard::IssuerNotJpki)));
}

#[test]
fn a_ca_whose_subject_is_not_the_issuer() {
    let ca = CertSpec { subject: vec![(O, "JPKI".to_owned())], ..CertSpec::ca_2023() };
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCaCertificate, Some(ca.build()));
    let result = run(&mut card);
    assert_eq!(result, Err(ReadError::Unknown(FailureCode::IssuerMismatch)));
    assert_eq!(result.unwrap_err().code().as_deref(), Some("issuer_mismatch"));
}

#[test]
fn a_missing_or_broken_ca_is_only_unknown() {
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCaCertificate, None);
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.ca_certificate, None);
    assert!(reading.user_certificate.is_some());
    assert_eq!(reading.notes, [Note::CaCertificate(FailureCode::CertificateAbsent)]);

    let mut broken = CertSpec::ca_2023().build();
    broken[0] = 0x31;
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCaCertificate, Some(broken));
    let reading = run(&mut card).unwrap();
    assert_eq!(reading.ca_certificate, None);
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(3));
}

#[test]
fn a_certificate_over_8192_bytes() {
    let big = CertSpec { key_len: 8200, ..CertSpec::user() }.build();
    assert!(big.len() > 8192);
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, Some(big));
    assert_eq!(run(&mut card), Err(ReadError::Unknown(FailureCode::CertificateTooLong)));
    // Only the header was read.
    assert_eq!(card.received().len(), 5);
}

#[test]
fn a_certificate_of_exactly_8192_bytes_takes_35_chunk_reads() {
    let mut spec = CertSpec { key_len: 7_000, ..CertSpec::user() };
    let len = spec.build().len();
    spec.key_len += 8192 - len;
    let cert = spec.build();
    assert_eq!(cert.len(), 8192);
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, Some(cert));
    run(&mut card).unwrap();
    let reads_after_select = card.received()[4..].iter().take_while(|a| a[1] == 0xB0).count();
    assert_eq!(reads_after_select, 1 + 35);
}

#[test]
fn a_file_shorter_than_its_header() {
    let mut cert = CertSpec::user().build();
    cert.truncate(cert.len() - 10);
    let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, Some(cert));
    assert_eq!(run(&mut card), Err(ReadError::Unknown(FailureCode::Sw(StatusWord(0x6282)))));
}

#[test]
fn certificate_times_on_both_sides_of_15_00_utc_and_generalized_time() {
    for (not_after, expected) in [
        (TimeValue::Utc("291010145959Z".to_owned()), ymd(2029, 10, 10)),
        (TimeValue::Utc("291010150000Z".to_owned()), ymd(2029, 10, 11)),
        (TimeValue::Utc("491231150000Z".to_owned()), ymd(2050, 1, 1)),
        (TimeValue::Generalized("20501010145959Z".to_owned()), ymd(2050, 10, 10)),
        (TimeValue::Generalized("20280228150000Z".to_owned()), ymd(2028, 2, 29)),
    ] {
        let spec = CertSpec { not_after, ..CertSpec::user() };
        let mut card = SimCard::my_number_card().with_file(DataFile::UserCertificate, Some(spec.build()));
        assert_eq!(run(&mut card).unwrap().user_certificate.unwrap().expires_on, expected);
    }
}

#[test]
fn pin_queries_can_be_switched_off() {
    let mut card = SimCard::my_number_card();
    let reading = run_with(&mut card, Options { query_pin_tries: false }).unwrap();
    assert!(Pin::ALL.iter().all(|pin| reading.pins.get(*pin) == Tries::Unknown));
    assert!(card.received().iter().all(|a| a[1] != 0x20), "no VERIFY at all");
}

/// The index of the first APDU of each step in the happy path, to inject faults at.
fn happy_path_len() -> usize {
    let mut card = SimCard::my_number_card();
    run(&mut card).unwrap();
    card.received().len()
}

#[test]
fn every_status_word_of_section_2_4_at_every_step() {
    let sws = [
        0x6A82, 0x6982, 0x6282, 0x6700, 0x6A86, 0x6B00, 0x6C10, 0x6986, 0x6110, 0x6300, 0x63C2, 0x6983, 0x6984, 0x6D00,
        0x9000,
    ];
    let mut happy = SimCard::my_number_card();
    run(&mut happy).unwrap();
    let plan = happy.received().to_vec();
    let ca_select = plan.iter().position(|a| a.as_slice() == [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0B]).unwrap();
    let first_pin = plan.iter().position(|a| a.as_slice() == [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18]).unwrap();
    for index in 0..plan.len() {
        for sw in sws {
            let mut card = SimCard::my_number_card().with_sw_at(index, sw);
            let result = run(&mut card);
            let step = &plan[index];
            match (index, sw) {
                (0, 0x6A82) => assert_eq!(result, Err(ReadError::WrongCard(WrongCard::NoJpkiApplication))),
                (0, 0x9000) => {}
                (0, _) => assert_eq!(result, Err(ReadError::Unknown(FailureCode::Sw(StatusWord(sw))))),
                (1, 0x9000) => {}
                (1, _) => assert_eq!(result, Err(ReadError::WrongCard(WrongCard::NoTokenFile))),
                (2, 0x9000 | 0x6282) => {
                    assert_eq!(result, Err(ReadError::WrongCard(WrongCard::Token(TokenKind::Other))))
                }
                (2, _) => assert_eq!(result, Err(ReadError::Unknown(FailureCode::Sw(StatusWord(sw))))),
                (3, 0x6A82) | (4, 0x6B00) => assert_eq!(result.unwrap().user_certificate, None),
                (i, 0x9000) if i < ca_select => {}
                (4, 0x6282) => assert_eq!(result.unwrap().user_certificate, None, "no bytes: no certificate"),
                (i, _) if i < ca_select => assert!(
                    matches!(result, Err(ReadError::Unknown(_))),
                    "step {index} {step:02X?} answered {sw:04X}: {result:?}"
                ),
                // A `90 00` that did not select the CA file leaves the user certificate current:
                // its subject is not the issuer, the "torn or mixed read" of §2.3.
                (i, 0x9000) if i == ca_select => {
                    assert!(matches!(result, Err(ReadError::Unknown(FailureCode::IssuerMismatch))), "{result:?}")
                }
                (i, _) if i < first_pin => {
                    // The CA is only unknown, or the read goes on after a harmless answer.
                    let reading = result.unwrap_or_else(|e| panic!("CA step {index} {sw:04X}: {e:?}"));
                    assert!(reading.user_certificate.is_some());
                    if sw != 0x9000 && !(sw == 0x6A82 && i == ca_select) {
                        assert_eq!(reading.ca_certificate, None, "CA step {index} {sw:04X}");
                    }
                }
                _ => {
                    let reading = result.unwrap_or_else(|e| panic!("PIN step {index} {sw:04X}: {e:?}"));
                    assert!(reading.user_certificate.is_some() && reading.ca_certificate.is_some());
                    if step.as_slice() == [0x00, 0x20, 0x00, 0x80] {
                        let expected = match sw {
                            0x63C2 => Some(Tries::Left(2)),
                            0x6983 | 0x6984 => Some(Tries::Locked),
                            0x9000 => Some(Tries::NotLockedCountUnknown),
                            _ => Some(Tries::Unknown),
                        };
                        let pin_index =
                            plan[..index].iter().filter(|a| a.as_slice() == [0x00, 0x20, 0x00, 0x80]).count();
                        assert_eq!(
                            Some(reading.pins.get(Pin::ALL[pin_index])),
                            expected,
                            "VERIFY {pin_index} {sw:04X}"
                        );
                    }
                }
            }
        }
    }
    assert_eq!(plan.len(), happy_path_len());
}

#[test]
fn card_removed_mid_read_keeps_only_the_counters_already_read() {
    let total = happy_path_len();
    for index in 0..total {
        let mut card =
            SimCard::my_number_card().with_pin(Pin::User, Some(0)).with_link_failure_at(index, LinkError::CardRemoved);
        let result = run(&mut card);
        let Err(ReadError::CardRemoved { pins }) = result else { panic!("{index}: {result:?}") };
        let user_read = card.received().iter().filter(|a| a.as_slice() == [0x00, 0x20, 0x00, 0x80]).count() >= 1;
        assert_eq!(pins.get(Pin::User), if user_read { Tries::Locked } else { Tries::Unknown }, "{index}");
        assert_eq!(pins.get(Pin::Residence), Tries::Unknown);
    }
}

#[test]
fn link_failures_map_to_their_states() {
    for (error, state) in [
        (LinkError::Timeout, State::Timeout),
        (LinkError::Disconnected, State::ReaderDisconnected),
        (LinkError::CardRemoved, State::CardRemoved),
        (LinkError::Fault(Fault::IsoDep), State::UnknownError),
    ] {
        let mut card = SimCard::my_number_card().with_link_failure_at(7, error);
        assert_eq!(run(&mut card).unwrap_err().state(), state);
    }
    let mut card = SimCard::my_number_card().with_link_failure_at(0, LinkError::Fault(Fault::Rf(0x04)));
    assert_eq!(run(&mut card).unwrap_err().code().as_deref(), Some("RF 0x04"));
}

#[test]
fn cancel_and_the_whole_read_limit_stop_between_exchanges() {
    for (interrupt, expected) in
        [(Interrupt::Cancelled, ReadError::Cancelled), (Interrupt::TimedOut, ReadError::Timeout)]
    {
        let calls = core::cell::Cell::new(0);
        let mut card = SimCard::my_number_card();
        let check = || {
            calls.set(calls.get() + 1);
            (calls.get() > 5).then_some(interrupt)
        };
        let result = block_on(read_card(&mut card, Options::default(), &check)).unwrap();
        assert_eq!(result, Err(expected));
        assert_eq!(card.received().len(), 5);
    }
}

#[test]
#[should_panic(expected = "VERIFY not straight after")]
fn the_session_check_catches_a_verify_out_of_order() {
    let apdus = vec![
        vec![0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01],
        vec![0x00, 0x20, 0x00, 0x80],
    ];
    common::check_session(&apdus, &[0x9000, 0x63C3]);
}

#[test]
#[should_panic(expected = "not on the allow-list")]
fn the_session_check_catches_a_pin_guess() {
    common::check_session(&[vec![0x00, 0x20, 0x00, 0x80, 0x04, 0x31, 0x32, 0x33, 0x34]], &[0x63C2]);
}
