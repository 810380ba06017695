//! The token info of EF `0006` (docs/reader.md §1): 32 ASCII bytes padded with spaces that say which
//! kind of JPKI token this is. Only `JPKIAPICCTOKEN2`, a My Number Card, is read further.

/// The kind of JPKI token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// `JPKIAPICCTOKEN2`: a My Number Card.
    MyNumberCard,
    /// `JPKIAPICCTOKEN`: a Basic Resident Registration Card (住基カード). Not supported.
    ResidentRegistryCard,
    /// `JPKIAPGPSETOKEN`: smartphone JPKI. Not supported.
    SmartphoneJpki,
    /// Anything else, such as a next-generation card.
    Other,
}

/// The token kind of the bytes read from EF `0006`. Trailing spaces are trimmed; trailing NUL
/// bytes too, which the spec does not mention: a NUL-padded `JPKIAPICCTOKEN2` is still that token.
pub fn parse_token(bytes: &[u8]) -> TokenKind {
    let end = bytes.iter().rposition(|b| *b != b' ' && *b != 0).map_or(0, |i| i + 1);
    match bytes.get(..end).unwrap_or(&[]) {
        b"JPKIAPICCTOKEN2" => TokenKind::MyNumberCard,
        b"JPKIAPICCTOKEN" => TokenKind::ResidentRegistryCard,
        b"JPKIAPGPSETOKEN" => TokenKind::SmartphoneJpki,
        _ => TokenKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn padded(s: &str) -> Vec<u8> {
        let mut v = s.as_bytes().to_vec();
        v.resize(32, b' ');
        v
    }

    #[test]
    fn the_three_tokens_and_the_rest() {
        assert_eq!(parse_token(&padded("JPKIAPICCTOKEN2")), TokenKind::MyNumberCard);
        assert_eq!(parse_token(&padded("JPKIAPICCTOKEN")), TokenKind::ResidentRegistryCard);
        assert_eq!(parse_token(&padded("JPKIAPGPSETOKEN")), TokenKind::SmartphoneJpki);
        assert_eq!(parse_token(b"JPKIAPICCTOKEN2\0\0"), TokenKind::MyNumberCard);
        assert_eq!(parse_token(&padded(" JPKIAPICCTOKEN2")), TokenKind::Other);
        assert_eq!(parse_token(&padded("JPKIAPICCTOKEN3")), TokenKind::Other);
        assert_eq!(parse_token(&[]), TokenKind::Other);
        assert_eq!(parse_token(&[0xFF; 32]), TokenKind::Other);
    }
}
