//! Work spread over the cores, with results in input order, so that parallelism never changes
//! an output.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// One worker per core, at most 16.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16)
}

/// Maps `items` with `f` on one worker per core, in contiguous chunks; the results come back in
/// the order of `items`. A panic in a worker is passed on, never swallowed.
pub(crate) fn parallel_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = workers();
    if workers == 1 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let mut chunks: Vec<Vec<T>> = Vec::new();
    let mut rest = items.into_iter().peekable();
    while rest.peek().is_some() {
        chunks.push(rest.by_ref().take(chunk).collect());
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| scope.spawn(move || c.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// What the workers of [`stream_ordered`] share: the items not yet taken and how far the
/// consumer is.
struct Queue<T> {
    items: std::iter::Enumerate<std::vec::IntoIter<T>>,
    /// Results handed to the consumer so far.
    delivered: usize,
    /// Set when a worker stopped by a panic, or the consumer stopped: the others stop too.
    stopped: bool,
    /// Workers waiting for the consumer to move on.
    sleeping: usize,
}

/// Items a worker takes at a time: fewer wake-ups and lock round trips than one by one.
const TAKE: usize = 8;

/// Sets `stopped` when dropped during a panic, so that no worker waits for a result that
/// will never come.
struct StopOnPanic<'a, T> {
    queue: &'a Mutex<Queue<T>>,
    moved: &'a Condvar,
}

impl<T> Drop for StopOnPanic<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            q.stopped = true;
            self.moved.notify_all();
        }
    }
}

/// Maps `items` with `f` on one worker per core and hands each result to `sink`, on the
/// calling thread and in the order of `items`, while the workers go on with the next items.
/// Workers take a few items at a time (a slow item holds up no other worker for long) but never
/// run more than `window` items ahead of `sink`, so at most `window` results wait in memory. A panic in
/// a worker or in `sink` is passed on, never swallowed.
pub(crate) fn stream_ordered<T: Send, R: Send>(
    items: Vec<T>,
    window: usize,
    f: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R),
) {
    let workers = workers();
    let total = items.len();
    if workers == 1 || total < 2 {
        items.into_iter().map(f).for_each(sink);
        return;
    }
    let window = window.max(workers);
    let queue = Mutex::new(Queue {
        items: items.into_iter().enumerate(),
        delivered: 0,
        stopped: false,
        sleeping: 0,
    });
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, Vec<R>)>();
    let (f, queue, moved) = (&f, &queue, &moved);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            scope.spawn(move || {
                let _guard = StopOnPanic { queue, moved };
                loop {
                    let taken: Vec<(usize, T)> = {
                        let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
                        loop {
                            if q.stopped {
                                break Vec::new();
                            }
                            // The next item's index is `total` less what is left.
                            let index = total - q.items.len();
                            if index < q.delivered + window {
                                let n = TAKE.min(q.delivered + window - index);
                                break q.items.by_ref().take(n).collect();
                            }
                            q.sleeping += 1;
                            q = moved.wait(q).unwrap_or_else(|e| e.into_inner());
                            q.sleeping -= 1;
                        }
                    };
                    let Some(&(first, _)) = taken.first() else {
                        break;
                    };
                    let results = taken.into_iter().map(|(_, item)| f(item)).collect();
                    if tx.send((first, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Results that came early, by index relative to the next one to deliver.
        let mut waiting: VecDeque<Option<R>> = VecDeque::new();
        let mut next = 0;
        let stop = StopOnPanic { queue, moved };
        while next < total {
            let Ok((first, results)) = rx.recv() else {
                break;
            };
            let at = first - next;
            if waiting.len() < at + results.len() {
                waiting.resize_with(at + results.len(), || None);
            }
            for (k, r) in results.into_iter().enumerate() {
                waiting[at + k] = Some(r);
            }
            let before = next;
            while let Some(Some(_)) = waiting.front() {
                if let Some(Some(r)) = waiting.pop_front() {
                    sink(r);
                }
                next += 1;
            }
            if next > before {
                let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
                q.delivered = next;
                if q.sleeping > 0 {
                    moved.notify_all();
                }
            }
        }
        drop(stop);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_whatever_the_timing() {
        let items: Vec<u64> = (0..2000).collect();
        let mut got = Vec::new();
        stream_ordered(
            items,
            8,
            |n| {
                // Uneven work, so workers finish out of order.
                if n % 97 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                n * 2
            },
            |r| got.push(r),
        );
        assert_eq!(got, (0..2000).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_panicking_worker_is_passed_on_and_nothing_hangs() {
        let result = std::panic::catch_unwind(|| {
            stream_ordered(
                (0..500).collect::<Vec<u32>>(),
                4,
                |n| {
                    assert!(n != 3, "kapot");
                    n
                },
                |_| {},
            );
        });
        assert!(result.is_err());
    }

    #[test]
    fn parallel_map_keeps_order() {
        let out = parallel_map((0..1000).collect::<Vec<u32>>(), |n| n + 1);
        assert_eq!(out, (1..1001).collect::<Vec<_>>());
    }
}
