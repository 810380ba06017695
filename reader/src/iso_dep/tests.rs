//! The block protocol against a scripted card: each test lists what the card answers and checks
//! the blocks sent.

use core::cell::Cell;
use std::collections::VecDeque;

use super::*;
use crate::apdu::{Application, DataFile, StatusWord};

/// A clock that moves by the timeout of every exchange that timed out, 1 ms otherwise.
#[derive(Default)]
struct TestClock(Cell<Duration>);

impl Clock for TestClock {
    fn now(&self) -> Duration {
        self.0.get()
    }
}

struct Scripted<'c> {
    clock: &'c TestClock,
    answers: VecDeque<Result<Vec<u8>, RfError>>,
    sent: Vec<(Vec<u8>, Duration)>,
}

impl RfLink for Scripted<'_> {
    async fn exchange(&mut self, rf: &RfFrame, timeout: Duration) -> Result<Vec<u8>, RfError> {
        self.sent.push((rf.as_bytes().to_vec(), timeout));
        let answer = self.answers.pop_front().unwrap_or(Err(RfError::Timeout));
        // A timeout, and a card that uses its whole waiting time extension, take the full wait.
        let full = matches!(&answer, Err(RfError::Timeout)) || matches!(&answer, Ok(b) if b.first() == Some(&0xF2));
        let spent = if full { timeout } else { Duration::from_millis(1) };
        self.clock.0.set(self.clock.0.get() + spent);
        answer
    }
}

fn sensb(fsci: u8, fwi: u8) -> SensbRes {
    SensbRes::parse(&[0x50, 1, 2, 3, 4, 0, 0, 0, 0, 0, fsci << 4 | 1, fwi << 4 | 1]).unwrap()
}

fn run(
    fsci: u8,
    fwi: u8,
    answers: Vec<Result<Vec<u8>, RfError>>,
    command: Command,
) -> (Result<Response, LinkError>, Vec<Vec<u8>>) {
    let clock = TestClock::default();
    let link = Scripted { clock: &clock, answers: answers.into(), sent: Vec::new() };
    let mut iso = IsoDep::new(link, &clock, &sensb(fsci, fwi));
    let result = crate::exec::block_on(iso.transmit(command)).unwrap();
    let sent = iso.into_inner().sent.into_iter().map(|(bytes, _)| bytes).collect();
    (result, sent)
}

fn with_pcb(pcb: u8, rest: &[u8]) -> Vec<u8> {
    let mut v = vec![pcb];
    v.extend_from_slice(rest);
    v
}

const TOKEN: Command = Command::SelectFile(DataFile::Token);
const JPKI: Command = Command::SelectApplication(Application::Jpki);

#[test]
fn one_block_each_way() {
    let (result, sent) = run(8, 8, vec![Ok(vec![0x02, 0x90, 0x00])], TOKEN);
    assert_eq!(result.unwrap().sw(), StatusWord::OK);
    assert_eq!(sent, vec![with_pcb(0x02, TOKEN.encode().as_bytes())]);
}

#[test]
fn block_numbers_alternate() {
    let clock = TestClock::default();
    let answers = vec![Ok(vec![0x02, 0x90, 0x00]), Ok(vec![0x03, 0x90, 0x00]), Ok(vec![0x02, 0x90, 0x00])];
    let link = Scripted { clock: &clock, answers: answers.into(), sent: Vec::new() };
    let mut iso = IsoDep::new(link, &clock, &sensb(8, 8));
    for _ in 0..3 {
        crate::exec::block_on(iso.transmit(TOKEN)).unwrap().unwrap();
    }
    let pcbs: Vec<u8> = iso.into_inner().sent.iter().map(|(b, _)| b[0]).collect();
    assert_eq!(pcbs, [0x02, 0x03, 0x02]);
}

#[test]
fn a_command_longer_than_fsc_minus_3_is_chained() {
    // FSC 16: 13 bytes of INF per block; SELECT JPKI AP is 15 bytes.
    let apdu = JPKI.encode();
    let (result, sent) = run(0, 8, vec![Ok(vec![0xA2]), Ok(vec![0x03, 0x90, 0x00])], JPKI);
    assert_eq!(result.unwrap().sw(), StatusWord::OK);
    assert_eq!(sent, vec![with_pcb(0x12, &apdu.as_bytes()[..13]), with_pcb(0x03, &apdu.as_bytes()[13..])]);
}

#[test]
fn a_chained_answer_is_acknowledged_and_appended() {
    let answers = vec![Ok(vec![0x12, 1, 2]), Ok(vec![0x13, 3]), Ok(vec![0x02, 4, 0x90, 0x00])];
    let (result, sent) = run(8, 8, answers, TOKEN);
    assert_eq!(result.unwrap().data(), &[1, 2, 3, 4]);
    assert_eq!(sent[1..], [vec![0xA3], vec![0xA2]]);
}

