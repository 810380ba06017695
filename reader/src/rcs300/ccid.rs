//! USB CCID message framing (CCID rev 1.1 §6), as the RC-S300 uses it (docs/reader.md §5.4): a
//! 10-byte header — `bMessageType`, `dwLength` (u32 LE), `bSlot`, `bSeq`, 3 bytes — then data.

/// PC_to_RDR_IccPowerOn.
pub const ICC_POWER_ON: u8 = 0x62;
/// PC_to_RDR_IccPowerOff.
pub const ICC_POWER_OFF: u8 = 0x63;
/// PC_to_RDR_GetSlotStatus.
pub const GET_SLOT_STATUS: u8 = 0x65;
/// PC_to_RDR_XfrBlock.
pub const XFR_BLOCK: u8 = 0x6F;
/// RDR_to_PC_DataBlock.
pub const DATA_BLOCK: u8 = 0x80;
/// RDR_to_PC_SlotStatus.
pub const SLOT_STATUS: u8 = 0x81;
/// bError: the card did not answer (absent or removed).
pub const ICC_MUTE: u8 = 0xFE;
/// The longest data accepted in a reply: an R-APDU of 256 bytes + SW, or an ATR, fits well.
pub const MAX_DATA: usize = 1024;
/// The header length.
pub const HEADER: usize = 10;

use crate::transfer_in::Wire;

/// A message from the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `bMessageType`.
    pub kind: u8,
    /// `bSlot`.
    pub slot: u8,
    /// `bSeq`.
    pub seq: u8,
    /// `bStatus`: bits 0–1 the card (0 active, 1 present and inactive, 2 absent), bits 6–7 the
    /// command (0 processed, 1 failed, 2 time extension requested).
    pub status: u8,
    /// `bError`.
    pub error: u8,
    /// The data after the header.
    pub data: Vec<u8>,
}

impl Message {
    /// bmCommandStatus.
    pub fn command_status(&self) -> u8 {
        self.status >> 6
    }

    /// bmICCStatus.
    pub fn icc_status(&self) -> u8 {
        self.status & 0x03
    }
}

/// Bytes that are not a CCID message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CcidError {
    /// `dwLength` above [`MAX_DATA`].
    TooLong,
}

/// A command message with slot 0.
pub fn encode(kind: u8, seq: u8, data: &[u8]) -> Vec<u8> {
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX).to_le_bytes();
    let mut message = vec![kind];
    message.extend_from_slice(&len);
    message.extend_from_slice(&[0x00, seq, 0x00, 0x00, 0x00]);
    message.extend_from_slice(data);
    message
}

/// The CCID wire format: a unit is one whole message.
#[derive(Clone, Copy, Debug)]
pub struct Ccid;

/// Collects bytes from `transferIn`s and cuts whole messages out of them.
pub type Decoder = crate::transfer_in::Decoder<Ccid>;

impl Wire for Ccid {
    type Unit = Message;
    type Error = CcidError;

    /// The next whole message, `Ok(None)` if more bytes are needed.
    fn cut(buffer: &mut Vec<u8>, _last_push: usize) -> Result<Option<Message>, CcidError> {
        let Some([kind, l0, l1, l2, l3, slot, seq, status, error, _]) = buffer.first_chunk::<HEADER>().copied() else {
            return Ok(None);
        };
        let len = usize::try_from(u32::from_le_bytes([l0, l1, l2, l3])).unwrap_or(usize::MAX);
        if len > MAX_DATA {
            buffer.clear();
            return Err(CcidError::TooLong);
        }
        let Some(data) = buffer.get(HEADER..HEADER + len) else {
            return Ok(None);
        };
        let message = Message { kind, slot, seq, status, error, data: data.to_vec() };
        buffer.drain(..HEADER + len);
        Ok(Some(message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_messages() {
        assert_eq!(encode(ICC_POWER_ON, 7, &[]), [0x62, 0, 0, 0, 0, 0, 7, 0, 0, 0]);
        assert_eq!(
            encode(XFR_BLOCK, 1, &[0x00, 0x20, 0x00, 0x80]),
            [0x6F, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0x00, 0x20, 0x00, 0x80]
        );
    }

    #[test]
    fn decodes_across_transfers() {
        let mut d = Decoder::new();
        let message = [0x80, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0x90, 0x00];
        d.push(&message[..4]);
        assert_eq!(d.next_unit(), Ok(None));
        d.push(&message[4..11]);
        assert_eq!(d.next_unit(), Ok(None));
        d.push(&message[11..]);
        let m = d.next_unit().unwrap().unwrap();
        assert_eq!((m.kind, m.seq, m.data.as_slice()), (0x80, 3, [0x90, 0x00].as_slice()));
        d.push(&[0x80, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(d.next_unit(), Err(CcidError::TooLong));
    }
}
