use super::*;
use crate::token::TokenKind as T;

fn kinds(src: &str) -> Vec<TokenKind> {
    let (toks, diags) = lex(FileId(0), src);
    assert!(
        diags.is_empty(),
        "unexpected diagnostics for {src:?}: {diags:?}"
    );
    toks.into_iter()
        .map(|t| t.kind)
        .filter(|k| !matches!(k, T::Comment(_) | T::Eof))
        .collect()
}

fn errors(src: &str) -> Vec<String> {
    lex(FileId(0), src)
        .1
        .into_iter()
        .map(|d| d.message)
        .collect()
}

fn ident(s: &str) -> TokenKind {
    T::Ident(s.to_string())
}

fn text(s: &str) -> TokenKind {
    T::StringText(s.to_string())
}

#[test]
fn integers_in_all_radices() {
    assert_eq!(kinds("42"), vec![T::Int(42)]);
    assert_eq!(kinds("1_000_000"), vec![T::Int(1_000_000)]);
    assert_eq!(kinds("0xFF"), vec![T::Int(255)]);
    assert_eq!(kinds("0XfF_ff"), vec![T::Int(0xffff)]);
    assert_eq!(kinds("0b101"), vec![T::Int(5)]);
    assert_eq!(kinds("0B1_0"), vec![T::Int(2)]);
    assert_eq!(kinds("0o17"), vec![T::Int(15)]);
    assert_eq!(kinds("0O7_7"), vec![T::Int(63)]);
    assert_eq!(kinds("007"), vec![T::Int(7)]);
    assert_eq!(
        kinds("9223372036854775807"),
        vec![T::Int(9_223_372_036_854_775_807)]
    );
    // 2^63 is lexed (valid only after unary minus, checked by the parser).
    assert_eq!(kinds("9223372036854775808"), vec![T::Int(1 << 63)]);
    assert_eq!(
        kinds("0x7FFF_FFFF_FFFF_FFFF"),
        vec![T::Int(i64::MAX as u64)]
    );
}

#[test]
fn integer_errors_are_diagnostics() {
    assert_eq!(
        errors("99999999999999999999"),
        vec!["integer literal `99999999999999999999` does not fit in a 64-bit signed integer"]
    );
    assert_eq!(
        errors("0x1_0000_0000_0000_0001"),
        vec!["integer literal `0x1_0000_0000_0000_0001` does not fit in a 64-bit signed integer"]
    );
    assert_eq!(
        errors("0b102"),
        vec!["invalid digit `2` in binary literal `0b102`"]
    );
    assert_eq!(errors("0x"), vec!["hexadecimal literal `0x` has no digits"]);
    assert_eq!(
        errors("0o8"),
        vec!["invalid digit `8` in octal literal `0o8`"]
    );
}

#[test]
fn floats_ranges_and_method_calls_on_numbers() {
    assert_eq!(kinds("3.25"), vec![T::Float(3.25)]);
    assert_eq!(kinds("1e3"), vec![T::Float(1000.0)]);
    assert_eq!(kinds("2.5E-1"), vec![T::Float(0.25)]);
    assert_eq!(kinds("1_0.0_1e+1"), vec![T::Float(100.1)]);
    assert_eq!(kinds("1..5"), vec![T::Int(1), T::DotDot, T::Int(5)]);
    assert_eq!(
        kinds("5.to_string()"),
        vec![T::Int(5), T::Dot, ident("to_string"), T::LParen, T::RParen]
    );
    assert_eq!(kinds(".5"), vec![T::Dot, T::Int(5)]);
    // `e` not followed by a digit is not an exponent.
    assert_eq!(kinds("1else"), vec![T::Int(1), T::Keyword(Keyword::Else)]);
}

#[test]
fn identifiers_and_keywords() {
    assert_eq!(
        kinds("foo _bar _ Self héllo 名前 x1"),
        vec![
            ident("foo"),
            ident("_bar"),
            ident("_"),
            ident("Self"),
            ident("héllo"),
            ident("名前"),
            ident("x1")
        ]
    );
    assert_eq!(
        kinds("self fn end from"),
        vec![
            T::Keyword(Keyword::SelfKw),
            T::Keyword(Keyword::Fn),
            T::Keyword(Keyword::End),
            ident("from")
        ]
    );
    assert_eq!(kinds("ok?"), vec![ident("ok"), T::Question]);
}

