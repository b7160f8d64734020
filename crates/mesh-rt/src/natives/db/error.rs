//! Database errors: one structure ([`DbErr`]) with three faces.
//!
//! * The typed API returns it as the Mesh struct `DbError` (SQLSTATE, message, constraint,
//!   table, column, detail).
//! * The string API (every function of the original, whose callers print or concatenate
//!   the error) returns its *readable line*: the server's message followed by the
//!   structured fields, on one line:
//!   `duplicate key value violates unique constraint "users_email_key" (SQLSTATE 23505;
//!   table "users"; constraint "users_email_key"; detail "Key (email)=(a@b.c) already
//!   exists.")`. Client-side failures (connecting, a closed pool) are the bare message.
//! * `Sql.error_from(line)` parses a readable line back into the structure, and
//!   `Sql.tab_record(e)` gives the original's tab-separated record
//!   (`SQLSTATE \t constraint \t table \t column \t message`).

use mesh_vm::bytecode::{TypeInfo, TypeKind};
use mesh_vm::Value;

/// A database error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DbErr {
    /// Five-character SQLSTATE; empty when the error did not come from the server.
    pub sqlstate: String,
    pub message: String,
    // Boxed strings keep the error small (it travels in `Result`s).
    pub constraint: Option<Box<str>>,
    pub table: Option<Box<str>>,
    pub column: Option<Box<str>>,
    pub detail: Option<Box<str>>,
}

/// The fields of the readable line after the SQLSTATE, in order.
const KEYS: [&str; 4] = ["table", "column", "constraint", "detail"];

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

impl DbErr {
    /// A client-side error (no SQLSTATE).
    pub fn client(message: impl Into<String>) -> DbErr {
        DbErr {
            message: message.into(),
            ..DbErr::default()
        }
    }

    /// The error of a driver call.
    pub fn from_pg(e: tokio_postgres::Error) -> DbErr {
        match e.as_db_error() {
            Some(db) => DbErr {
                sqlstate: db.code().code().to_string(),
                message: db.message().to_string(),
                constraint: db.constraint().map(Into::into),
                table: db.table().map(Into::into),
                column: db.column().map(Into::into),
                detail: db.detail().map(Into::into),
            },
            None => {
                let mut msg = e.to_string();
                // The driver's text omits the cause for some kinds (e.g. I/O errors).
                if let Some(src) = std::error::Error::source(&e) {
                    let s = src.to_string();
                    if !msg.contains(&s) {
                        msg = format!("{msg}: {s}");
                    }
                }
                DbErr::client(msg)
            }
        }
    }

    /// This error with `prefix: ` before its message.
    pub fn prefixed(mut self, prefix: &str) -> DbErr {
        self.message = format!("{prefix}: {}", self.message);
        self
    }

    fn field(&self, key: &str) -> Option<&str> {
        match key {
            "table" => self.table.as_deref(),
            "column" => self.column.as_deref(),
            "constraint" => self.constraint.as_deref(),
            _ => self.detail.as_deref(),
        }
    }

    /// The readable one-line form (see the module docs).
    pub fn line(&self) -> String {
        let msg = one_line(&self.message);
        if self.sqlstate.is_empty() {
            return msg;
        }
        let mut out = format!("{msg} (SQLSTATE {}", self.sqlstate);
        for key in KEYS {
            if let Some(v) = self.field(key) {
                out.push_str(&format!("; {key} \"{}\"", one_line(v).replace('"', "\"\"")));
            }
        }
        out.push(')');
        out
    }

    /// The original's tab-separated record.
    pub fn tab_record(&self) -> String {
        let f = |o: &Option<Box<str>>| o.as_deref().unwrap_or("").to_string();
        format!(
            "{}\t{}\t{}\t{}\t{}",
            self.sqlstate,
            f(&self.constraint),
            f(&self.table),
            f(&self.column),
            self.message
        )
    }

    /// Parses a readable line back (a line without the SQLSTATE part is a client error).
    pub fn parse_line(line: &str) -> DbErr {
        let mut start = line.len();
        while let Some(i) = line[..start].rfind(" (SQLSTATE ") {
            if let Some(e) = parse_tail(&line[..i], &line[i + 11..]) {
                return e;
            }
            start = i;
        }
        DbErr::client(line)
    }

    /// The Mesh `DbError` value (`()` if the program has no `DbError` type, which cannot
    /// happen with the standard library loaded).
    pub fn to_value(&self, types: &DbTypes) -> Value {
        let Some(id) = types.db_error else {
            return Value::str(self.line());
        };
        let opt = |o: &Option<Box<str>>| Value::option(o.as_deref().map(Value::str));
        Value::data(
            id,
            0,
            vec![
                Value::str(self.sqlstate.as_str()),
                Value::str(self.message.as_str()),
                opt(&self.constraint),
                opt(&self.table),
                opt(&self.column),
                opt(&self.detail),
            ],
        )
    }

