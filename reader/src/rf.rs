//! The RF payloads the crate can send to a card (docs/reader.md §3 rule 4): SENSB_REQ, ATTRIB,
//! S(DESELECT), R(ACK)/R(NAK), the S(WTX) answer, and I-blocks that carry part of an allow-listed
//! APDU. [`RfFrame`] has a private field and crate-private constructors, one per payload: no other
//! RF bytes can reach a reader.

use crate::apdu::EncodedApdu;

/// One RF payload, without CRC (the reader chip adds CRC_B).
#[derive(Clone, PartialEq, Eq)]
pub struct RfFrame {
    bytes: Vec<u8>,
}

impl core::fmt::Debug for RfFrame {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, byte) in self.bytes.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{byte:02X}")?;
        }
        Ok(())
    }
}

/// PCB bit: chaining (I-block) / NAK (R-block).
pub(crate) const PCB_CHAINING: u8 = 0x10;
/// PCB bit: block number.
pub(crate) const PCB_BLOCK_NUMBER: u8 = 0x01;

impl RfFrame {
    /// The bytes to send.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// SENSB_REQ: APf `05`, AFI `00` (all families), PARAM `10` (docs/reader.md §5.3).
    pub(crate) fn sensb_req() -> Self {
        Self { bytes: vec![0x05, 0x00, 0x10] }
    }

    /// ATTRIB for `pupi`: FSD 256 and 106 kbps (`08`), ISO 14443-4 (`01`), CID 0 (`00`).
    pub(crate) fn attrib(pupi: [u8; 4]) -> Self {
        let [a, b, c, d] = pupi;
        Self { bytes: vec![0x1D, a, b, c, d, 0x00, 0x08, 0x01, 0x00] }
    }

    /// S(DESELECT).
    pub(crate) fn deselect() -> Self {
        Self { bytes: vec![0xC2] }
    }

    /// R(ACK) with block number `block`.
    pub(crate) fn ack(block: u8) -> Self {
        Self { bytes: vec![0xA2 | (block & PCB_BLOCK_NUMBER)] }
    }

    /// R(NAK) with block number `block`.
    pub(crate) fn nak(block: u8) -> Self {
        Self { bytes: vec![0xB2 | (block & PCB_BLOCK_NUMBER)] }
    }

    /// The answer to S(WTX): the same multiplier, power-level bits cleared (ISO/IEC 14443-4 §7.3).
    pub(crate) fn wtx_answer(wtxm: u8) -> Self {
        Self { bytes: vec![0xF2, wtxm & 0x3F] }
    }

    /// An I-block with block number `block` carrying `apdu[start..end]`, chained if `more`.
    pub(crate) fn i_block(block: u8, more: bool, apdu: &EncodedApdu, start: usize, end: usize) -> Self {
        let pcb = 0x02 | (block & PCB_BLOCK_NUMBER) | if more { PCB_CHAINING } else { 0 };
        let mut bytes = vec![pcb];
        bytes.extend_from_slice(apdu.as_bytes().get(start..end).unwrap_or(&[]));
        Self { bytes }
    }
}
