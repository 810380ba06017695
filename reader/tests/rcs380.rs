//! Whole reads through the simulated RC-S380 at the USB-frame level (docs/reader.md §8.2): the happy
//! path, the golden start sequence, and every fault the spec lists. After every run the card's log
//! is checked against the allow-list and the ordering rules, the counters against their start, and
//! every RF frame against §3 rule 4.
#![cfg(feature = "sim")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use core::time::Duration;

use reader::apdu::Pin;
use reader::exec::block_on;
use reader::plan::Options;
use reader::rcs380::frame::{encode, ACK};
use reader::reading::{CardReading, Notice, Tries};
use reader::session::read_with_rcs380;
use reader::sim::card::SimCard;
use reader::sim::clock::SimClock;
use reader::sim::host::SimHost;
use reader::sim::picc::{SimPicc, FLAG_CRC};
use reader::sim::rcs380::{SimRcs380, Transfer};
use reader::state::{ReadError, State, WrongCard};
use reader::transport::Clock;

fn setup(card: Option<SimCard>) -> (SimRcs380, SimHost) {
    let clock = SimClock::new();
    (SimRcs380::new(clock.clone(), card.map(SimPicc::new)), SimHost::new(clock))
}

/// Whether `rf` is one of the RF payloads of §3 rule 4.
fn allowed_rf(rf: &[u8]) -> bool {
    match rf {
        [0x05, 0x00, 0x10] => true,
        [0x1D, _, _, _, _, 0x00, 0x08, 0x01, 0x00] => true,
        [0xC2] | [0xA2] | [0xA3] | [0xB2] | [0xB3] => true,
        [0xF2, wtxm] => (1..=59).contains(wtxm),
        [0x02 | 0x03 | 0x12 | 0x13, inf @ ..] => !inf.is_empty(),
        _ => false,
    }
}

fn read_on(reader: &mut SimRcs380, host: &SimHost) -> Result<CardReading, ReadError> {
    let before = reader.picc.as_ref().map(|p| p.card.counters());
    let result = block_on(read_with_rcs380(&mut *reader, host, Options::default())).expect("never a hang");
    assert!(reader.bad_out_frames.is_empty(), "frames the reader could not decode: {:02X?}", reader.bad_out_frames);
    for rf in reader.rf_sent() {
        assert!(allowed_rf(rf), "RF frame outside §3 rule 4: {rf:02X?}");
    }
    if let Some(picc) = &reader.picc {
        common::check_session(picc.card.received(), picc.card.answers());
        assert_eq!(Some(picc.card.counters()), before, "a PIN counter changed");
    }
    result
}

fn read(card: SimCard, configure: impl FnOnce(&mut SimRcs380)) -> (Result<CardReading, ReadError>, SimRcs380, SimHost) {
    let (mut reader, host) = setup(Some(card));
    configure(&mut reader);
    let result = read_on(&mut reader, &host);
    (result, reader, host)
}

fn outs(reader: &SimRcs380) -> Vec<Vec<u8>> {
    reader
        .transcript()
        .iter()
        .filter_map(|t| match t {
            Transfer::Out(bytes) => Some(bytes.clone()),
            Transfer::In(_) => None,
        })
        .collect()
}

#[test]
fn happy_path_through_the_reader() {
    let (result, reader, host) = read(SimCard::my_number_card(), |_| {});
    let reading = result.unwrap();
    assert_eq!(reading.pins.get(Pin::Signature), Tries::Left(5));
    assert_eq!(reading.user_certificate.unwrap().expires_on.to_string(), "2029-10-10");
    assert_eq!(host.progress_states(), [State::WaitingForCard, State::Reading]);
    assert!(!reader.rf_on(), "the RF field is switched off at the end");
    let outs = outs(&reader);
    assert_eq!(outs.last().unwrap(), &ACK.to_vec(), "the session ends with an ACK");
    // The last card command is the DESELECT, then SwitchRF off.
    assert_eq!(reader.rf_sent().last().unwrap(), &[0xC2]);
    assert_eq!(outs[outs.len() - 2], encode(&[0xD6, 0x06, 0x00]));
}

