//! The parser must terminate without panicking on any input: every prefix of real
//! programs, random mutations of them, and absurdly deep nesting.
use mesh_syntax::{parse, FileId, ParseOptions};

const SAMPLES: &[&str] = &[
    include_str!("samples/shop.mpl"),
    include_str!("samples/concurrency.mpl"),
    include_str!("samples/traits.mpl"),
];

fn parse_all(text: &str) {
    let parsed = parse(FileId(0), text, ParseOptions::default());
    // Diagnostics must point inside the text.
    for d in &parsed.diagnostics {
        assert!(d.primary.span.start as usize <= text.len());
        assert!(d.primary.span.end as usize <= text.len());
    }
    let _ = parse(FileId(0), text, ParseOptions { std_mode: true });
}

#[test]
fn samples_parse_cleanly() {
    for s in SAMPLES {
        let parsed = parse(FileId(0), s, ParseOptions::default());
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    }
}

#[test]
fn every_prefix_of_the_samples() {
    for s in SAMPLES {
        for (i, _) in s.char_indices() {
            parse_all(&s[..i]);
        }
    }
}

#[test]
fn every_suffix_of_the_samples() {
    for s in SAMPLES {
        for (i, _) in s.char_indices().step_by(3) {
            parse_all(&s[i..]);
        }
    }
}

/// xorshift64*: deterministic pseudo-random numbers without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "%{",
    "do",
    "end",
    "fn",
    "fn x ->",
    "->",
    "|",
    "|>",
    "\n",
    ";",
    ",",
    "\"",
    "${",
    "\"\"\"",
    "#=",
    "=#",
    "::",
    ":",
    ":a",
    "else",
    "if",
    "case",
    "let",
    "=",
    "=>",
    "when",
    "receive",
    "after",
    "-",
    "0x",
    "1.",
    "struct",
    "type",
    "pub",
    "service",
    "call",
    "@",
    "'",
    "\\",
    "é",
    "return",
    "for",
    "in",
    "def",
    "deriving(",
    "self(",
    "terminate",
    "\r",
];

#[test]
fn random_mutations_of_the_samples() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for s in SAMPLES {
        let chars: Vec<char> = s.chars().collect();
        for _ in 0..400 {
            let mut text: String = chars.iter().collect();
            for _ in 0..1 + rng.below(4) {
                let cut: Vec<char> = text.chars().collect();
                let at = rng.below(cut.len() + 1);
                let mut out: String = cut[..at].iter().collect();
                match rng.below(3) {
                    0 => out.push_str(PIECES[rng.below(PIECES.len())]),
                    1 => {
                        let skip = rng.below(12).min(cut.len() - at);
                        out.extend(cut[at + skip..].iter());
                        text = out;
                        continue;
                    }
                    _ => {
                        let from = rng.below(cut.len());
                        let len = rng.below(20).min(cut.len() - from);
                        out.extend(cut[from..from + len].iter());
                    }
                }
                out.extend(cut[at..].iter());
                text = out;
            }
            parse_all(&text);
        }
    }
}

#[test]
fn random_token_soup() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..rng.below(40) {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            text.push(' ');
        }
        parse_all(&text);
    }
}

/// Deeply nested input must produce a diagnostic, not a stack overflow — even on a
/// thread with the default 2 MiB test stack.
#[test]
fn deep_nesting_is_rejected_gracefully() {
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let n = 5000;
            let cases = [
                "(".repeat(n) + "1",
                "[".repeat(n),
                "-".repeat(n) + "1",
                "not ".repeat(n) + "x",
                "fn main() do\n".to_string() + &"if a do\n".repeat(n),
                "f(fn do ".repeat(n),
                "\"${".repeat(n),
                "case x do ".to_string() + &"(".repeat(n),
                "case x do ".to_string() + &"a :: ".repeat(n),
                "let x :: ".to_string() + &"List<".repeat(n),
                "let x :: ".to_string() + &"Fun(".repeat(n),
                "%{".repeat(n),
                "x = ".to_string() + &"a.b".repeat(n),
                "#=".repeat(n),
            ];
            // Long flat chains are iterative and fine.
            let flat = "1 + ".repeat(n) + "1";
            assert!(parse(FileId(0), &flat, ParseOptions::default())
                .diagnostics
                .is_empty());
            for c in &cases {
                let parsed = parse(FileId(0), c, ParseOptions::default());
                assert!(
                    !parsed.diagnostics.is_empty(),
                    "no error for {:?}",
                    &c[..20]
                );
            }
        });
    let result = handle.map(|h| h.join());
    assert!(
        matches!(result, Ok(Ok(()))),
        "deep nesting crashed the parser"
    );
}
