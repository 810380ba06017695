//! The journeys (docs/design.md §3.1, §3.2): the tasks of the start page, the order in which each asks its
//! questions (one module a journey: `expiry.rs`, `moving.rs`, ...), and the situation its answers describe.

use chrono::NaiveDate;
use rules::Situation;

use super::{certificates, destroyed, details, expiry, lost, moving, pin, Answer, Answers, Question};
use crate::i18n::{words, Msg};

/// The tasks of the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Journey {
    Expiry,
    Move,
    Details,
    Lost,
    Destroyed,
    Pin,
}

impl Journey {
    pub const ALL: [Journey; 6] =
        [Journey::Expiry, Journey::Move, Journey::Details, Journey::Lost, Journey::Destroyed, Journey::Pin];

    /// The first path segment of the journey's pages (`#/expiry/...`).
    pub fn slug(self) -> &'static str {
        match self {
            Journey::Expiry => "expiry",
            Journey::Move => "move",
            Journey::Details => "details",
            Journey::Lost => "lost",
            Journey::Destroyed => "destroyed",
            Journey::Pin => "pin",
        }
    }

    /// The link text of the task on the start page, also the journey's name on its pages.
    pub fn title(self) -> Msg {
        words::journey(self)
    }

    /// The question each journey starts with.
    pub fn first(self) -> Question {
        Question::BirthDate
    }

    /// The page after `question` given the answers so far.
    pub fn next(self, question: Question, answers: &Answers, today: NaiveDate) -> Next {
        match self {
            Journey::Expiry => expiry::next(question, answers, today),
            Journey::Move => moving::next(question, answers),
            Journey::Details => details::next(question),
            Journey::Lost => lost::next(question),
            Journey::Destroyed => destroyed::next(question),
            Journey::Pin => pin::next(question, answers, today),
        }
    }

    /// The situation the answers describe, for the engine. Only the answers on the journey's
    /// current path count: an answer left behind on a branch the citizen later left (by changing an
    /// earlier answer) is ignored.
    pub fn situation(self, answers: &Answers, today: NaiveDate) -> Situation {
        let answers = &answers.only(&self.path(answers, today).questions);
        match self {
            Journey::Expiry => expiry::situation(answers, today),
            Journey::Move => moving::situation(answers, today),
            Journey::Details => details::situation(answers, today),
            Journey::Lost => lost::situation(answers, today),
            Journey::Destroyed => destroyed::situation(answers, today),
            Journey::Pin => pin::situation(answers, today),
        }
    }

    /// The questions this journey asks with these answers, in order, up to the first one not yet
    /// answered (included). `complete` is true when every question on the path is answered.
    pub fn path(self, answers: &Answers, today: NaiveDate) -> Path {
        let mut questions = Vec::new();
        let mut question = self.first();
        // A journey has at most a few dozen questions; the bound keeps a cycle from hanging the page.
        for _ in 0..64 {
            questions.push(question);
            if !answered(question, answers, today) {
                return Path { questions, complete: false };
            }
            match self.next(question, answers, today) {
                Next::Question(q) => question = q,
                Next::Check => return Path { questions, complete: true },
            }
        }
        Path { questions, complete: false }
    }
}

/// Whether the question has an answer its page still offers (a choice about a signature certificate
/// is withdrawn when a corrected birth date makes the citizen too young for one: then it is asked again).
fn answered(question: Question, answers: &Answers, today: NaiveDate) -> bool {
    match answers.get(question) {
        None => false,
        Some(Answer::Choice(choice)) => certificates::offered(question, answers, today).contains(choice),
        Some(_) => true,
    }
}

/// What comes after a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Question(Question),
    /// The "check your answers" page.
    Check,
}

/// The questions of a journey's current path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub questions: Vec<Question>,
    pub complete: bool,
}