#[test]
fn the_start_sequence_is_the_golden_one() {
    let (_, reader, _) = read(SimCard::my_number_card(), |_| {});
    let outs = outs(&reader);
    let golden: [&[u8]; 8] = [
        &[0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00],
        &[0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x03, 0x00, 0xFD, 0xD6, 0x2A, 0x01, 0xFF, 0x00],
        &[0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x02, 0x00, 0xFE, 0xD6, 0x20, 0x0A, 0x00],
        &[0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x03, 0x00, 0xFD, 0xD6, 0x06, 0x00, 0x24, 0x00],
        &[0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x06, 0x00, 0xFA, 0xD6, 0x00, 0x03, 0x07, 0x0F, 0x07, 0x0A, 0x00],
        &[
            0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x28, 0x00, 0xD8, 0xD6, 0x02, 0x00, 0x18, 0x01, 0x01, 0x02, 0x01, 0x03, 0x00,
            0x04, 0x00, 0x05, 0x00, 0x06, 0x00, 0x07, 0x08, 0x08, 0x00, 0x09, 0x00, 0x0A, 0x00, 0x0B, 0x00, 0x0C, 0x00,
            0x0E, 0x04, 0x0F, 0x00, 0x10, 0x00, 0x11, 0x00, 0x12, 0x00, 0x13, 0x06, 0x4B, 0x00,
        ],
        &[
            0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x0C, 0x00, 0xF4, 0xD6, 0x02, 0x00, 0x14, 0x09, 0x01, 0x0A, 0x01, 0x0B, 0x01,
            0x0C, 0x01, 0xE6, 0x00,
        ],
        &[0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0xF9, 0xD6, 0x04, 0x36, 0x01, 0x05, 0x00, 0x10, 0xDA, 0x00],
    ];
    for (i, frame) in golden.iter().enumerate() {
        assert_eq!(outs[i], *frame, "OUT frame {i}");
    }
    // ATTRIB with the simulated card's PUPI 11 22 33 44 follows the next setup.
    assert_eq!(
        outs[11],
        [
            0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x0D, 0x00, 0xF3, 0xD6, 0x04, 0x36, 0x01, 0x1D, 0x11, 0x22, 0x33, 0x44, 0x00,
            0x08, 0x01, 0x00, 0x1F, 0x00
        ]
    );
}

const SENSB_REQ: [u8; 3] = [0x05, 0x00, 0x10];

fn polls(reader: &SimRcs380) -> usize {
    reader.rf_sent().iter().filter(|rf| rf.as_slice() == SENSB_REQ).count()
}

/// The OUT frames' bodies (`D6 CMD …`).
fn bodies(reader: &SimRcs380) -> Vec<Vec<u8>> {
    outs(reader).iter().filter(|f| f.len() > 10).map(|f| f[8..f.len() - 2].to_vec()).collect()
}

#[test]
fn no_card_after_20_seconds_of_polling() {
    let (mut reader, host) = setup(None);
    let result = read_on(&mut reader, &host);
    assert_eq!(result, Err(ReadError::NoCard));
    assert!(host.now() >= Duration::from_secs(20) && host.now() < Duration::from_millis(20_200), "{:?}", host.now());
    // A SENSB_REQ every 300 ms from the first: at 0, 0.3, …, 19.8 s and at 20.1 s, when 20 s have passed.
    assert_eq!(polls(&reader), 68);
    assert_eq!(host.progress_states(), [State::WaitingForCard]);
    assert!(!reader.rf_on());
    // Every empty poll is answered `D7 05 80 00 00 00` alone (docs/reader.md §5.3).
    let replies: Vec<&Vec<u8>> = reader
        .transcript()
        .iter()
        .filter_map(|t| match t {
            Transfer::In(bytes) if bytes.get(8..10) == Some(&[0xD7, 0x05]) => Some(bytes),
            _ => None,
        })
        .collect();
    assert_eq!(replies.len(), 68);
    assert!(replies.iter().all(|frame| frame.as_slice() == encode(&[0xD7, 0x05, 0x80, 0, 0, 0])));
}

