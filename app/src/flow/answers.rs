//! The citizen's answers, kept in memory only (docs/design.md §1.1 invariant 8, §3.7).

use chrono::NaiveDate;
use rules::{parse_era_date, DateInputError, Era};

use super::{Choice, Question};

/// A date as typed: the era select and the three boxes, kept exactly as typed so that going back
/// shows what the citizen wrote. `rules::parse_era_date` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateText {
    pub era: Era,
    pub year: String,
    pub month: String,
    pub day: String,
}

impl Default for DateText {
    fn default() -> Self {
        DateText { era: Era::Seireki, year: String::new(), month: String::new(), day: String::new() }
    }
}

impl DateText {
    /// A date written out in 西暦, as the reader or a test would enter it.
    pub fn from_date(date: NaiveDate) -> Self {
        use chrono::Datelike;
        DateText {
            era: Era::Seireki,
            year: date.year().to_string(),
            month: date.month().to_string(),
            day: date.day().to_string(),
        }
    }

    pub fn parse(&self) -> Result<NaiveDate, DateInputError> {
        parse_era_date(self.era, &self.year, &self.month, &self.day)
    }
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Date(DateText),
    Choice(Choice),
    /// 「わからない」.
    Unknown,
    /// 「まだ」.
    NotYet,
}

/// All answers of the visit, by question. A question shared by journeys (the birth date) is asked
/// once per visit. A plain list: a visit has a few dozen answers at most, and a map would add code
/// to the wasm (docs/design.md §7).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(Question, Answer)>);

impl Answers {
    pub fn get(&self, question: Question) -> Option<&Answer> {
        self.0.iter().find(|(q, _)| *q == question).map(|(_, a)| a)
    }

    pub fn set(&mut self, question: Question, answer: Answer) {
        match self.0.iter_mut().find(|(q, _)| *q == question) {
            Some(entry) => entry.1 = answer,
            None => self.0.push((question, answer)),
        }
    }

    pub fn remove(&mut self, question: Question) {
        self.0.retain(|(q, _)| *q != question);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every answer, in the order given (for storage).
    pub fn iter(&self) -> impl Iterator<Item = &(Question, Answer)> {
        self.0.iter()
    }

    /// Only the answers to these questions.
    pub fn only(&self, questions: &[Question]) -> Answers {
        Answers(self.0.iter().filter(|(q, _)| questions.contains(q)).cloned().collect())
    }

    /// The date answered, if a valid one was (a page stores only dates it has checked).
    pub fn date(&self, question: Question) -> Option<NaiveDate> {
        match self.get(question) {
            Some(Answer::Date(text)) => text.parse().ok(),
            Some(Answer::Choice(_) | Answer::Unknown | Answer::NotYet) | None => None,
        }
    }

    pub fn choice(&self, question: Question) -> Option<Choice> {
        match self.get(question) {
            Some(Answer::Choice(choice)) => Some(*choice),
            Some(Answer::Date(_) | Answer::Unknown | Answer::NotYet) | None => None,
        }
    }

    /// Whether the question was answered with this choice.
    pub fn is(&self, question: Question, choice: Choice) -> bool {
        self.choice(question) == Some(choice)
    }
}