#[test]
fn operators_by_maximal_munch() {
    let src = "+ ++ - -> * / % == = => != ! < <= <> > >= && || |> | :: : .. . ? , ; ( ) [ ] { }";
    assert_eq!(
        kinds(src),
        vec![
            T::Plus,
            T::PlusPlus,
            T::Minus,
            T::Arrow,
            T::Star,
            T::Slash,
            T::Percent,
            T::EqEq,
            T::Eq,
            T::FatArrow,
            T::NotEq,
            T::Bang,
            T::Lt,
            T::LtEq,
            T::Diamond,
            T::Gt,
            T::GtEq,
            T::AmpAmp,
            T::PipePipe,
            T::Pipe,
            T::Bar,
            T::ColonColon,
            T::Colon,
            T::DotDot,
            T::Dot,
            T::Question,
            T::Comma,
            T::Semi,
            T::LParen,
            T::RParen,
            T::LBracket,
            T::RBracket,
            T::LBrace,
            T::RBrace
        ]
    );
    assert_eq!(kinds(">>"), vec![T::Gt, T::Gt]);
    assert_eq!(kinds("%{"), vec![T::Percent, T::LBrace]);
    assert_eq!(kinds("a|>b"), vec![ident("a"), T::Pipe, ident("b")]);
}

#[test]
fn atoms_versus_colons() {
    assert_eq!(kinds(":name"), vec![T::Atom("name".into())]);
    assert_eq!(kinds(":_tmp1"), vec![T::Atom("_tmp1".into())]);
    assert_eq!(
        kinds("x :: Int"),
        vec![ident("x"), T::ColonColon, ident("Int")]
    );
    assert_eq!(kinds("a: 1"), vec![ident("a"), T::Colon, T::Int(1)]);
    assert_eq!(kinds(": Upper"), vec![T::Colon, ident("Upper")]);
    assert_eq!(kinds(":Upper"), vec![T::Colon, ident("Upper")]);
    assert_eq!(kinds(":1"), vec![T::Colon, T::Int(1)]);
    // The pitfall the reference has and we keep: `name:value` is a name and an atom.
    assert_eq!(
        kinds("key:value"),
        vec![ident("key"), T::Atom("value".into())]
    );
    assert_eq!(kinds("x::y"), vec![ident("x"), T::ColonColon, ident("y")]);
}

