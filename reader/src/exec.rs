//! A minimal executor for the crate's futures in native tests (docs/reader.md §6): the simulated links
//! are always ready, so polling with a no-op waker is enough. No runtime crate.

use core::future::Future;
use core::task::{Context, Poll, Waker};

/// The most polls before giving up: a future still pending then would hang a real executor too.
const MAX_POLLS: u32 = 1_000_000;

/// Polls `future` to completion, or `None` if it is still pending after many polls (never a hang).
pub fn block_on<F: Future>(future: F) -> Option<F::Output> {
    let mut future = core::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..MAX_POLLS {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Never;
    impl Future for Never {
        type Output = ();
        fn poll(self: core::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
            Poll::Pending
        }
    }

    #[test]
    fn ready_futures_complete_and_pending_ones_give_up() {
        assert_eq!(block_on(async { 1 + 1 }), Some(2));
        assert_eq!(block_on(Never), None);
    }
}
