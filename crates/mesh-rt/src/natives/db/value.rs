//! PostgreSQL values in and out: parameters are sent in *text* format with the server
//! inferring (or being told) their type, and result columns, which tokio-postgres always
//! receives in binary format, are turned back into text (the original's string rows,
//! stdlib §17.1) or into typed [`Cell`]s (the typed API and `deriving(Row)`).
//!
//! Text rendering follows PostgreSQL's own output functions for the common types with the
//! session settings a fresh server has (DateStyle ISO; timestamps with time zone are shown
//! in UTC), so `count(*)` reads `5`, booleans `t`/`f`, and `::text` casts are never needed
//! for simple columns. A column of a type not handled here is an error that names it and
//! suggests a `::text` cast.

use std::fmt::Write as _;
use tokio_postgres::types::{Format, FromSql, IsNull, Kind, ToSql, Type};

/// A column value as received: its raw binary bytes (`None` for SQL NULL).
pub struct Raw<'a>(pub &'a [u8]);

impl<'a> FromSql<'a> for Raw<'a> {
    fn from_sql(
        _: &Type,
        raw: &'a [u8],
    ) -> Result<Raw<'a>, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw(raw))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// A parameter sent in text format: the server parses it as whatever type it inferred for
/// the placeholder (or the type declared with it). `None` is SQL NULL.
#[derive(Debug)]
pub struct TextParam(pub Option<String>);

impl ToSql for TextParam {
    fn to_sql(
        &self,
        _: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match &self.0 {
            Some(s) => {
                out.extend_from_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            None => Ok(IsNull::Yes),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    fn encode_format(&self, _: &Type) -> Format {
        Format::Text
    }

    tokio_postgres::types::to_sql_checked!();
}

/// The placeholder type "unspecified": the server infers it from the statement.
pub fn unspecified() -> Type {
    Type::new("unknown".into(), 0, Kind::Pseudo, "pg_catalog".into())
}

/// A typed value: what a column holds, or a parameter to send.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
}

impl Cell {
    /// The parameter to send for this value and the type to declare for it: Int, Float
    /// and Bool are declared (`int8`, `float8`, `bool`), text is left for the server to
    /// infer (so it can be a uuid, a timestamp, JSON…).
    pub fn param(&self) -> (TextParam, Type) {
        match self {
            Cell::Null => (TextParam(None), unspecified()),
            Cell::Int(i) => (TextParam(Some(i.to_string())), Type::INT8),
            Cell::Float(f) => (TextParam(Some(float_text(*f))), Type::FLOAT8),
            Cell::Bool(b) => (
                TextParam(Some(if *b { "t" } else { "f" }.to_string())),
                Type::BOOL,
            ),
            Cell::Text(s) => (TextParam(Some(s.clone())), unspecified()),
        }
    }
}

/// Why a column could not be read.
#[derive(Debug, PartialEq)]
pub struct Unreadable(pub String);

fn short(what: &str, ty: &Type) -> Unreadable {
    Unreadable(format!("malformed {what} value of type {}", ty.name()))
}

fn be<const N: usize>(raw: &[u8], ty: &Type) -> Result<[u8; N], Unreadable> {
    raw.try_into().map_err(|_| short("binary", ty))
}

/// PostgreSQL's text for a float8 (shortest round-trip digits, `NaN`, `Infinity`).
pub fn float_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        format!("{f}")
    }
}

/// Microseconds between 1970-01-01 and 2000-01-01 (PostgreSQL's epoch).
const PG_EPOCH_DAYS: i64 = 10_957;

