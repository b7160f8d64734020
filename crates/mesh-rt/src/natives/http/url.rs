//! Percent-decoding of query strings and path parameters. Malformed input (a `%` not
//! followed by two hex digits, bytes that do not form UTF-8) is an error, which the server
//! answers with 400, rather than text silently different from what the client sent.

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`, as in query strings).
pub fn percent_decode(s: &str, plus_is_space: bool) -> Result<String, String> {
    if !s.bytes().any(|b| b == b'%' || (plus_is_space && b == b'+')) {
        return Ok(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|b| hex(*b));
                let lo = bytes.get(i + 2).and_then(|b| hex(*b));
                match (hi, lo) {
                    (Some(h), Some(l)) => out.push(h * 16 + l),
                    _ => return Err(format!("invalid percent-encoding in `{s}`")),
                }
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| format!("`{s}` does not decode to UTF-8 text"))
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Parses a query string (`a=1&b=x+y&flag`) into decoded pairs; a parameter without `=`
/// has the value `""`, empty items are skipped.
pub fn parse_query(q: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for item in q.split('&') {
        if item.is_empty() {
            continue;
        }
        let (k, v) = item.split_once('=').unwrap_or((item, ""));
        out.push((percent_decode(k, true)?, percent_decode(v, true)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_plus() {
        assert_eq!(percent_decode("a%20b+c", true).as_deref(), Ok("a b c"));
        assert_eq!(percent_decode("a%20b+c", false).as_deref(), Ok("a b+c"));
        assert_eq!(percent_decode("%C3%A9t%c3%a9", true).as_deref(), Ok("été"));
        assert_eq!(percent_decode("plain", true).as_deref(), Ok("plain"));
    }

    #[test]
    fn rejects_malformed_escapes_and_non_utf8() {
        assert!(percent_decode("100%", true).is_err());
        assert!(percent_decode("%zz", true).is_err());
        assert!(percent_decode("%4", true).is_err());
        assert!(percent_decode("%FF", true).is_err());
    }

    #[test]
    fn query_items() {
        let q = parse_query("a=1&b=x+y&&flag&c=%3D%26&a=2").unwrap_or_default();
        let pairs: Vec<(&str, &str)> = q.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            pairs,
            vec![
                ("a", "1"),
                ("b", "x y"),
                ("flag", ""),
                ("c", "=&"),
                ("a", "2")
            ]
        );
        assert!(parse_query("a=%").is_err());
    }
}
