//! The card's side of Type B activation and ISO-DEP (ISO/IEC 14443-3 and -4), in front of the
//! simulated JPKI card, with the faults of docs/reader.md §8.2: the card chaining its answers, S(WTX),
//! lost and garbled blocks, wrong block numbers and removal after a number of blocks.

use std::collections::{BTreeMap, BTreeSet};

use super::card::SimCard;

/// What the reader's chip hears back after sending an RF frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RfOutcome {
    /// A frame with a good CRC.
    Reply(Vec<u8>),
    /// Nothing before the timeout.
    Silent,
    /// A frame the chip could not receive, with the InCommRF error flags it reports (CRC `04`,
    /// parity `02`, …; docs/reader.md §5.3).
    Failed(u32),
}

/// The chip's CRC error flag, the usual way a garbled answer is reported.
pub const FLAG_CRC: u32 = 0x04;

/// Faults, by the index of the RF frame the card receives after ATTRIB (from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PiccFaults {
    /// The card answers these frames, but the answer is lost.
    pub lose_reply: BTreeSet<usize>,
    /// The card never hears these frames.
    pub lose_request: BTreeSet<usize>,
    /// The answer to these frames arrives garbled; the chip reports these error flags.
    pub garble_reply: BTreeMap<usize, u32>,
    /// The card's answers to this many ATTRIBs arrive garbled (reported as a CRC error) although
    /// the card heard them and is now active: it ignores SENSB_REQ until the field goes off.
    pub garble_attrib: usize,
    /// The I-block answering these frames carries the wrong block number.
    pub wrong_block_number: BTreeSet<usize>,
    /// Before answering the APDU with this index (from 0), the card asks for these S(WTX).
    pub wtx: Option<(usize, Vec<u8>)>,
    /// From this frame on, the card is gone.
    pub removed_after: Option<usize>,
    /// The card answers in I-blocks of at most this many INF bytes (chaining).
    pub chain_answers: Option<usize>,
}

/// The card in the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimPicc {
    /// The JPKI card behind the RF interface.
    pub card: SimCard,
    /// The faults to play.
    pub faults: PiccFaults,
    /// FSCI announced in SENSB_RES.
    pub fsci: u8,
    /// FWI announced in SENSB_RES.
    pub fwi: u8,
    pupi: [u8; 4],
    active: bool,
    block: u8,
    frames: usize,
    apdus: usize,
    command: Vec<u8>,
    pending: Vec<u8>,
    wtx_left: Vec<u8>,
    last: Vec<u8>,
}

impl SimPicc {
    /// A card with FSCI 8 (256 bytes) and FWI 8 (77 ms).
    pub fn new(card: SimCard) -> Self {
        Self {
            card,
            faults: PiccFaults::default(),
            fsci: 8,
            fwi: 8,
            pupi: [0x11, 0x22, 0x33, 0x44],
            active: false,
            block: 1,
            frames: 0,
            apdus: 0,
            command: Vec::new(),
            pending: Vec::new(),
            wtx_left: Vec::new(),
            last: Vec::new(),
        }
    }

    /// The field went off: the card loses its ISO-DEP state and its current DF/EF.
    pub fn power_off(&mut self) {
        self.active = false;
        self.card.reset();
    }

    /// Hears one RF frame.
    pub fn hear(&mut self, rf: &[u8]) -> RfOutcome {
        if !self.active {
            return self.activation(rf);
        }
        let index = self.frames;
        self.frames += 1;
        if self.faults.removed_after.is_some_and(|n| index >= n) || self.faults.lose_request.contains(&index) {
            return RfOutcome::Silent;
        }
        let Some(mut reply) = self.block_protocol(rf) else {
            return RfOutcome::Silent;
        };
        if self.faults.wrong_block_number.contains(&index) {
            if let Some(pcb) = reply.first_mut() {
                if *pcb & 0xE2 == 0x02 {
                    *pcb ^= 0x01;
                }
            }
        }
        if self.faults.lose_reply.contains(&index) {
            RfOutcome::Silent
        } else if let Some(flags) = self.faults.garble_reply.get(&index) {
            RfOutcome::Failed(*flags)
        } else {
            RfOutcome::Reply(reply)
        }
    }

    fn activation(&mut self, rf: &[u8]) -> RfOutcome {
        match rf {
            [0x05, _, _] => {
                let mut res = vec![0x50];
                res.extend_from_slice(&self.pupi);
                res.extend_from_slice(&[0x00, 0x00, 0x00, 0x00, 0x00, (self.fsci << 4) | 0x01, (self.fwi << 4) | 0x01]);
                RfOutcome::Reply(res)
            }
            [0x1D, p0, p1, p2, p3, _, _, _, _] if [*p0, *p1, *p2, *p3] == self.pupi => {
                self.active = true;
                self.block = 1; // ISO/IEC 14443-4 rule C
                self.command.clear();
                self.pending.clear();
                if self.faults.garble_attrib > 0 {
                    self.faults.garble_attrib -= 1;
                    return RfOutcome::Failed(FLAG_CRC);
                }
                RfOutcome::Reply(vec![0x00])
            }
            _ => RfOutcome::Silent,
        }
    }

    /// The PICC rules of ISO/IEC 14443-4 §7.5. `None` = no answer.
    fn block_protocol(&mut self, rf: &[u8]) -> Option<Vec<u8>> {
        let (pcb, inf) = rf.split_first()?;
        let number = pcb & 0x01;
        let reply = match pcb {
            0x02 | 0x03 | 0x12 | 0x13 => {
                self.block ^= 1; // rule D
                self.command.extend_from_slice(inf);
                if pcb & 0x10 != 0 {
                    vec![0xA2 | self.block]
                } else {
                    let apdu = std::mem::take(&mut self.command);
                    self.pending = self.card.respond(&apdu);
                    if let Some((at, wtx)) = &self.faults.wtx {
                        if *at == self.apdus {
                            self.wtx_left = wtx.clone();
                        }
                    }
                    self.apdus += 1;
                    self.next_answer()
                }
            }
            // Rule 11: an R-block with our number asks for the last block again.
            0xA2 | 0xA3 | 0xB2 | 0xB3 if number == self.block => self.last.clone(),
            // Rule 13: R(ACK) with the other number while chaining: next part.
            0xA2 | 0xA3 if !self.pending.is_empty() => {
                self.block ^= 1;
                self.next_answer()
            }
            // Rule 12: R(NAK) with the other number: R(ACK) with ours.
            0xB2 | 0xB3 => vec![0xA2 | self.block],
            0xF2 => self.next_answer(),
            0xC2 => {
                self.active = false;
                vec![0xC2]
            }
            _ => return None,
        };
        self.last = reply.clone();
        Some(reply)
    }

    /// S(WTX) if any is due, else the next I-block of the pending answer.
    fn next_answer(&mut self) -> Vec<u8> {
        if !self.wtx_left.is_empty() {
            let wtxm = self.wtx_left.remove(0);
            return vec![0xF2, wtxm];
        }
        let size = self.faults.chain_answers.unwrap_or(usize::MAX).max(1);
        let take = self.pending.len().min(size);
        let rest = self.pending.split_off(take);
        let part = std::mem::replace(&mut self.pending, rest);
        let chaining = if self.pending.is_empty() { 0x00 } else { 0x10 };
        let mut block = vec![0x02 | chaining | self.block];
        block.extend_from_slice(&part);
        block
    }
}
