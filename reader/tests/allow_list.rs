//! docs/reader.md §3 rule 5a: every value of the command type, encoded, is a row of the allow-list, and
//! the encoder is injective. The table is written out again in `common`, independently of `apdu`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use reader::apdu::{Application, Command, DataFile, Pin, ReadBinary};

mod common;
use common::{on_the_allow_list, FIXED_ROWS};

/// Every value of `Command`. The match has no `_` arm: a new variant does not compile until it is
/// enumerated here.
fn every_command() -> impl Iterator<Item = Command> {
    let check = |c: Command| match c {
        Command::SelectApplication(_)
        | Command::SelectFile(_)
        | Command::SelectPin(_)
        | Command::ReadBinary(_)
        | Command::VerifyNoData => c,
    };
    let fixed = Application::ALL
        .into_iter()
        .map(Command::SelectApplication)
        .chain(DataFile::ALL.into_iter().map(Command::SelectFile))
        .chain(Pin::ALL.into_iter().map(Command::SelectPin))
        .chain([Command::VerifyNoData]);
    let reads = (0..=u16::MAX)
        .flat_map(|offset| (0..=u8::MAX).map(move |len| (offset, len)))
        .filter_map(|(offset, len)| ReadBinary::new(offset, len).map(Command::ReadBinary));
    fixed.chain(reads).map(check)
}

#[test]
fn every_command_encodes_to_a_row_of_the_table() {
    let mut fixed_seen = 0;
    let mut reads = 0usize;
    for command in every_command() {
        let encoded = command.encode();
        let bytes = encoded.as_bytes();
        assert!(on_the_allow_list(bytes), "{command:?} encodes to {encoded:?}");
        match command {
            Command::ReadBinary(read) => {
                assert_eq!(bytes, &[0x00, 0xB0, (read.offset() >> 8) as u8, read.offset() as u8, read.len()]);
                reads += 1;
            }
            Command::SelectApplication(_) | Command::SelectFile(_) | Command::SelectPin(_) | Command::VerifyNoData => {
                fixed_seen += 1;
            }
        }
    }
    assert_eq!(fixed_seen, FIXED_ROWS.len());
    assert_eq!(reads, 32_768 * 240);
    // Every fixed row is reachable.
    for row in FIXED_ROWS {
        assert!(every_command().take(FIXED_ROWS.len()).any(|c| c.encode().as_bytes() == row));
    }
}

#[test]
fn no_forbidden_instruction_can_be_encoded() {
    // CHANGE REFERENCE DATA, RESET RETRY COUNTER, INTERNAL AUTHENTICATE, PSO, UPDATE/WRITE BINARY,
    // GENERATE, GET RESPONSE, GET CHALLENGE (docs/reader.md §3 rule 1).
    let forbidden = [0x24, 0x2C, 0x88, 0x2A, 0xD6, 0xD0, 0x46, 0x47, 0xC0, 0x84];
    for command in every_command().take(FIXED_ROWS.len()) {
        let bytes = command.encode();
        assert!(!forbidden.contains(&bytes.as_bytes()[1]));
    }
    // VERIFY appears once, without data, as a case-1 APDU.
    let verifies: Vec<_> =
        every_command().take(FIXED_ROWS.len()).filter(|c| c.encode().as_bytes()[1] == 0x20).collect();
    assert_eq!(verifies, vec![Command::VerifyNoData]);
    assert_eq!(Command::VerifyNoData.encode().as_bytes().len(), 4);
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        prop::sample::select(Application::ALL.to_vec()).prop_map(Command::SelectApplication),
        prop::sample::select(DataFile::ALL.to_vec()).prop_map(Command::SelectFile),
        prop::sample::select(Pin::ALL.to_vec()).prop_map(Command::SelectPin),
        Just(Command::VerifyNoData),
        (0u16..=0x7FFF, 1u8..=0xF0).prop_map(|(o, l)| Command::ReadBinary(ReadBinary::new(o, l).unwrap())),
        // near-collisions: neighbouring reads
        (0u16..=2, 1u8..=3).prop_map(|(o, l)| Command::ReadBinary(ReadBinary::new(o, l).unwrap())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn the_encoder_is_injective(a in command(), b in command()) {
        prop_assert_eq!(a.encode() == b.encode(), a == b);
    }
}