    /// Reads a Mesh `DbError` value.
    pub fn from_value(v: &Value) -> Option<DbErr> {
        let f = v.data_fields();
        if f.len() != 6 {
            return None;
        }
        let opt = |v: &Value| v.to_option().and_then(|s| s.as_str()).map(Into::into);
        Some(DbErr {
            sqlstate: f[0].as_str()?.to_string(),
            message: f[1].as_str()?.to_string(),
            constraint: opt(&f[2]),
            table: opt(&f[3]),
            column: opt(&f[4]),
            detail: opt(&f[5]),
        })
    }
}

/// Parses `CODE; key "v"; …)` after ` (SQLSTATE `.
fn parse_tail(message: &str, tail: &str) -> Option<DbErr> {
    let body = tail.strip_suffix(')')?;
    let (code, mut rest) = body.split_at(body.find(';').unwrap_or(body.len()));
    if code.len() != 5 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut e = DbErr {
        sqlstate: code.to_string(),
        message: message.to_string(),
        ..DbErr::default()
    };
    while !rest.is_empty() {
        rest = rest.strip_prefix("; ")?;
        let (key, after) = rest.split_once(" \"")?;
        // The value runs to the first `"` not doubled.
        let mut value = String::new();
        let mut chars = after.char_indices().peekable();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            if c == '"' {
                if let Some((_, '"')) = chars.peek() {
                    chars.next();
                    value.push('"');
                    continue;
                }
                end = Some(i + 1);
                break;
            }
            value.push(c);
        }
        rest = &after[end?..];
        let value = Some(value.into_boxed_str());
        match key {
            "table" => e.table = value,
            "column" => e.column = value,
            "constraint" => e.constraint = value,
            "detail" => e.detail = value,
            _ => return None,
        }
    }
    Some(e)
}

/// Type ids of the std types the database natives build (`Sql.SqlValue`, `Sql.DbError`).
#[derive(Clone, Copy, Debug, Default)]
pub struct DbTypes {
    pub sql_value: Option<u32>,
    pub db_error: Option<u32>,
}

/// Variant order of `SqlValue` (std/sql.mpl).
pub const SQL_VARIANTS: [&str; 5] = ["SqlNull", "SqlInt", "SqlFloat", "SqlBool", "SqlText"];
/// Field order of `DbError` (std/sql.mpl).
pub const DB_ERROR_FIELDS: [&str; 6] = [
    "sqlstate",
    "message",
    "constraint",
    "table",
    "column",
    "detail",
];

impl DbTypes {
    /// Finds the types in a program's type table by name and shape.
    pub fn find(types: &[TypeInfo]) -> DbTypes {
        let named = |t: &TypeInfo, n: &str| t.name == n || t.name.ends_with(&format!(".{n}"));
        let sql_value = types.iter().position(|t| {
            named(t, "SqlValue")
                && matches!(&t.kind, TypeKind::Sum(vs) if vs.len() == SQL_VARIANTS.len()
                    && vs.iter().zip(SQL_VARIANTS).all(|(v, n)| v.name == n))
        });
        let db_error = types.iter().position(|t| {
            named(t, "DbError")
                && matches!(&t.kind, TypeKind::Struct(fs) if fs.len() == DB_ERROR_FIELDS.len()
                    && fs.iter().zip(DB_ERROR_FIELDS).all(|(f, n)| f.name == n))
        });
        DbTypes {
            sql_value: sql_value.and_then(|i| u32::try_from(i).ok()),
            db_error: db_error.and_then(|i| u32::try_from(i).ok()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unique() -> DbErr {
        DbErr {
            sqlstate: "23505".into(),
            message: "duplicate key value violates unique constraint \"users_email_key\"".into(),
            constraint: Some("users_email_key".into()),
            table: Some("users".into()),
            column: None,
            detail: Some("Key (email)=(a\"b@c) already exists.\nsecond line".into()),
        }
    }

    #[test]
    fn readable_line() {
        assert_eq!(
            unique().line(),
            "duplicate key value violates unique constraint \"users_email_key\" (SQLSTATE 23505; \
             table \"users\"; constraint \"users_email_key\"; detail \"Key (email)=(a\"\"b@c) \
             already exists. second line\")"
        );
        assert_eq!(DbErr::client("pool is closed").line(), "pool is closed");
    }

    #[test]
    fn lines_parse_back() {
        let mut e = unique();
        e.detail = Some("Key (email)=(a\"b@c) already exists. second line".into());
        assert_eq!(DbErr::parse_line(&e.line()), e);
        let c = DbErr::client("connection refused (SQLSTATE nonsense");
        assert_eq!(DbErr::parse_line(&c.line()), c);
        let plain = DbErr {
            sqlstate: "42P01".into(),
            message: "relation \"x\" does not exist".into(),
            ..DbErr::default()
        };
        assert_eq!(DbErr::parse_line(&plain.line()), plain);
    }

    #[test]
    fn tab_record() {
        assert_eq!(
            unique().tab_record(),
            "23505\tusers_email_key\tusers\t\tduplicate key value violates unique constraint \"users_email_key\""
        );
    }
}
