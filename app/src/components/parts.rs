//! A long page drawn in parts, one task each, after a frame (docs/design.md §7). A result page built in one go is
//! one long task on a cheap phone: its elements, the lazily compiled wasm they need and the layout of all of
//! it, during which a tap goes unanswered (Lighthouse's total blocking time). Drawn in parts, each part's
//! elements are built in their own task and laid out in their own frame; the first part (the heading and
//! what matters most) is on the screen first. Until the last part is drawn `<main>` carries `myna-pending`,
//! which keeps the footer away (main.css): it would otherwise jump down as the parts arrive. The class follows
//! a signal of this module, which `app_view` (lib.rs) binds on `<main>`.

use std::rc::Rc;

use leptos::prelude::*;

use crate::components::text::dynamic;

/// Whether parts of the page are still to come: `<main>` carries `myna-pending` while it is `true`.
#[derive(Clone, Copy)]
pub struct Pending(RwSignal<bool>);

impl Pending {
    /// The app's one, provided to the pages by `app_view` (lib.rs), which binds it to `<main>`'s class.
    pub fn provide() -> Self {
        let pending = Pending(RwSignal::new(false));
        provide_context(pending);
        pending
    }

    /// `<main>`'s classes.
    pub fn main_class(self) -> Option<String> {
        Some(if self.0.get() { "myna-main myna-pending" } else { "myna-main" }.to_owned())
    }
}

impl Pending {
    /// Marks `<main>` while parts are still to come.
    fn set(self, on: bool) {
        self.0.try_set(on);
    }
}

/// Runs `then` in a task of its own after the next frame, so that what was drawn before is laid out and
/// painted first (a timer alone often runs before the frame, and the layout of both parts is one task again).
fn after_next_frame(then: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(then, std::time::Duration::ZERO));
}

/// Shows part `next` of `shown` (and the ones after it, one per frame), then lets the footer come. A page left
/// before its last part stops the chain: its signals are gone.
fn show_from(pending: Pending, shown: Rc<Vec<RwSignal<bool>>>, next: usize) {
    let Some(signal) = shown.get(next).copied() else {
        pending.set(false);
        return;
    };
    after_next_frame(move || {
        if signal.try_set(true).is_some() {
            // Disposed: the citizen has gone to another page, which draws its own footer.
            pending.set(false);
            return;
        }
        show_from(pending, shown, next + 1);
    });
}

/// The first part now, each of the others in its own task after a frame, in order. (A `Vec<AnyView>`, like
/// `rich_view`'s: no new generic rendering code in the wasm.)
pub fn in_parts(parts: Vec<AnyView>) -> AnyView {
    let mut shown = Vec::new();
    let drawn: Vec<AnyView> = parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                return part;
            }
            let on = RwSignal::new(false);
            shown.push(on);
            let mut part = Some(part);
            dynamic(move || if on.get() { part.take().unwrap_or_else(|| ().into_any()) } else { ().into_any() })
                .into_any()
        })
        .collect();
    // Outside the app (no `<main>` to mark), a signal of its own.
    let pending = use_context::<Pending>().unwrap_or(Pending(RwSignal::new(false)));
    pending.set(!shown.is_empty());
    show_from(pending, Rc::new(shown), 0);
    drawn.into_any()
}
