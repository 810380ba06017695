//! The flagged RC-S300 path (docs/reader.md §5.4) through its simulator (§8.2): the same coverage as
//! the RC-S380 at the CCID level. Unproven on hardware: these tests pin the behaviour, not the
//! real reader's.
#![cfg(feature = "sim")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use core::time::Duration;

use reader::apdu::Pin;
use reader::exec::block_on;
use reader::plan::Options;
use reader::rcs300::ccid;
use reader::rcs300::read_with_rcs300;
use reader::reading::{CardReading, Tries};
use reader::session::ReaderModel;
use reader::sim::card::SimCard;
use reader::sim::clock::SimClock;
use reader::sim::host::SimHost;
use reader::sim::rcs300::SimRcs300;
use reader::sim::rcs380::Transfer;
use reader::state::{ReadError, State, WrongCard};
use reader::transport::Clock;

fn read(
    card: Option<SimCard>,
    configure: impl FnOnce(&mut SimRcs300, &mut SimHost),
) -> (Result<CardReading, ReadError>, SimRcs300, SimHost) {
    let clock = SimClock::new();
    let mut reader = SimRcs300::new(clock.clone(), card);
    let mut host = SimHost::new(clock);
    configure(&mut reader, &mut host);
    let before = reader.card.as_ref().map(SimCard::counters);
    let result = block_on(read_with_rcs300(&mut reader, &host, Options::default())).expect("never a hang");
    assert!(reader.bad_out_messages.is_empty());
    if let Some(card) = &reader.card {
        common::check_session(card.received(), card.answers());
        assert_eq!(Some(card.counters()), before, "a PIN counter changed");
    }
    (result, reader, host)
}

#[test]
fn the_model_is_told_by_its_usb_ids() {
    assert_eq!(ReaderModel::from_ids(0x054C, 0x0DC8), Some(ReaderModel::Rcs300));
    assert_eq!(ReaderModel::from_ids(0x054C, 0x0DC9), Some(ReaderModel::Rcs300));
    assert_eq!(ReaderModel::from_ids(0x054C, 0x06C1), Some(ReaderModel::Rcs380));
    assert_eq!(ReaderModel::from_ids(0x054C, 0x06C3), Some(ReaderModel::Rcs380));
    assert_eq!(ReaderModel::from_ids(0x072F, 0x2200), None);
}

#[test]
fn happy_path_over_ccid() {
    let (result, reader, host) = read(Some(SimCard::my_number_card()), |_, _| {});
    let reading = result.unwrap();
    assert_eq!(reading.pins.get(Pin::User), Tries::Left(3));
    assert!(reading.user_certificate.is_some() && reading.ca_certificate.is_some());
    assert_eq!(host.progress_states(), [State::WaitingForCard, State::Reading]);
    assert!(!reader.powered(), "IccPowerOff at the end");
    let Transfer::Out(first) = &reader.transcript()[0] else { panic!() };
    assert_eq!(first, &[ccid::GET_SLOT_STATUS, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    let Transfer::Out(second) = &reader.transcript()[2] else { panic!() };
    assert_eq!(second, &[ccid::ICC_POWER_ON, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
    let Transfer::Out(third) = &reader.transcript()[4] else { panic!() };
    assert_eq!(third[..10], [ccid::XFR_BLOCK, 15, 0, 0, 0, 0, 3, 0, 0, 0]);
}

#[test]
fn no_card_and_a_card_placed_late() {
    let (result, _, host) = read(None, |_, _| {});
    assert_eq!(result, Err(ReadError::NoCard));
    assert!(host.now() >= Duration::from_secs(20) && host.now() < Duration::from_secs(22));
    let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.card_placed_at = Duration::from_secs(4));
    assert!(result.is_ok());
}

#[test]
fn wrong_card_over_ccid() {
    let (result, _, _) = read(Some(SimCard::other_card()), |_, _| {});
    assert_eq!(result, Err(ReadError::WrongCard(WrongCard::NoJpkiApplication)));
}

#[test]
fn card_removed_over_ccid() {
    for n in [0, 4, 12] {
        let (result, _, _) =
            read(Some(SimCard::my_number_card().with_pin(Pin::User, Some(0))), |r, _| r.faults.removed_after = Some(n));
        assert!(matches!(result, Err(ReadError::CardRemoved { .. })), "{n}: {result:?}");
    }
}

#[test]
fn time_extensions_are_waited_for_within_10_seconds() {
    let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.time_extensions = Some((3, 4)));
    assert!(result.is_ok(), "{result:?}");
    let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.time_extensions = Some((3, 40)));
    assert_eq!(result, Err(ReadError::Timeout));
}

#[test]
fn stale_messages_and_confused_sequence_numbers() {
    let stale = vec![ccid::encode(ccid::DATA_BLOCK, 0x77, &[0x90, 0x00]), ccid::encode(ccid::SLOT_STATUS, 0x78, &[])];
    let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.link.stale_at_start = stale);
    assert!(result.is_ok(), "{result:?}");
    let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.seq_offset = 1);
    assert_eq!(result.unwrap_err().state(), State::Timeout, "answers that never match time out");
}

#[test]
fn stall_unplug_and_cancel_over_ccid() {
    for at in [0, 3, 20] {
        let (result, reader, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.link.stall_from = Some(at));
        assert_eq!(result, Err(ReadError::Timeout), "stall at {at}");
        assert_eq!(reader.transcript().len(), at);
        let (result, _, _) = read(Some(SimCard::my_number_card()), |r, _| r.faults.link.unplug_from = Some(at));
        assert_eq!(result, Err(ReadError::ReaderDisconnected), "unplug at {at}");
    }
    let (result, reader, _) =
        read(Some(SimCard::my_number_card()), |_, h| h.cancel_at = Some(Duration::from_millis(10)));
    assert_eq!(result, Err(ReadError::Cancelled));
    assert!(!reader.powered());
}
