//! The page named by the URL's hash (docs/design.md §3.7): `#/expiry/birth-date`. The hash names the
//! step only, never an answer; back and forward work because each step has its own hash.

use super::{Journey, Question};

/// Every page of the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Start,
    Question(Journey, Question),
    Check(Journey),
    Result(Journey),
    /// The signature password checker.
    Password,
    /// Reading the card with a PaSoRi.
    Reader,
    /// The accessibility statement.
    Accessibility,
}

impl Page {
    /// The hash of the page, `#/...`.
    pub fn hash(self) -> String {
        match self {
            Page::Start => "#/".to_owned(),
            Page::Question(j, q) => format!("#/{}/{}", j.slug(), q.spec().slug),
            Page::Check(j) => format!("#/{}/check", j.slug()),
            Page::Result(j) => format!("#/{}/result", j.slug()),
            Page::Password => "#/password".to_owned(),
            Page::Reader => "#/reader".to_owned(),
            Page::Accessibility => "#/accessibility".to_owned(),
        }
    }

    /// Reads a hash; anything unknown is the start page.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        let first = parts.next().unwrap_or("");
        let second = parts.next();
        match (first, second) {
            ("password", None) => return Page::Password,
            ("reader", None) => return Page::Reader,
            ("accessibility", None) => return Page::Accessibility,
            _ => {}
        }
        let Some(journey) = Journey::ALL.into_iter().find(|j| j.slug() == first) else {
            return Page::Start;
        };
        match second {
            Some("check") => Page::Check(journey),
            Some("result") => Page::Result(journey),
            Some(slug) => Question::ALL
                .into_iter()
                .find(|q| q.spec().slug == slug)
                .map_or(Page::Question(journey, journey.first()), |q| Page::Question(journey, q)),
            None => Page::Question(journey, journey.first()),
        }
    }

    /// The journey the page belongs to, if any.
    pub fn journey(self) -> Option<Journey> {
        match self {
            Page::Question(j, _) | Page::Check(j) | Page::Result(j) => Some(j),
            Page::Start | Page::Password | Page::Reader | Page::Accessibility => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_survives_its_hash() {
        let mut pages = vec![Page::Start, Page::Password, Page::Reader, Page::Accessibility];
        for j in Journey::ALL {
            pages.extend([Page::Check(j), Page::Result(j)]);
            pages.extend(Question::ALL.map(|q| Page::Question(j, q)));
        }
        for page in pages {
            assert_eq!(Page::from_hash(&page.hash()), page, "{}", page.hash());
        }
        assert_eq!(Page::from_hash(""), Page::Start);
        assert_eq!(Page::from_hash("#/nonsense/x"), Page::Start);
        assert_eq!(Page::from_hash("#/expiry"), Page::Question(Journey::Expiry, Question::BirthDate));
        assert_eq!(Page::from_hash("#/expiry/nonsense"), Page::Question(Journey::Expiry, Question::BirthDate));
    }
}