#[test]
fn simple_strings_and_escapes() {
    let s = |t: &str| vec![T::StringStart { triple: false }, text(t), T::StringEnd];
    assert_eq!(kinds(r#""hello""#), s("hello"));
    assert_eq!(kinds(r#""a\nb\tc\rd\0e""#), s("a\nb\tc\rd\0e"));
    assert_eq!(kinds(r#""q\"q \\ \$ \{ \u""#), s("q\"q \\ $ { u"));
    assert_eq!(kinds(r#""cost: \${x}""#), s("cost: ${x}"));
    assert_eq!(kinds("\"a # not a comment\""), s("a # not a comment"));
    assert_eq!(kinds("\"line1\nline2\""), s("line1\nline2"));
    assert_eq!(kinds("\"lone $ sign\""), s("lone $ sign"));
    assert_eq!(
        kinds(r#""""#),
        vec![T::StringStart { triple: false }, T::StringEnd]
    );
}

#[test]
fn triple_quoted_strings() {
    assert_eq!(
        kinds("\"\"\"\n  one \"quoted\" and \"\"two\"\"\n\"\"\""),
        vec![
            T::StringStart { triple: true },
            text("\n  one \"quoted\" and \"\"two\"\"\n"),
            T::StringEnd
        ]
    );
    assert_eq!(
        kinds("\"\"\"a${x}b\"\"\""),
        vec![
            T::StringStart { triple: true },
            text("a"),
            T::InterpStart,
            ident("x"),
            T::InterpEnd,
            text("b"),
            T::StringEnd
        ]
    );
}

#[test]
fn interpolation_nesting() {
    assert_eq!(
        kinds(r#""hi ${who}!""#),
        vec![
            T::StringStart { triple: false },
            text("hi "),
            T::InterpStart,
            ident("who"),
            T::InterpEnd,
            text("!"),
            T::StringEnd
        ]
    );
    // A struct literal's braces inside an interpolation and a nested interpolated string.
    assert_eq!(
        kinds(r#""${P {x: 1}} ${f("in ${y}")}""#),
        vec![
            T::StringStart { triple: false },
            T::InterpStart,
            ident("P"),
            T::LBrace,
            ident("x"),
            T::Colon,
            T::Int(1),
            T::RBrace,
            T::InterpEnd,
            text(" "),
            T::InterpStart,
            ident("f"),
            T::LParen,
            T::StringStart { triple: false },
            text("in "),
            T::InterpStart,
            ident("y"),
            T::InterpEnd,
            T::StringEnd,
            T::RParen,
            T::InterpEnd,
            T::StringEnd
        ]
    );
    // Newlines inside `${…}` are insignificant.
    assert_eq!(
        kinds("\"${a +\n b}\""),
        vec![
            T::StringStart { triple: false },
            T::InterpStart,
            ident("a"),
            T::Plus,
            ident("b"),
            T::InterpEnd,
            T::StringEnd
        ]
    );
}

#[test]
fn comments_are_trivia_and_block_comments_nest() {
    let (toks, diags) = lex(FileId(0), "# c\n## d\n##! m\nx #= a #= b =# c\n =# y");
    assert!(diags.is_empty());
    let ks: Vec<_> = toks.into_iter().map(|t| t.kind).collect();
    assert_eq!(
        ks,
        vec![
            T::Comment(CommentKind::Line),
            T::Newline,
            T::Comment(CommentKind::Doc),
            T::Newline,
            T::Comment(CommentKind::ModuleDoc),
            T::Newline,
            ident("x"),
            T::Comment(CommentKind::Block),
            ident("y"),
            T::Eof
        ]
    );
    assert_eq!(
        errors("#= open #= nested =#"),
        vec!["unterminated block comment `#=`"]
    );
}

#[test]
fn all_line_terminators_make_one_newline_each() {
    assert_eq!(
        kinds("a\nb\r\nc\rd"),
        vec![
            ident("a"),
            T::Newline,
            ident("b"),
            T::Newline,
            ident("c"),
            T::Newline,
            ident("d")
        ]
    );
    let (toks, _) = lex(FileId(0), "a\r\nb");
    assert_eq!(toks[1].span, Span::new(FileId(0), 1, 3));
}

#[test]
fn lexical_errors_are_reported_and_lexing_continues() {
    let (toks, diags) = lex(FileId(0), "a @ b & c $ `");
    let msgs: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "unexpected character `@`",
            "unexpected character `&`",
            "unexpected character `$`",
            "unexpected character ```",
        ]
    );
    assert!(diags.iter().all(|d| d.code == "P0001"));
    assert_eq!(diags[0].primary.span, Span::new(FileId(0), 2, 3));
    assert_eq!(
        toks.iter()
            .filter(|t| matches!(t.kind, T::Ident(_)))
            .count(),
        3
    );
}

#[test]
fn unterminated_strings_get_synthesized_closers() {
    let (toks, diags) = lex(FileId(0), "let s = \"abc");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].message, "unterminated string literal");
    assert_eq!(diags[0].primary.span, Span::new(FileId(0), 8, 9));
    let ks: Vec<_> = toks.into_iter().map(|t| t.kind).collect();
    assert_eq!(&ks[ks.len() - 3..], &[text("abc"), T::StringEnd, T::Eof]);

    let (toks, diags) = lex(FileId(0), "\"a ${b");
    assert_eq!(diags.len(), 1);
    let ks: Vec<_> = toks.into_iter().map(|t| t.kind).collect();
    assert_eq!(&ks[ks.len() - 3..], &[T::InterpEnd, T::StringEnd, T::Eof]);
}

#[test]
fn byte_order_mark_is_skipped() {
    assert_eq!(kinds("\u{feff}x"), vec![ident("x")]);
}
