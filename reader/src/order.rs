//! The ordering rules of docs/reader.md §3 rule 3, as a small state machine that the read plan consults
//! before every command and that the tests replay over every recorded session.
//!
//! - R (READ BINARY) only after E1/E2/E3 answered `90 00` (and while that EF stays current);
//! - V (VERIFY, no data) only straight after Q1–Q4 answered `90 00`;
//! - Q1/Q2 only inside A1, Q3 only inside A2, Q4 only inside A3 (or A3b, the 住基AP's other
//!   identifier of §2.1).
//!
//! The spec does not say where E1–E3 may be selected; they are files of the JPKI AP, so this
//! machine also requires A1 to be current (stricter than §3, never looser).

use crate::apdu::{Application, Command, SwClass};

/// Where the card stands, as far as the commands sent so far tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sequence {
    /// The application that last answered `90 00` to its SELECT; `None` after a failed SELECT.
    application: Option<Application>,
    /// A data EF answered `90 00` to its SELECT and is current.
    data_file: bool,
    /// The previous command was a PIN SELECT that answered `90 00`.
    pin_selected: bool,
}

impl Sequence {
    /// A card just activated: nothing selected.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `command` may be sent now.
    pub fn permits(&self, command: Command) -> bool {
        match command {
            Command::SelectApplication(_) => true,
            Command::SelectFile(_) => self.application == Some(Application::Jpki),
            Command::SelectPin(pin) => self.application.is_some_and(|app| pin.applications().contains(&app)),
            Command::ReadBinary(_) => self.data_file,
            Command::VerifyNoData => self.pin_selected,
        }
    }

    /// The application that answered `90 00` to the last SELECT by DF name, if that SELECT succeeded.
    pub fn application(&self) -> Option<Application> {
        self.application
    }

    /// Records the card's answer to `command` (`ok` = the status word was `90 00`; for READ BINARY
    /// `62 82` also keeps the EF current).
    pub fn record(&mut self, command: Command, sw: SwClass) {
        let ok = sw == SwClass::Success;
        match command {
            Command::SelectApplication(app) => {
                // A failed SELECT may or may not have changed the current DF: assume nothing.
                self.application = ok.then_some(app);
                self.data_file = false;
                self.pin_selected = false;
            }
            Command::SelectFile(_) => {
                self.data_file = ok;
                self.pin_selected = false;
            }
            Command::SelectPin(_) => {
                self.data_file = false;
                self.pin_selected = ok;
            }
            Command::ReadBinary(_) => {
                self.data_file = ok || sw == SwClass::EndOfFile;
                self.pin_selected = false;
            }
            Command::VerifyNoData => {
                self.data_file = false;
                self.pin_selected = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apdu::{DataFile, Pin, ReadBinary};

    const OK: SwClass = SwClass::Success;

    #[test]
    fn the_rules_of_section_3() {
        let read = Command::ReadBinary(ReadBinary::new(0, 4).unwrap());
        let mut s = Sequence::new();
        assert!(!s.permits(read));
        assert!(!s.permits(Command::VerifyNoData));
        assert!(!s.permits(Command::SelectPin(Pin::User)));
        assert!(!s.permits(Command::SelectFile(DataFile::Token)));

        s.record(Command::SelectApplication(Application::Jpki), OK);
        assert!(s.permits(Command::SelectFile(DataFile::Token)));
        assert!(s.permits(Command::SelectPin(Pin::User)) && s.permits(Command::SelectPin(Pin::Signature)));
        assert!(!s.permits(Command::SelectPin(Pin::CardInfo)) && !s.permits(Command::SelectPin(Pin::Residence)));

        s.record(Command::SelectFile(DataFile::UserCertificate), SwClass::NotFound);
        assert!(!s.permits(read));
        s.record(Command::SelectFile(DataFile::UserCertificate), OK);
        assert!(s.permits(read));
        s.record(read, OK);
        assert!(s.permits(read));
        assert!(!s.permits(Command::VerifyNoData));

        s.record(Command::SelectPin(Pin::User), OK);
        assert!(s.permits(Command::VerifyNoData));
        assert!(!s.permits(read));
        s.record(Command::VerifyNoData, SwClass::TriesLeft(3));
        assert!(!s.permits(Command::VerifyNoData), "V only straight after Q");

        s.record(Command::SelectPin(Pin::Signature), SwClass::NotFound);
        assert!(!s.permits(Command::VerifyNoData));

        s.record(Command::SelectApplication(Application::CardInfo), SwClass::NotFound);
        assert!(!s.permits(Command::SelectPin(Pin::CardInfo)));
        assert!(!s.permits(Command::SelectPin(Pin::User)), "a failed SELECT leaves the DF unknown");
        s.record(Command::SelectApplication(Application::Residence), OK);
        assert!(s.permits(Command::SelectPin(Pin::Residence)));
        assert!(!s.permits(Command::SelectFile(DataFile::Token)));
        s.record(Command::SelectApplication(Application::ResidenceAlternative), OK);
        assert_eq!(s.application(), Some(Application::ResidenceAlternative));
        assert!(s.permits(Command::SelectPin(Pin::Residence)));
        assert!(!s.permits(Command::SelectPin(Pin::CardInfo)) && !s.permits(Command::SelectPin(Pin::User)));
    }
}
