//! The ISO/IEC 14443-4 block protocol over an [`RfLink`] (docs/reader.md §5.3): I-blocks with
//! alternating block numbers, chaining both ways, S(WTX), R(NAK) on a timeout or an invalid block,
//! and the time limits of §6. Implements [`CardChannel`], so the read plan does not know which
//! reader it runs on.
//!
//! Every loop is bounded twice: by a count and by the 10 s limit for one APDU on the lent clock,
//! so a card or reader that misbehaves ends in an error, never a hang.

use core::time::Duration;

use crate::apdu::{Command, EncodedApdu, Response};
use crate::rf::{RfFrame, PCB_BLOCK_NUMBER, PCB_CHAINING};
use crate::transport::{CardChannel, Clock, Fault, LinkError, RfError, RfLink};
use crate::type_b::{carrier_cycles, SensbRes};

/// One APDU, including WTX and NAK, may take at most this long (§6).
pub const APDU_LIMIT: Duration = Duration::from_secs(10);
/// The shortest RF timeout for an I-block (§6).
const MIN_BLOCK_TIMEOUT: Duration = Duration::from_millis(100);
/// The longest RF timeout InCommRF can express: (6552 + 1) × 10 in units of 0.1 ms fits `FFFF`.
pub const MAX_RF_TIMEOUT: Duration = Duration::from_millis(6552);
/// The most blocks of one chained answer: 4 KB in blocks of at least 64 bytes (a bound, not a spec value).
const MAX_BLOCKS: usize = 64;
/// The most S(WTX) requests answered for one block (a bound besides the 10 s limit).
const MAX_WTX: usize = 64;
/// The longest R-APDU accepted: 240 data bytes and SW, with room to spare.
const MAX_RESPONSE: usize = 4096;

/// The parts of a PCB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// I-block: block number, chaining.
    I { number: u8, chaining: bool },
    /// R(ACK) with a block number.
    Ack(u8),
    /// R(NAK) with a block number.
    Nak(u8),
    /// S(WTX) request with its WTXM byte.
    Wtx(u8),
    /// S(DESELECT).
    Deselect,
}

/// Reads the PCB of a block from the card. CID and NAD are never announced (ATTRIB sets CID 0 and
/// no PCB carries them), so a block with either bit, or any other PCB, is a protocol error.
fn classify(rf: &[u8]) -> Option<Block> {
    let (pcb, rest) = rf.split_first()?;
    let number = pcb & PCB_BLOCK_NUMBER;
    match pcb {
        0x02 | 0x03 | 0x12 | 0x13 => Some(Block::I { number, chaining: pcb & PCB_CHAINING != 0 }),
        0xA2 | 0xA3 if rest.is_empty() => Some(Block::Ack(number)),
        0xB2 | 0xB3 if rest.is_empty() => Some(Block::Nak(number)),
        0xF2 => match rest {
            [wtxm] => Some(Block::Wtx(*wtxm)),
            _ => None,
        },
        0xC2 if rest.is_empty() => Some(Block::Deselect),
        _ => None,
    }
}

/// An activated ISO-DEP card.
pub struct IsoDep<'c, R> {
    rf: R,
    clock: &'c dyn Clock,
    /// The PCD's current block number (ISO/IEC 14443-4 rule A: 0 after activation).
    block: u8,
    fsc: usize,
    fwt: Duration,
}

impl<'c, R: RfLink> IsoDep<'c, R> {
    /// The protocol over `rf` for the card that sent `sensb` and accepted ATTRIB.
    pub fn new(rf: R, clock: &'c dyn Clock, sensb: &SensbRes) -> Self {
        Self { rf, clock, block: 0, fsc: sensb.fsc, fwt: sensb.fwt() }
    }

    /// The link below, to switch the RF off when done.
    pub fn into_inner(self) -> R {
        self.rf
    }

    /// The RF timeout for a block: FWT + Δ(49,152/fc), between 100 ms and 6,552 ms (§6).
    pub fn block_timeout(&self) -> Duration {
        self.fwt.saturating_add(carrier_cycles(49_152)).clamp(MIN_BLOCK_TIMEOUT, MAX_RF_TIMEOUT)
    }

    /// How often a block is asked for again: min(⌊1 s / FWT⌋, 5), at least once (§5.3).
    pub fn max_retries(&self) -> usize {
        // FWT is at most 4.95 s, so whole microseconds in a u64 are exact enough (no u128 division).
        let fwt_us = self.fwt.as_secs().saturating_mul(1_000_000).saturating_add(u64::from(self.fwt.subsec_micros()));
        let per_second = 1_000_000u64.checked_div(fwt_us).unwrap_or(5);
        usize::try_from(per_second).unwrap_or(5).clamp(1, 5)
    }

