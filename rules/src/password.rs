//! The signature password's format (`password.check`, leaflet ２①, `docs/rules.md` §11.3).
//!
//! Only checks the format the card accepts; the password is never stored or sent, and the reader
//! never tries it on a card.

use crate::contract::{PasswordCheck, PasswordProblem};
use crate::params::PASSWORD_LENGTH;

/// Full-width Ａ–Ｚ, ａ–ｚ, ０–９ become half-width, then a–z become A–Z; every other character is kept.
fn normalize(c: char) -> char {
    let half = match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    half.to_ascii_uppercase()
}

/// Checks a signature password: 6–16 characters, A–Z and 0–9 only, at least one of each.
///
/// ```
/// # use rules::check_password;
/// let check = check_password("ａｂｃ１２３");
/// assert!(check.valid);
/// assert_eq!(check.normalized, "ABC123");
/// ```
pub fn check_password(password: &str) -> PasswordCheck {
    let normalized: String = password.chars().map(normalize).collect();
    let length = normalized.chars().count();
    // The check has no date to judge a row on; the table holds one row since 2016 (docs/rules.md §15).
    let limits = PASSWORD_LENGTH.first.value;
    let mut problems = Vec::new();
    if length < limits.min {
        problems.push(PasswordProblem::TooShort);
    }
    if length > limits.max {
        problems.push(PasswordProblem::TooLong);
    }
    if !normalized.chars().any(|c| c.is_ascii_uppercase()) {
        problems.push(PasswordProblem::NoLetter);
    }
    if !normalized.chars().any(|c| c.is_ascii_digit()) {
        problems.push(PasswordProblem::NoDigit);
    }
    if !normalized.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        problems.push(PasswordProblem::InvalidCharacter);
    }
    PasswordCheck { valid: problems.is_empty(), normalized, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PasswordProblem::*;

    #[test]
    fn the_table_of_rules_11_3() {
        let cases: [(&str, bool, &str, &[PasswordProblem]); 10] = [
            ("abc123", true, "ABC123", &[]),
            ("ＡＢＣ１２３", true, "ABC123", &[]),
            ("ABCDEF", false, "ABCDEF", &[NoDigit]),
            ("A1B2C", false, "A1B2C", &[TooShort]),
            ("ABC-123", false, "ABC-123", &[InvalidCharacter]),
            ("", false, "", &[TooShort, NoLetter, NoDigit]),
            ("A1B2C3D4E5F6G7H8I", false, "A1B2C3D4E5F6G7H8I", &[TooLong]),
            ("!!!!", false, "!!!!", &[TooShort, NoLetter, NoDigit, InvalidCharacter]),
            ("ａｂｃ　１２３", false, "ABC　123", &[InvalidCharacter]),
            ("éabc12", false, "éABC12", &[InvalidCharacter]),
        ];
        for (input, valid, normalized, problems) in cases {
            let got = check_password(input);
            assert_eq!(
                (got.valid, got.normalized.as_str(), got.problems.as_slice()),
                (valid, normalized, problems),
                "{input:?}"
            );
        }
    }
}