#[test]
fn the_field_is_off_during_each_pause() {
    let (mut reader, host) = setup(None);
    read_on(&mut reader, &host).unwrap_err();
    let bodies = bodies(&reader);
    let sensb = |b: &Vec<u8>| b.len() == 7 && b[..2] == [0xD6, 0x04] && b[4..] == SENSB_REQ;
    let at: Vec<usize> = bodies.iter().enumerate().filter(|(_, b)| sensb(b)).map(|(i, _)| i).collect();
    for pair in at.windows(2) {
        // InCommRF, SwitchRF off, then InSetRF, InSetProtocol twice and the next InCommRF.
        assert_eq!(pair[1] - pair[0], 5);
        assert_eq!(bodies[pair[0] + 1], [0xD6, 0x06, 0x00], "SwitchRF off after the poll at OUT body {}", pair[0]);
    }
}

/// A card that heard ATTRIB but whose answer was garbled is active and ignores SENSB_REQ; the field
/// off during the pause resets it, and the next poll finds it (docs/reader.md §6).
#[test]
fn a_card_left_half_activated_is_reset_by_the_field_off() {
    let (result, reader, host) = read(SimCard::my_number_card(), |r| r.picc.as_mut().unwrap().faults.garble_attrib = 1);
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(polls(&reader), 2);
    assert!(host.now() < Duration::from_secs(2));
}

#[test]
fn a_card_placed_late_is_read() {
    let (mut reader, host) = setup(Some(SimCard::my_number_card()));
    reader.card_placed_at = Duration::from_secs(5);
    assert!(read_on(&mut reader, &host).is_ok());
    // Polls at 0, 0.3, …, 4.8 s find nothing; the one at 5.1 s finds the card.
    assert_eq!(polls(&reader), 18);
}

#[test]
fn the_poll_schedule_is_a_period() {
    use reader::session::next_poll_after;
    let ms = Duration::from_millis;
    assert_eq!(next_poll_after(ms(0), ms(40)), ms(300), "a poll's own time is not added to the pause");
    assert_eq!(next_poll_after(ms(300), ms(300)), ms(600));
    assert_eq!(next_poll_after(ms(300), ms(1_000)), ms(1_000), "after a slow poll, at once, never a burst");
}

#[test]
fn wrong_card_through_the_reader() {
    let (result, _, _) = read(SimCard::other_card(), |_| {});
    assert_eq!(result, Err(ReadError::WrongCard(WrongCard::NoJpkiApplication)));
}

#[test]
fn locked_and_few_tries_through_the_reader() {
    let card = SimCard::my_number_card().with_pin(Pin::User, Some(0)).with_pin(Pin::Signature, Some(2));
    let (result, _, _) = read(card, |_| {});
    assert_eq!(result.unwrap().notices(), [Notice::PinLocked(Pin::User), Notice::FewTriesLeft(Pin::Signature, 2)]);
}

#[test]
fn card_removed_after_block_n() {
    for n in [0, 1, 3, 10, 20] {
        let (result, reader, _) = read(SimCard::my_number_card(), |r| {
            r.picc.as_mut().unwrap().faults.removed_after = Some(n);
        });
        assert!(matches!(result, Err(ReadError::CardRemoved { .. })), "after {n}: {result:?}");
        assert!(!reader.rf_on());
    }
}

#[test]
fn chaining_both_ways() {
    let (result, reader, _) = read(SimCard::my_number_card(), |r| {
        let picc = r.picc.as_mut().unwrap();
        picc.fsci = 0; // FSC 16: SELECT by AID (15 bytes) needs two I-blocks
        picc.faults.chain_answers = Some(50);
    });
    assert!(result.is_ok(), "{result:?}");
    assert!(reader.rf_sent().iter().any(|rf| rf[0] == 0x12), "the command was chained");
    assert!(reader.rf_sent().iter().any(|rf| rf == &[0xA2] || rf == &[0xA3]), "the answer was chained");
}

