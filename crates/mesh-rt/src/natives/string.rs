//! Natives of `String` (`std/string.mpl`). Lengths and indices count Unicode code points.
//! `String.collect` is written in Mesh.

use super::{clamp, int_of, Args, Ret};
use crate::context::ProcessCtx;
use mesh_vm::Value;

/// Byte offset of code point `idx` in `s` (`s.len()` past the end).
fn byte_offset(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `String.length(s)`: number of code points.
pub fn length(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(int_of(char_len(a.str(0)?)))
}

/// `String.slice(s, start, end)`: code points `start..end`, bounds clamped to `[0, len]`.
pub fn slice(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let s = a.str(0)?;
    let len = char_len(s);
    let start = clamp(a.int(1)?, len);
    let end = clamp(a.int(2)?, len);
    if end <= start {
        return Ok(Value::str(""));
    }
    if start == 0 && end == len {
        return a.take(0);
    }
    let from = byte_offset(s, start);
    let to = from + byte_offset(&s[from..], end - start);
    Ok(Value::str(&s[from..to]))
}

/// `String.contains(s, sub)`.
pub fn contains(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.str(0)?.contains(a.str(1)?)))
}

/// `String.starts_with(s, prefix)`.
pub fn starts_with(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.str(0)?.starts_with(a.str(1)?)))
}

/// `String.ends_with(s, suffix)`.
pub fn ends_with(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::Bool(a.str(0)?.ends_with(a.str(1)?)))
}

/// `String.trim(s)`: strips Unicode whitespace at both ends.
pub fn trim(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let s = a.str(0)?;
    let t = s.trim();
    if t.len() == s.len() {
        return a.take(0);
    }
    Ok(Value::str(t))
}

/// `String.to_upper(s)`: full Unicode upper-casing.
pub fn to_upper(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(a.str(0)?.to_uppercase()))
}

/// `String.to_lower(s)`: full Unicode lower-casing.
pub fn to_lower(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(a.str(0)?.to_lowercase()))
}

/// `String.replace(s, from, to)`: every non-overlapping occurrence; an empty `from`
/// inserts `to` between all code points and at both ends.
pub fn replace(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let s = a.str(0)?;
    let from = a.str(1)?;
    let to = a.str(2)?;
    if !from.is_empty() && !s.contains(from) {
        return a.take(0);
    }
    Ok(Value::str(s.replace(from, to)))
}

/// `String.split(s, sep)`: all pieces, empty ones kept; an empty `sep` splits between code
/// points (`["", c1, …, cn, ""]`).
pub fn split(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let s = a.str(0)?;
    let sep = a.str(1)?;
    Ok(Value::list(s.split(sep).map(Value::str)))
}

