//! Input errors: a code of `docs/contract.md`, the path of the field at fault, and a message a citizen
//! understands in Japanese and English (for the CLI and other channels; the app words each code
//! from its own locale files).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::field::FieldPath;

/// The contract's error codes, in the order of the validation passes of `docs/rules.md` §16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputErrorCode {
    InvalidJson,
    UnknownField,
    MissingField,
    InvalidDate,
    BirthAfterToday,
    DateBeforeBirth,
    DatesOutOfOrder,
    #[serde(rename = "signature_certificate_under_15")]
    SignatureCertificateUnder15,
}

impl InputErrorCode {
    pub const ALL: [InputErrorCode; 8] = [
        InputErrorCode::InvalidJson,
        InputErrorCode::UnknownField,
        InputErrorCode::MissingField,
        InputErrorCode::InvalidDate,
        InputErrorCode::BirthAfterToday,
        InputErrorCode::DateBeforeBirth,
        InputErrorCode::DatesOutOfOrder,
        InputErrorCode::SignatureCertificateUnder15,
    ];

    /// The message for a citizen, Japanese and English.
    pub fn message(self) -> Message {
        let (ja, en) = self.texts();
        Message { ja: ja.to_owned(), en: en.to_owned() }
    }

    /// The message's Japanese and English texts.
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            InputErrorCode::InvalidJson => (
                "入力の形式が正しくありません。入力をやり直してください。",
                "The input is not in the expected format. Please enter it again.",
            ),
            InputErrorCode::UnknownField => (
                "この案内では使わない項目が入力されています。その項目を外して、もう一度お試しください。",
                "The input contains an item this guide does not use. Remove it and try again.",
            ),
            InputErrorCode::MissingField => (
                "必要な項目が入力されていません。入力してください。",
                "A required item is missing. Please fill it in.",
            ),
            InputErrorCode::InvalidDate => (
                "日付が正しくありません。実際にある日付を「2025-04-01」の形で入力してください。",
                "This date is not valid. Enter a real date in the form 2025-04-01.",
            ),
            InputErrorCode::BirthAfterToday => (
                "生年月日が今日より後になっています。生年月日を確かめてください。",
                "The date of birth is after today. Please check the date of birth.",
            ),
            InputErrorCode::DateBeforeBirth => (
                "生年月日より前の日付が入力されています。日付を確かめてください。",
                "A date is before the date of birth. Please check the dates.",
            ),
            InputErrorCode::DatesOutOfOrder => (
                "日付の順番が合いません（例：なくした日より前に見つかった日）。日付を確かめてください。",
                "These dates are in an impossible order (for example, found before it was lost). Please check them.",
            ),
            InputErrorCode::SignatureCertificateUnder15 => (
                "署名用電子証明書は15歳未満の方には発行されません。発行日と生年月日を確かめてください。",
                "A signature certificate is not issued to anyone under 15. Please check its issue date and the date of birth.",
            ),
        }
    }
}

/// The English message for a citizen (the app words each code from its own locale files).
impl fmt::Display for InputErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.texts().1)
    }
}

/// A message in the two languages of the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub ja: String,
    pub en: String,
}

/// Why a situation could not be evaluated: the code and the path of the field at fault
/// (written `card.issued_on`, `events[2].found_on`; `""` for the whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub code: InputErrorCode,
    pub field: FieldPath,
}

impl InputError {
    pub fn new(code: InputErrorCode, field: FieldPath) -> Self {
        InputError { code, field }
    }

    /// The contract's error document: `{"error": {"code", "field", "message": {"ja", "en"}}}`.
    pub fn to_document(&self) -> ErrorDocument {
        ErrorDocument { error: ErrorBody { code: self.code, field: self.field.clone(), message: self.code.message() } }
    }
}

/// The code's English message for a citizen, then the field at fault in the contract's form:
/// "This date is not valid. Enter a real date in the form 2025-04-01. (card.issued_on)".
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            FieldPath::Document => write!(f, "{}", self.code),
            _ => write!(f, "{} ({})", self.code, self.field),
        }
    }
}

impl std::error::Error for InputError {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDocument {
    pub error: ErrorBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    pub code: InputErrorCode,
    pub field: FieldPath,
    pub message: Message,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_contracts() {
        let names: Vec<String> = InputErrorCode::ALL.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        assert_eq!(
            names.join(","),
            r#""invalid_json","unknown_field","missing_field","invalid_date","birth_after_today","date_before_birth","dates_out_of_order","signature_certificate_under_15""#
        );
    }

    #[test]
    fn displayed_in_english_with_the_field() {
        let e = InputError::new(
            InputErrorCode::DatesOutOfOrder,
            FieldPath::EventField(1, crate::field::EventField::FoundOn),
        );
        assert_eq!(
            e.to_string(),
            "These dates are in an impossible order (for example, found before it was lost). Please check them. \
             (events[1].found_on)"
        );
        let whole = InputError::new(InputErrorCode::InvalidJson, FieldPath::Document);
        assert_eq!(whole.to_string(), "The input is not in the expected format. Please enter it again.");
        let boxed: Box<dyn std::error::Error> = Box::new(whole);
        assert!(boxed.source().is_none());
    }

    #[test]
    fn every_code_has_both_messages() {
        for code in InputErrorCode::ALL {
            let m = code.message();
            assert!(!m.ja.is_empty() && !m.en.is_empty(), "{code:?}");
            assert!(m.ja.chars().any(|c| c > '\u{3000}'), "the Japanese message of {code:?} is Japanese");
        }
    }
}
