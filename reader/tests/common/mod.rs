//! Checks shared by the integration tests, written again from docs/reader.md §3 without the crate's
//! own `apdu`/`order` code, so that a bug there cannot hide itself.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

/// The fixed rows of docs/reader.md §3 (A1–A3, E1–E3, Q1–Q4, V), byte for byte, and A3b: the 住基AP's
/// other identifier, which docs/reader.md §2.1 puts inside the allow-list (§3's table has no row for it yet).
pub const FIXED_ROWS: [&[u8]; 12] = [
    &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01],
    &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08],
    &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00],
    &[0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x06],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0A],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0B],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x11],
    &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1C],
    &[0x00, 0x20, 0x00, 0x80],
];

/// Whether `bytes` is a row of the table: a fixed row, or READ BINARY with P1 ≤ 7F and Le in 01–F0.
pub fn on_the_allow_list(bytes: &[u8]) -> bool {
    FIXED_ROWS.contains(&bytes) || matches!(bytes, [0x00, 0xB0, p1, _, le] if *p1 <= 0x7F && (1..=0xF0).contains(le))
}

const JPKI: &[u8] = &[0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];
const CARD_INFO: &[u8] = &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08];
const RESIDENCE: &[u8] = &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00];
const RESIDENCE_ALTERNATIVE: &[u8] = &[0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01];

/// Checks every APDU against the allow-list and the ordering rules of §3 rule 3, given the
/// status word each one was answered with. Panics with the first violation.
pub fn check_session(apdus: &[Vec<u8>], answers: &[u16]) {
    assert_eq!(apdus.len(), answers.len());
    let mut application: Option<&[u8]> = None;
    let mut data_file = false;
    let mut pin_selected = false;
    for (i, (apdu, sw)) in apdus.iter().zip(answers).enumerate() {
        assert!(on_the_allow_list(apdu), "APDU {i} is not on the allow-list: {apdu:02X?}");
        let ok = *sw == 0x9000;
        match apdu.as_slice() {
            [0x00, 0xA4, 0x04, 0x0C, 0x0A, aid @ ..] => {
                let known = [JPKI, CARD_INFO, RESIDENCE, RESIDENCE_ALTERNATIVE].into_iter().find(|a| *a == aid);
                application = ok.then_some(known.unwrap());
                data_file = false;
                pin_selected = false;
            }
            [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, id] => {
                let owners: &[&[u8]] = match id {
                    0x06 | 0x0A | 0x0B | 0x18 | 0x1B => &[JPKI],
                    0x11 => &[CARD_INFO],
                    0x1C => &[RESIDENCE, RESIDENCE_ALTERNATIVE],
                    _ => panic!("APDU {i}: unknown EF"),
                };
                assert!(
                    application.is_some_and(|app| owners.contains(&app)),
                    "APDU {i}: EF {id:02X} selected outside its application"
                );
                let pin = [0x18, 0x1B, 0x11, 0x1C].contains(id);
                data_file = ok && !pin;
                pin_selected = ok && pin;
            }
            [0x00, 0xB0, ..] => {
                assert!(data_file, "APDU {i}: READ BINARY without a data EF that answered 90 00");
                data_file = ok || *sw == 0x6282;
                pin_selected = false;
            }
            [0x00, 0x20, 0x00, 0x80] => {
                assert!(pin_selected, "APDU {i}: VERIFY not straight after a PIN SELECT that answered 90 00");
                pin_selected = false;
                data_file = false;
            }
            other => panic!("APDU {i}: unexpected {other:02X?}"),
        }
    }
}