/// `String.join(list, sep)`.
pub fn join(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let items = a.list(0)?;
    let sep = a.str(1)?;
    let mut total = sep.len() * items.len().saturating_sub(1);
    for item in items.iter() {
        match item {
            Value::Str(s) => total += s.len(),
            other => {
                return Err(a.fail(format!(
                    "list elements should be Strings, got {}",
                    other.kind_name()
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(s) = item {
            out.push_str(s);
        }
    }
    Ok(Value::str(out))
}

/// `String.to_int(s)`: trims, then parses a base-10 `i64` (leading `+`/`-` allowed).
pub fn to_int(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::option(
        a.str(0)?.trim().parse::<i64>().ok().map(Value::Int),
    ))
}

/// `String.to_float(s)`: trims, then parses with Rust's float grammar (`1e3`, `inf`, `NaN`).
pub fn to_float(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::option(
        a.str(0)?.trim().parse::<f64>().ok().map(Value::Float),
    ))
}

/// `String.from(x)`: the `Display` text of any value (strings unchanged).
pub fn from(ctx: &mut ProcessCtx, a: &mut Args) -> Ret {
    match a.take(0)? {
        s @ Value::Str(_) => Ok(s),
        v => Ok(Value::str(mesh_vm::ops::display(&v, ctx.types()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::natives::testing::{self, call, dbg, show, strs};

    fn s(v: &str) -> Value {
        Value::str(v)
    }

    fn text(r: Ret) -> String {
        match r {
            Ok(v) => show(&v),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn length_counts_code_points() {
        assert_eq!(text(call(length, "String.length", vec![s("café")])), "4");
        assert_eq!(text(call(length, "String.length", vec![s("")])), "0");
        assert_eq!(text(call(length, "String.length", vec![s("a😀b")])), "3");
    }

    #[test]
    fn slice_clamps_and_never_fails() {
        let sl = |st: &str, a: i64, b: i64| {
            text(call(
                slice,
                "String.slice",
                vec![s(st), Value::Int(a), Value::Int(b)],
            ))
        };
        assert_eq!(sl("hello", 1, 3), "el");
        assert_eq!(sl("café!", 2, 4), "fé");
        assert_eq!(sl("héllo", -5, 2), "hé");
        assert_eq!(sl("hello", 3, 100), "lo");
        assert_eq!(sl("hello", 4, 2), "");
        assert_eq!(sl("hello", 10, 20), "");
        assert_eq!(sl("hello", 0, 5), "hello");
        assert_eq!(sl("", 0, 1), "");
        assert_eq!(sl("😀😁😂", 1, 2), "😁");
        assert_eq!(sl("x", i64::MIN, i64::MAX), "x");
    }

    #[test]
    fn predicates() {
        let b = |f: fn(&mut ProcessCtx, &mut Args) -> Ret, x: &str, y: &str| {
            text(call(f, "String.p", vec![s(x), s(y)]))
        };
        assert_eq!(b(contains, "hello", "ell"), "true");
        assert_eq!(b(contains, "hello", ""), "true");
        assert_eq!(b(contains, "", ""), "true");
        assert_eq!(b(contains, "hello", "xyz"), "false");
        assert_eq!(b(starts_with, "hello", "he"), "true");
        assert_eq!(b(starts_with, "hello", "lo"), "false");
        assert_eq!(b(ends_with, "hello", "lo"), "true");
        assert_eq!(b(ends_with, "hello", ""), "true");
    }

    #[test]
    fn trim_and_case() {
        assert_eq!(
            dbg(&call(trim, "String.trim", vec![s(" \t a b \n\u{3000}")]).unwrap_or_default()),
            "a b"
        );
        assert_eq!(
            text(call(to_upper, "String.to_upper", vec![s("straße é")])),
            "STRASSE É"
        );
        assert_eq!(text(call(to_lower, "String.to_lower", vec![s("ÀB")])), "àb");
    }

    #[test]
    fn replace_all_occurrences() {
        let r = |x: &str, f: &str, t: &str| {
            text(call(replace, "String.replace", vec![s(x), s(f), s(t)]))
        };
        assert_eq!(r("a-b-c", "-", "+"), "a+b+c");
        assert_eq!(r("aaaa", "aa", "b"), "bb");
        assert_eq!(r("abc", "", "-"), "-a-b-c-");
        assert_eq!(r("", "", "-"), "-");
        assert_eq!(r("abc", "x", "y"), "abc");
        assert_eq!(r("héé", "é", "e"), "hee");
    }

    #[test]
    fn split_keeps_empty_pieces() {
        let sp = |x: &str, sep: &str| text(call(split, "String.split", vec![s(x), s(sep)]));
        assert_eq!(sp("a,,b", ","), "[a, , b]");
        let one = call(split, "String.split", vec![s(""), s(",")]).unwrap_or_default();
        assert_eq!(one.as_list().map(|l| l.len()), Some(1));
        assert_eq!(sp("abc", ""), "[, a, b, c, ]");
        assert_eq!(sp("a, b", ", "), "[a, b]");
        assert_eq!(sp(",a,", ","), "[, a, ]");
    }

    #[test]
    fn join_takes_the_list_first() {
        assert_eq!(
            text(call(
                join,
                "String.join",
                vec![strs(&["a", "b", "c"]), s(", ")]
            )),
            "a, b, c"
        );
        assert_eq!(text(call(join, "String.join", vec![strs(&[]), s(",")])), "");
        assert_eq!(
            text(call(join, "String.join", vec![testing::ints(&[1]), s(",")])),
            "error: String.join: list elements should be Strings, got Int"
        );
    }

    #[test]
    fn to_int_parses_trimmed_decimal() {
        let p = |x: &str| text(call(to_int, "String.to_int", vec![s(x)]));
        assert_eq!(p("42"), "Some(42)");
        assert_eq!(p("  -7 \n"), "Some(-7)");
        assert_eq!(p("+5"), "Some(5)");
        assert_eq!(p("9223372036854775807"), "Some(9223372036854775807)");
        assert_eq!(p("9223372036854775808"), "None");
        assert_eq!(p("12a"), "None");
        assert_eq!(p("1.5"), "None");
        assert_eq!(p(""), "None");
        assert_eq!(p("0x10"), "None");
    }

    #[test]
    fn to_float_uses_rust_grammar() {
        let p = |x: &str| text(call(to_float, "String.to_float", vec![s(x)]));
        assert_eq!(p("1.5"), "Some(1.5)");
        assert_eq!(p(" 1e3 "), "Some(1000)");
        assert_eq!(p("inf"), "Some(inf)");
        assert_eq!(p("-inf"), "Some(-inf)");
        assert_eq!(p("NaN"), "Some(NaN)");
        assert_eq!(p("3"), "Some(3)");
        assert_eq!(p("abc"), "None");
        assert_eq!(p(""), "None");
    }

    #[test]
    fn from_is_display() {
        let f = |v: Value| text(call(from, "String.from", vec![v]));
        assert_eq!(f(Value::Int(42)), "42");
        assert_eq!(f(Value::Float(3.0)), "3");
        assert_eq!(f(Value::Float(95.5)), "95.5");
        assert_eq!(f(Value::Bool(true)), "true");
        assert_eq!(f(s("same")), "same");
        assert_eq!(f(strs(&["hello", "world"])), "[hello, world]");
        assert_eq!(
            f(Value::data(
                testing::POINT,
                0,
                vec![Value::Int(1), Value::Int(2)]
            )),
            "Point(1, 2)"
        );
    }
}