/// `(year, month, day)` of a day number counted from 1970-01-01 (proleptic Gregorian).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `YYYY-MM-DD` (with ` BC` for years before 1, as PostgreSQL writes them).
fn date_text(days_since_2000: i64) -> String {
    let (y, m, d) = civil(days_since_2000 + PG_EPOCH_DAYS);
    if y <= 0 {
        format!("{:04}-{m:02}-{d:02} BC", 1 - y)
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// `HH:MM:SS[.ffffff]` (trailing zeros of the fraction dropped).
fn time_text(us: i64) -> String {
    let secs = us.div_euclid(1_000_000);
    let frac = us.rem_euclid(1_000_000);
    let mut s = format!(
        "{:02}:{:02}:{:02}",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    );
    if frac != 0 {
        let f = format!("{frac:06}");
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    s
}

/// A timestamp (microseconds since 2000-01-01) as `date SEP time`.
fn timestamp_text(us: i64, sep: char) -> String {
    if us == i64::MAX {
        return "infinity".into();
    }
    if us == i64::MIN {
        return "-infinity".into();
    }
    let days = us.div_euclid(86_400_000_000);
    let rest = us.rem_euclid(86_400_000_000);
    let date = date_text(days);
    match date.strip_suffix(" BC") {
        Some(d) => format!("{d}{sep}{} BC", time_text(rest)),
        None => format!("{date}{sep}{}", time_text(rest)),
    }
}

/// How a timestamp is written.
#[derive(Clone, Copy, PartialEq)]
pub enum Style {
    /// PostgreSQL's text output (`2026-02-16 12:00:00.5+00`), for the string rows.
    Postgres,
    /// RFC 3339 (`2026-02-16T12:00:00.5Z`), for typed rows.
    Rfc3339,
}

/// The text of a `numeric` in binary form.
fn numeric_text(raw: &[u8], ty: &Type) -> Result<String, Unreadable> {
    let word = |i: usize| -> Result<i16, Unreadable> {
        raw.get(i * 2..i * 2 + 2)
            .map(|b| i16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| short("numeric", ty))
    };
    let ndigits = word(0)?.max(0) as usize;
    let weight = word(1)? as i64;
    let sign = word(2)? as u16;
    let dscale = word(3)?.max(0) as usize;
    match sign {
        0xC000 => return Ok("NaN".into()),
        0xD000 => return Ok("Infinity".into()),
        0xF000 => return Ok("-Infinity".into()),
        _ => {}
    }
    let mut digits = Vec::with_capacity(ndigits);
    for i in 0..ndigits {
        digits.push(word(4 + i)? as i64);
    }
    let mut out = String::new();
    if sign == 0x4000 {
        out.push('-');
    }
    // Integer part: groups 0..=weight.
    if weight < 0 {
        out.push('0');
    } else {
        for g in 0..=weight {
            let d = digits.get(g as usize).copied().unwrap_or(0);
            if g == 0 {
                let _ = write!(out, "{d}");
            } else {
                let _ = write!(out, "{d:04}");
            }
        }
    }
    if dscale > 0 {
        out.push('.');
        let mut frac = String::new();
        let mut g = weight + 1;
        while frac.len() < dscale {
            let d = if g < 0 {
                0
            } else {
                digits.get(g as usize).copied().unwrap_or(0)
            };
            let _ = write!(frac, "{d:04}");
            g += 1;
        }
        frac.truncate(dscale);
        out.push_str(&frac);
    }
    Ok(out)
}

/// The text of an interval (PostgreSQL's default `postgres` IntervalStyle).
fn interval_text(raw: &[u8], ty: &Type) -> Result<String, Unreadable> {
    let b: [u8; 16] = be(raw, ty)?;
    let us = i64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    let days = i32::from_be_bytes([b[8], b[9], b[10], b[11]]);
    let months = i32::from_be_bytes([b[12], b[13], b[14], b[15]]);
    let mut parts = Vec::new();
    let (years, mons) = (months / 12, months % 12);
    let unit = |n: i32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if years != 0 {
        parts.push(unit(years, "year", "years"));
    }
    if mons != 0 {
        parts.push(unit(mons, "mon", "mons"));
    }
    if days != 0 {
        parts.push(unit(days, "day", "days"));
    }
    if us != 0 || parts.is_empty() {
        let neg = us < 0;
        let t = time_text(us.abs());
        parts.push(if neg { format!("-{t}") } else { t });
    }
    Ok(parts.join(" "))
}

fn hex(raw: &[u8]) -> String {
    let mut s = String::with_capacity(raw.len() * 2);
    for b in raw {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn utf8(raw: &[u8], ty: &Type) -> Result<String, Unreadable> {
    String::from_utf8(raw.to_vec()).map_err(|_| short("text", ty))
}

/// The text of an array in binary form (`{1,2,3}`, `{"a b",NULL}`).
fn array_text(raw: &[u8], elem: &Type, style: Style) -> Result<String, Unreadable> {
    let bad = || Unreadable(format!("malformed array of {}", elem.name()));
    let int = |at: usize| -> Result<i32, Unreadable> {
        raw.get(at..at + 4)
            .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(bad)
    };
    let ndim = int(0)?.max(0) as usize;
    if ndim == 0 {
        return Ok("{}".into());
    }
    let mut dims = Vec::with_capacity(ndim);
    for d in 0..ndim {
        dims.push(int(12 + d * 8)?.max(0) as usize);
    }
    let mut at = 12 + ndim * 8;
    let total: usize = dims.iter().product();
    let mut items = Vec::with_capacity(total);
    for _ in 0..total {
        let len = int(at)?;
        at += 4;
        if len < 0 {
            items.push("NULL".to_string());
            continue;
        }
        let bytes = raw.get(at..at + len as usize).ok_or_else(bad)?;
        at += len as usize;
        let t = render(elem, bytes, style)?;
        let needs_quotes = t.is_empty()
            || t.eq_ignore_ascii_case("null")
            || t.chars()
                .any(|c| matches!(c, '{' | '}' | ',' | '"' | '\\') || c.is_whitespace());
        items.push(if needs_quotes {
            format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            t
        });
    }
    // Nest the flat items by the dimensions, innermost first.
    fn nest(items: &[String], dims: &[usize]) -> String {
        match dims {
            [] | [_] => format!("{{{}}}", items.join(",")),
            [_, rest @ ..] => {
                let step: usize = rest.iter().product::<usize>().max(1);
                let parts: Vec<String> = items.chunks(step).map(|c| nest(c, rest)).collect();
                format!("{{{}}}", parts.join(","))
            }
        }
    }
    Ok(nest(&items, &dims))
}

/// The text form of a non-NULL column value of type `ty`.
pub fn render(ty: &Type, raw: &[u8], style: Style) -> Result<String, Unreadable> {
    if let Kind::Array(elem) = ty.kind() {
        return array_text(raw, elem, style);
    }
    if let Kind::Enum(_) = ty.kind() {
        return utf8(raw, ty);
    }
    if let Kind::Domain(base) = ty.kind() {
        return render(base, raw, style);
    }
    Ok(match *ty {
        Type::BOOL => match raw {
            [0] => "f".into(),
            [_] => "t".into(),
            _ => return Err(short("bool", ty)),
        },
        Type::INT2 => i16::from_be_bytes(be(raw, ty)?).to_string(),
        Type::INT4 => i32::from_be_bytes(be(raw, ty)?).to_string(),
        Type::INT8 => i64::from_be_bytes(be(raw, ty)?).to_string(),
        Type::OID | Type::XID | Type::CID => u32::from_be_bytes(be(raw, ty)?).to_string(),
        Type::FLOAT4 => {
            let f = f32::from_be_bytes(be(raw, ty)?);
            if f.is_finite() {
                format!("{f}")
            } else {
                float_text(f as f64)
            }
        }
        Type::FLOAT8 => float_text(f64::from_be_bytes(be(raw, ty)?)),
        Type::NUMERIC => numeric_text(raw, ty)?,
        Type::TEXT
        | Type::VARCHAR
        | Type::BPCHAR
        | Type::NAME
        | Type::UNKNOWN
        | Type::JSON
        | Type::XML
        | Type::REGCLASS
        | Type::TS_VECTOR => {
            if *ty == Type::REGCLASS {
                return Err(Unreadable(format!(
                    "type {} has no text form here",
                    ty.name()
                )));
            }
            utf8(raw, ty)?
        }
        Type::CHAR => match raw {
            [b] => (*b as char).to_string(),
            _ => return Err(short("char", ty)),
        },
        Type::JSONB => match raw.split_first() {
            Some((1, rest)) => utf8(rest, ty)?,
            _ => return Err(short("jsonb", ty)),
        },
        Type::UUID => {
            let h = hex(raw);
            if h.len() != 32 {
                return Err(short("uuid", ty));
            }
            format!(
                "{}-{}-{}-{}-{}",
                &h[0..8],
                &h[8..12],
                &h[12..16],
                &h[16..20],
                &h[20..32]
            )
        }
        Type::BYTEA => format!("\\x{}", hex(raw)),
        Type::DATE => {
            let d = i32::from_be_bytes(be(raw, ty)?);
            match d {
                i32::MAX => "infinity".into(),
                i32::MIN => "-infinity".into(),
                d => date_text(d as i64),
            }
        }
        Type::TIME => time_text(i64::from_be_bytes(be(raw, ty)?)),
        Type::TIMETZ => {
            let b: [u8; 12] = be(raw, ty)?;
            let us = i64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            // The zone is stored in seconds *west* of UTC.
            let west = i32::from_be_bytes([b[8], b[9], b[10], b[11]]);
            format!("{}{}", time_text(us), offset_text(-west))
        }
        Type::TIMESTAMP => {
            let us = i64::from_be_bytes(be(raw, ty)?);
            timestamp_text(us, if style == Style::Rfc3339 { 'T' } else { ' ' })
        }
        Type::TIMESTAMPTZ => {
            let us = i64::from_be_bytes(be(raw, ty)?);
            let t = timestamp_text(us, if style == Style::Rfc3339 { 'T' } else { ' ' });
            if us == i64::MAX || us == i64::MIN {
                t
            } else if style == Style::Rfc3339 {
                format!("{t}Z")
            } else {
                format!("{t}+00")
            }
        }
        Type::INTERVAL => interval_text(raw, ty)?,
        _ => {
            return Err(Unreadable(format!(
                "type {} cannot be read; cast the column to text in SQL (`col::text`)",
                ty.name()
            )))
        }
    })
}

/// `+HH[:MM]` for an offset in seconds east of UTC.
fn offset_text(east: i32) -> String {
    let sign = if east < 0 { '-' } else { '+' };
    let a = east.unsigned_abs();
    let (h, m) = (a / 3600, (a / 60) % 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}:{m:02}")
    }
}

/// The typed value of a column.
pub fn cell(ty: &Type, raw: Option<&[u8]>) -> Result<Cell, Unreadable> {
    let Some(raw) = raw else {
        return Ok(Cell::Null);
    };
    let base = match ty.kind() {
        Kind::Domain(b) => b,
        _ => ty,
    };
    Ok(match *base {
        Type::BOOL => Cell::Bool(raw.first().is_some_and(|b| *b != 0)),
        Type::INT2 => Cell::Int(i16::from_be_bytes(be(raw, ty)?) as i64),
        Type::INT4 => Cell::Int(i32::from_be_bytes(be(raw, ty)?) as i64),
        Type::INT8 => Cell::Int(i64::from_be_bytes(be(raw, ty)?)),
        Type::OID => Cell::Int(u32::from_be_bytes(be(raw, ty)?) as i64),
        Type::FLOAT4 => Cell::Float(f32::from_be_bytes(be(raw, ty)?) as f64),
        Type::FLOAT8 => Cell::Float(f64::from_be_bytes(be(raw, ty)?)),
        Type::NUMERIC => {
            let t = numeric_text(raw, ty)?;
            let f = match t.as_str() {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                "-Infinity" => f64::NEG_INFINITY,
                other => other.parse().map_err(|_| short("numeric", ty))?,
            };
            Cell::Float(f)
        }
        _ => Cell::Text(render(ty, raw, Style::Rfc3339)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(date_text(0), "2000-01-01");
        assert_eq!(date_text(9543), "2026-02-16");
        assert_eq!(date_text(-1), "1999-12-31");
        let us = (9543i64 * 86_400 + 12 * 3600) * 1_000_000 + 500_000;
        assert_eq!(timestamp_text(us, ' '), "2026-02-16 12:00:00.5");
        assert_eq!(timestamp_text(us, 'T'), "2026-02-16T12:00:00.5");
        assert_eq!(time_text(3_723_000_001), "01:02:03.000001");
        assert_eq!(offset_text(5 * 3600 + 30 * 60), "+05:30");
        assert_eq!(offset_text(-3600), "-01");
    }

    #[test]
    fn numerics() {
        // 12345.678 → ndigits 3, weight 1, digits [1, 2345, 6780], dscale 3.
        let mut raw = Vec::new();
        for w in [3i16, 1, 0, 3, 1, 2345, 6780] {
            raw.extend_from_slice(&w.to_be_bytes());
        }
        assert_eq!(numeric_text(&raw, &Type::NUMERIC), Ok("12345.678".into()));
        // 0.05 → ndigits 1, weight -1, digits [500], dscale 2.
        let mut raw = Vec::new();
        for w in [1i16, -1, 0, 2, 500] {
            raw.extend_from_slice(&w.to_be_bytes());
        }
        assert_eq!(numeric_text(&raw, &Type::NUMERIC), Ok("0.05".into()));
        // -7 → ndigits 1, weight 0, sign negative, digits [7], dscale 0.
        let mut raw = Vec::new();
        for w in [1i16, 0, 0x4000, 0, 7] {
            raw.extend_from_slice(&w.to_be_bytes());
        }
        assert_eq!(numeric_text(&raw, &Type::NUMERIC), Ok("-7".into()));
    }

    #[test]
    fn scalars() {
        assert_eq!(render(&Type::BOOL, &[1], Style::Postgres), Ok("t".into()));
        assert_eq!(
            render(&Type::INT4, &42i32.to_be_bytes(), Style::Postgres),
            Ok("42".into())
        );
        assert_eq!(
            render(&Type::JSONB, b"\x01{\"a\": 1}", Style::Postgres),
            Ok("{\"a\": 1}".into())
        );
        assert_eq!(
            render(&Type::UUID, &[0xab; 16], Style::Postgres),
            Ok("abababab-abab-abab-abab-abababababab".into())
        );
        assert_eq!(float_text(f64::INFINITY), "Infinity");
        assert_eq!(float_text(1.5), "1.5");
        assert!(render(&Type::POINT, &[0; 16], Style::Postgres).is_err());
    }
}
