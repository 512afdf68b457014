//! The one place where transactions begin and where the busy timeout is set.
//!
//! A write begins `IMMEDIATE`: it takes the write lock at once (waiting at most the busy
//! timeout for another connection's write), so it never fails halfway on a lock. A read of
//! several tables begins `DEFERRED`, so it sees one consistent snapshot and takes no lock.
//! The store and the migrations both begin theirs here.

use crate::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::time::Duration;

/// How long a write waits for another connection's write lock before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Sets how long a write on `conn` waits for another connection's write lock.
pub(crate) fn set_busy_timeout(conn: &Connection, timeout: Duration) -> Result<()> {
    Ok(conn.busy_timeout(timeout)?)
}

/// Begins a write: an `IMMEDIATE` transaction (rolled back when dropped without commit).
pub(crate) fn write(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Begins a read of one consistent snapshot: a `DEFERRED` transaction on a shared connection.
pub(crate) fn read(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(conn.unchecked_transaction()?)
}