#[test]
fn wtx_is_answered_and_extends_the_next_wait() {
    let clock = TestClock::default();
    let answers = vec![Ok(vec![0xF2, 0x03]), Ok(vec![0xF2, 0x41]), Ok(vec![0x02, 0x90, 0x00])];
    let link = Scripted { clock: &clock, answers: answers.into(), sent: Vec::new() };
    let mut iso = IsoDep::new(link, &clock, &sensb(8, 10)); // FWT ≈ 309 ms
    crate::exec::block_on(iso.transmit(TOKEN)).unwrap().unwrap();
    let sent = iso.into_inner().sent;
    assert_eq!(sent[1].0, [0xF2, 0x03]);
    assert_eq!(sent[1].1.as_millis(), 927); // 3 × FWT
    assert_eq!(sent[2].0, [0xF2, 0x01], "power-level bits cleared");
}

#[test]
fn wtxm_out_of_range_is_a_protocol_error() {
    for wtxm in [0x00, 60, 0x3F] {
        let (result, _) = run(8, 8, vec![Ok(vec![0xF2, wtxm])], TOKEN);
        assert_eq!(result, Err(LinkError::Fault(Fault::IsoDep)), "{wtxm}");
    }
}

#[test]
fn endless_wtx_ends_in_an_error() {
    let answers = (0..200).map(|_| Ok(vec![0xF2, 59])).collect();
    let (result, sent) = run(8, 14, answers, TOKEN);
    // 4.95 s, then 59 × FWT capped at 6.55 s: past the 10 s limit for one APDU.
    assert_eq!(result, Err(LinkError::Timeout));
    assert_eq!(sent.len(), 2);
}

#[test]
fn a_lost_answer_is_asked_for_again_with_nak() {
    let answers = vec![Err(RfError::Timeout), Ok(vec![0x02, 0x90, 0x00])];
    let (result, sent) = run(8, 8, answers, TOKEN);
    assert!(result.is_ok());
    assert_eq!(sent[1], [0xB2]);
}

#[test]
fn a_lost_command_is_sent_again_after_the_cards_ack() {
    // The card never got I(0): it answers our NAK(0) with R(ACK, 1) (rule 12), we resend (rule 6).
    let answers = vec![Err(RfError::Invalid(0x04)), Ok(vec![0xA3]), Ok(vec![0x02, 0x90, 0x00])];
    let (result, sent) = run(8, 8, answers, TOKEN);
    assert!(result.is_ok());
    assert_eq!(sent[1], [0xB2]);
    assert_eq!(sent[2], sent[0]);
}

#[test]
fn timeouts_outlasting_the_retries_mean_the_card_left() {
    // FWI 8 (77 ms): ⌊1 s / FWT⌋ = 12, so 5 retries.
    let (result, sent) = run(8, 8, vec![], TOKEN);
    assert_eq!(result, Err(LinkError::CardRemoved));
    assert_eq!(sent.len(), 1 + 5);
    // FWI 14 (4.9 s): one retry.
    let (result, sent) = run(8, 14, vec![], TOKEN);
    assert_eq!(result, Err(LinkError::CardRemoved));
    assert_eq!(sent.len(), 2);
}

#[test]
fn crc_errors_outlasting_the_retries_give_the_rf_code() {
    let answers = (0..10).map(|_| Err(RfError::Invalid(0x04))).collect();
    let (result, _) = run(8, 8, answers, TOKEN);
    assert_eq!(result, Err(LinkError::Fault(Fault::Rf(0x04))));
}

#[test]
fn during_a_chained_answer_a_timeout_repeats_the_ack() {
    let answers = vec![Ok(vec![0x12, 1]), Err(RfError::Timeout), Ok(vec![0x03, 2, 0x90, 0x00])];
    let (result, sent) = run(8, 8, answers, TOKEN);
    assert_eq!(result.unwrap().data(), &[1, 2]);
    assert_eq!(sent[1..], [vec![0xA3], vec![0xA3]]);
}

#[test]
fn wrong_block_numbers_and_unexpected_pcbs_are_protocol_errors() {
    for answer in [vec![0x03, 0x90, 0x00], vec![0xB2], vec![0xC2], vec![0x0A, 0, 0x90, 0x00], vec![], vec![0xA2]] {
        let (result, _) = run(8, 8, vec![Ok(answer.clone())], TOKEN);
        assert_eq!(result, Err(LinkError::Fault(Fault::IsoDep)), "{answer:02X?}");
    }
    let (result, _) = run(8, 8, vec![Ok(vec![0x02, 0x90])], TOKEN);
    assert_eq!(result, Err(LinkError::Fault(Fault::Response)));
}

#[test]
fn the_link_below_fails_through() {
    let (result, _) = run(8, 8, vec![Err(RfError::Link(LinkError::Disconnected))], TOKEN);
    assert_eq!(result, Err(LinkError::Disconnected));
}

#[test]
fn timeouts_follow_section_6() {
    let clock = TestClock::default();
    let link = Scripted { clock: &clock, answers: VecDeque::new(), sent: Vec::new() };
    assert_eq!(IsoDep::new(link, &clock, &sensb(8, 4)).block_timeout(), MIN_BLOCK_TIMEOUT);
    let link = Scripted { clock: &clock, answers: VecDeque::new(), sent: Vec::new() };
    assert_eq!(IsoDep::new(link, &clock, &sensb(8, 14)).block_timeout().as_millis(), 4_952);
    let link = Scripted { clock: &clock, answers: VecDeque::new(), sent: Vec::new() };
    assert_eq!(IsoDep::new(link, &clock, &sensb(8, 11)).block_timeout().as_millis(), 622);
}
