//! ISO/IEC 14443-3 Type B activation (docs/reader.md §5.3): the SENSB_RES fields the ISO-DEP layer
//! needs, and the frame and wait times that follow from them.

use core::time::Duration;

/// What a card said in its SENSB_RES.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SensbRes {
    /// The pseudo-unique PICC identifier, sent back in ATTRIB. Changes at every activation.
    pub pupi: [u8; 4],
    /// The largest frame the card accepts, in bytes (PCB + INF + CRC).
    pub fsc: usize,
    /// The frame waiting time integer.
    pub fwi: u8,
}

/// The FSC for each FSCI (ISO/IEC 14443-3 Table 15); RFU values mean 256 (docs/reader.md §5.3).
const FSC: [usize; 9] = [16, 24, 32, 40, 48, 64, 96, 128, 256];

impl SensbRes {
    /// Reads a SENSB_RES: `50` + PUPI(4) + application data(4) + protocol info(3 or more).
    /// Counting `50` as byte 0: FSCI = byte 10 >> 4, FWI = byte 11 >> 4 (RFU 15 → 4).
    pub fn parse(rf: &[u8]) -> Option<Self> {
        let [0x50, p0, p1, p2, p3, _, _, _, _, _, fsci_byte, fwi_byte, ..] = rf else {
            return None;
        };
        let fsc = FSC.get(usize::from(fsci_byte >> 4)).copied().unwrap_or(256);
        let fwi = match fwi_byte >> 4 {
            15 => 4,
            fwi => fwi,
        };
        Some(Self { pupi: [*p0, *p1, *p2, *p3], fsc, fwi })
    }

    /// The frame waiting time: 4096/13.56 MHz × 2^FWI (302 µs to 4.95 s).
    pub fn fwt(&self) -> Duration {
        carrier_cycles(4096u64 << self.fwi.min(14))
    }
}

/// A number of cycles of the 13.56 MHz carrier, as a duration.
pub fn carrier_cycles(cycles: u64) -> Duration {
    Duration::from_nanos(cycles.saturating_mul(1_000_000_000) / 13_560_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_a_sensb_res() {
        let res = [0x50, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0x00, 0x81, 0x81];
        let sensb = SensbRes::parse(&res).unwrap();
        assert_eq!(sensb.pupi, [0x11, 0x22, 0x33, 0x44]);
        assert_eq!(sensb.fsc, 256);
        assert_eq!(sensb.fwi, 8);
        assert_eq!(sensb.fwt().as_micros(), 77_328); // 302.06 µs × 256
        let res = [0x50, 1, 2, 3, 4, 0, 0, 0, 0, 0x00, 0x01, 0xF1];
        let sensb = SensbRes::parse(&res).unwrap();
        assert_eq!((sensb.fsc, sensb.fwi), (16, 4));
        let res = [0x50, 1, 2, 3, 4, 0, 0, 0, 0, 0x00, 0xA1, 0xE1];
        let sensb = SensbRes::parse(&res).unwrap();
        assert_eq!((sensb.fsc, sensb.fwi), (256, 14));
        assert_eq!(sensb.fwt().as_millis(), 4_949);
        assert_eq!(SensbRes::parse(&res[..11]), None);
        assert_eq!(SensbRes::parse(&[0x51; 12]), None);
    }
}
