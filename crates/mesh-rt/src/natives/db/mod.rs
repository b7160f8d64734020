//! The database layer's natives (stdlib §17, ARCHITECTURE decision 6): PostgreSQL through
//! `tokio-postgres` and `deadpool-postgres`, TLS through rustls.
//!
//! * [`conn`] — URLs and TLS, pools, the connection behind a `PgConn`, rollback of a
//!   transaction whose process crashed;
//! * [`pg`] — `Pg`, `Pool` and `Sql`: every call that talks to the server (all of them
//!   suspend the calling process, never an OS thread);
//! * [`value`] — parameters out (text format) and column values in (text or typed);
//! * [`error`] — `DbError`, its readable one-line form and the original's tab record;
//! * [`query`], [`orm`], [`ddl`], [`changeset`] — pure builders behind `Query`, `Orm`,
//!   `Migration` and `Changeset`.
//!
//! `Repo`, `Migration`'s executing helpers and the transaction helpers are Mesh code in
//! `std/` on top of these natives: a callback (`Repo.transaction(pool, f)`) must run as
//! Mesh code, since a native cannot call back into a process that may suspend.

pub mod changeset;
pub mod conn;
pub mod ddl;
pub mod error;
pub mod orm;
pub mod pg;
pub mod query;
pub mod value;

pub use error::{DbErr, DbTypes};