#[test]
fn waiting_time_extensions() {
    let (result, reader, _) = read(SimCard::my_number_card(), |r| {
        r.picc.as_mut().unwrap().faults.wtx = Some((3, vec![0x01, 0x3B, 0x82]));
    });
    assert!(result.is_ok(), "{result:?}");
    let answers: Vec<&Vec<u8>> = reader.rf_sent().iter().filter(|rf| rf[0] == 0xF2).collect();
    assert_eq!(answers, [&vec![0xF2, 0x01], &vec![0xF2, 0x3B], &vec![0xF2, 0x02]]);
}

#[test]
fn a_wtx_multiplier_above_59_is_a_protocol_error() {
    let (result, _, _) = read(SimCard::my_number_card(), |r| {
        r.picc.as_mut().unwrap().faults.wtx = Some((3, vec![60]));
    });
    assert_eq!(result.unwrap_err().code().as_deref(), Some("iso_dep"));
}

#[test]
fn endless_wtx_ends_as_timeout() {
    let (result, _, host) = read(SimCard::my_number_card(), |r| {
        let picc = r.picc.as_mut().unwrap();
        picc.fwi = 14;
        picc.faults.wtx = Some((2, vec![59; 60]));
    });
    assert_eq!(result, Err(ReadError::Timeout));
    assert!(host.now() < Duration::from_secs(20));
}

#[test]
fn lost_and_garbled_blocks_are_recovered_by_nak() {
    let (result, reader, _) = read(SimCard::my_number_card(), |r| {
        let faults = &mut r.picc.as_mut().unwrap().faults;
        faults.lose_reply.extend([2, 9, 30]);
        faults.lose_request.extend([5, 20]);
        faults.garble_reply.insert(12, FLAG_CRC);
    });
    let reading = result.unwrap();
    assert_eq!(reading.pins.get(Pin::Residence), Tries::Left(3));
    assert!(reader.rf_sent().iter().any(|rf| rf == &[0xB2] || rf == &[0xB3]));
}

/// Every InCommRF error flag but the timeout is a transmission error that ISO-DEP answers with
/// R(NAK), as nfcpy does: nothing at the reader's layer ends the read by itself (docs/reader.md §5.3).
#[test]
fn every_transmission_error_flag_is_answered_with_nak() {
    for flags in [0x01u32, 0x02, 0x04, 0x08, 0x10, 0x40, 0x400, 0x8000_0000, 0x06] {
        let (result, reader, _) = read(SimCard::my_number_card(), |r| {
            r.picc.as_mut().unwrap().faults.garble_reply.insert(3, flags);
        });
        assert!(result.is_ok(), "{flags:#x}: {result:?}");
        // The fourth RF frame after ATTRIB (the token READ's I-block) is followed by R(NAK).
        let after_attrib = reader.rf_sent().iter().position(|rf| rf[0] == 0x1D).unwrap() + 1;
        let sent = &reader.rf_sent()[after_attrib..];
        assert_eq!(sent[4], [0xB2 | (sent[3][0] & 1)], "{flags:#x}: {:02X?}", &sent[..6]);
        // The chip's failed reply is the 6 bytes of `D7 05` and the flags.
        let failed = encode(&[[0xD7, 0x05].as_slice(), &flags.to_le_bytes()].concat());
        assert!(reader.transcript().contains(&Transfer::In(failed)), "{flags:#x}");
    }
    // Outlasting the retries gives the flags as the code.
    let (result, _, _) = read(SimCard::my_number_card(), |r| {
        r.picc.as_mut().unwrap().faults.garble_reply.extend((3..10).map(|i| (i, 0x02)));
    });
    assert_eq!(result.unwrap_err().code().as_deref(), Some("RF 0x02"));
}

#[test]
fn a_wrong_block_number_is_a_protocol_error() {
    let (result, _, _) = read(SimCard::my_number_card(), |r| {
        r.picc.as_mut().unwrap().faults.wrong_block_number.insert(4);
    });
    assert_eq!(result.unwrap_err().code().as_deref(), Some("iso_dep"));
}