    /// Sends S(DESELECT), best effort: the read is over whatever the card answers.
    pub async fn deselect(&mut self) {
        let timeout = self.block_timeout();
        let _ = self.rf.exchange(&RfFrame::deselect(), timeout).await;
    }

    /// Sends one APDU (chained if it exceeds FSC − 3) and returns the card's whole answer.
    pub async fn transmit_apdu(&mut self, apdu: EncodedApdu) -> Result<Response, LinkError> {
        let deadline = self.clock.now().saturating_add(APDU_LIMIT);
        let len = apdu.as_bytes().len();
        let max_inf = self.fsc.saturating_sub(3).max(1);
        let mut start: usize = 0;
        let mut reply = loop {
            let end = start.saturating_add(max_inf).min(len);
            let more = end < len;
            let frame = RfFrame::i_block(self.block, more, &apdu, start, end);
            let reply = self.send_block(&frame, false, deadline).await?;
            if !more {
                break reply;
            }
            match classify(&reply) {
                // Rule 7: the card acknowledged this part; go on with the next.
                Some(Block::Ack(number)) if number == self.block => {
                    self.block ^= 1;
                    start = end;
                }
                _ => return Err(LinkError::Fault(Fault::IsoDep)),
            }
        };
        let mut answer = Vec::new();
        for _ in 0..MAX_BLOCKS {
            let inf = reply.get(1..).unwrap_or(&[]);
            match classify(&reply) {
                Some(Block::I { number, chaining }) if number == self.block => {
                    // Rule B: toggle on an I-block with the current number.
                    self.block ^= 1;
                    answer.extend_from_slice(inf);
                    if answer.len() > MAX_RESPONSE {
                        return Err(LinkError::Fault(Fault::IsoDep));
                    }
                    if !chaining {
                        return Response::parse(&answer).ok_or(LinkError::Fault(Fault::Response));
                    }
                }
                _ => return Err(LinkError::Fault(Fault::IsoDep)),
            }
            reply = self.send_block(&RfFrame::ack(self.block), true, deadline).await?;
        }
        Err(LinkError::Fault(Fault::IsoDep))
    }

    /// Sends `frame` and returns the card's next I-block or R(ACK), answering S(WTX) and recovering
    /// from timeouts and invalid blocks by the rules of ISO/IEC 14443-4 §7.5.4:
    /// rule 4, R(NAK) with the current number (rule 5, R(ACK), while the card is chaining);
    /// rule 6, an R(ACK) with another number means the card missed our block: send it again.
    async fn send_block(
        &mut self,
        frame: &RfFrame,
        card_chaining: bool,
        deadline: Duration,
    ) -> Result<Vec<u8>, LinkError> {
        let mut next = frame.clone();
        let mut timeout = self.block_timeout();
        let mut retries = 0;
        let mut wtx = 0;
        loop {
            if self.clock.now() >= deadline {
                return Err(LinkError::Timeout);
            }
            let result = self.rf.exchange(&next, timeout).await;
            timeout = self.block_timeout();
            let failure = match result {
                Err(RfError::Link(error)) => return Err(error),
                Err(failure @ (RfError::Timeout | RfError::Invalid(_))) => failure,
                Ok(reply) => match classify(&reply) {
                    Some(Block::I { .. }) => return Ok(reply),
                    Some(Block::Ack(number)) if number == self.block => return Ok(reply),
                    Some(Block::Ack(_)) => {
                        retries += 1;
                        if retries > self.max_retries() {
                            return Err(LinkError::Fault(Fault::IsoDep));
                        }
                        next = frame.clone();
                        continue;
                    }
                    Some(Block::Wtx(wtxm)) => {
                        let multiplier = wtxm & 0x3F;
                        wtx += 1;
                        if !(1..=59).contains(&multiplier) || wtx > MAX_WTX {
                            return Err(LinkError::Fault(Fault::IsoDep));
                        }
                        next = RfFrame::wtx_answer(wtxm);
                        timeout =
                            self.fwt.saturating_mul(u32::from(multiplier)).clamp(MIN_BLOCK_TIMEOUT, MAX_RF_TIMEOUT);
                        continue;
                    }
                    Some(Block::Nak(_) | Block::Deselect) | None => return Err(LinkError::Fault(Fault::IsoDep)),
                },
            };
            retries += 1;
            if retries > self.max_retries() {
                return Err(match failure {
                    // §6: after activation, RF timeouts that outlast the NAK retries mean the card left.
                    RfError::Timeout => LinkError::CardRemoved,
                    RfError::Invalid(flags) => LinkError::Fault(Fault::Rf(flags)),
                    RfError::Link(error) => error,
                });
            }
            next = if card_chaining { RfFrame::ack(self.block) } else { RfFrame::nak(self.block) };
        }
    }
}

impl<R: RfLink> CardChannel for IsoDep<'_, R> {
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError> {
        self.transmit_apdu(command.encode()).await
    }
}

#[cfg(test)]
mod tests;