#[test]
fn a_bad_checksum_or_the_error_frame_is_unknown_error() {
    for reply in [0, 3, 12] {
        let (result, _, _) = read(SimCard::my_number_card(), |r| {
            r.faults.bad_checksum.insert(reply);
        });
        assert_eq!(result.unwrap_err().code().as_deref(), Some("usb_frame"), "bad DCS on reply {reply}");
        let (result, _, _) = read(SimCard::my_number_card(), |r| {
            r.faults.error_frame.insert(reply);
        });
        assert_eq!(result.unwrap_err().code().as_deref(), Some("usb_frame"), "error frame as reply {reply}");
    }
}

#[test]
fn stale_frames_at_start_are_discarded() {
    let stale = vec![encode(&[0xD7, 0x05, 0, 0, 0, 0, 0, 0x02, 0x90, 0x00]), ACK.to_vec(), vec![0x12, 0x34]];
    let (result, _, _) = read(SimCard::my_number_card(), |r| r.faults.link.stale_at_start = stale);
    assert!(result.is_ok(), "{result:?}");
    let too_many = vec![encode(&[0xD7, 0x21, 1, 1]); 6];
    let (result, _, _) = read(SimCard::my_number_card(), |r| r.faults.link.stale_at_start = too_many);
    assert_eq!(result.unwrap_err().code().as_deref(), Some("usb_frame"));
}

#[test]
fn frames_split_over_many_transfers() {
    // Not 5: a transfer of exactly `00 00 FF FF FF` is the error frame (see `rcs380::frame`).
    for size in [1, 3, 7, 64] {
        let (result, _, _) = read(SimCard::my_number_card(), |r| r.faults.split_in = Some(size));
        assert!(result.is_ok(), "pieces of {size}: {result:?}");
    }
}

#[test]
fn a_stalled_transfer_is_a_timeout_and_ends_the_connection() {
    for at in [0, 1, 6, 40, 200] {
        let (result, reader, _) = read(SimCard::my_number_card(), |r| r.faults.link.stall_from = Some(at));
        assert_eq!(result, Err(ReadError::Timeout), "stall at {at}");
        // No transfer after the one that timed out (§6).
        assert_eq!(reader.transcript().len(), at, "stall at {at}");
    }
}

#[test]
fn unplugging_is_reader_disconnected() {
    for at in [0, 2, 30, 150] {
        let (result, _, _) = read(SimCard::my_number_card(), |r| r.faults.link.unplug_from = Some(at));
        assert_eq!(result, Err(ReadError::ReaderDisconnected), "unplug at {at}");
    }
}

#[test]
fn cancel_while_waiting_and_while_reading() {
    let (mut reader, mut host) = setup(None);
    host.cancel_at = Some(Duration::from_secs(3));
    assert_eq!(read_on(&mut reader, &host), Err(ReadError::Cancelled));
    assert!(!reader.rf_on());

    let (mut reader, mut host) = setup(Some(SimCard::my_number_card()));
    host.cancel_at = Some(Duration::from_millis(60));
    assert_eq!(read_on(&mut reader, &host), Err(ReadError::Cancelled));
    assert_eq!(host.progress_states(), [State::WaitingForCard, State::Reading]);
    assert!(!reader.rf_on());
    assert_eq!(outs(&reader).last().unwrap(), &ACK.to_vec());
}

/// The transcripts of docs/reader.md §8.3 come out of the simulator deterministically and as valid JSON.
/// `tests/transcripts.rs` writes them under `e2e/fixtures/reader/` and fails when a committed one is stale.
#[test]
fn transcripts_are_deterministic_json() {
    use reader::sim::rcs380::transcript_json;
    let run = || {
        let (_, reader, _) = read(SimCard::my_number_card().with_pin(Pin::User, Some(0)), |_| {});
        transcript_json("locked_pin", reader.transcript())
    };
    let first = run();
    assert_eq!(first, run());
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    let transfers = value["transfers"].as_array().unwrap();
    assert_eq!(transfers[0]["out"], "0000FF00FF00");
    assert_eq!(transfers[1]["out"], "0000FFFFFF0300FDD62A01FF00");
    assert_eq!(transfers[2]["in"], "0000FF00FF00");
    assert!(transfers.iter().all(|t| t.get("out").or(t.get("in")).is_some()));
}
