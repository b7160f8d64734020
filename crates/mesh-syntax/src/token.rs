//! Tokens produced by the lexer (language reference §1).
//!
//! Newlines are real tokens (the parser decides when they matter, §2) and comments are
//! kept as trivia tokens so that tooling (formatter, LSP) can see them; the parser drops
//! them before it starts.

use crate::span::Span;

/// One token with the byte range it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Which flavour of comment a [`TokenKind::Comment`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentKind {
    /// `# text`
    Line,
    /// `## text`
    Doc,
    /// `##! text`
    ModuleDoc,
    /// `#= … =#` (nestable)
    Block,
}

/// The kind (and payload) of a token.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier that is not a keyword (`Self`, `from`, `deriving`… are identifiers).
    Ident(String),
    /// One of the 48 reserved words.
    Keyword(Keyword),
    /// An integer literal's magnitude. It is at most 2^63 (one more than `i64::MAX`, which
    /// is only valid directly after a unary minus; the parser checks that).
    Int(u64),
    Float(f64),
    /// `:name` — the text without the colon.
    Atom(String),
    /// Opening `"` or `"""`.
    StringStart {
        triple: bool,
    },
    /// Literal string content with escapes already processed.
    StringText(String),
    /// `${` inside a string.
    InterpStart,
    /// The `}` closing an interpolation.
    InterpEnd,
    /// Closing `"` or `"""`.
    StringEnd,
    /// `\n`, `\r\n` or a lone `\r`.
    Newline,
    /// Trivia; never seen by the parser.
    Comment(CommentKind),
    Plus,
    PlusPlus,
    Minus,
    Arrow,
    Star,
    Slash,
    Percent,
    EqEq,
    Eq,
    FatArrow,
    NotEq,
    Bang,
    Lt,
    LtEq,
    Diamond,
    Gt,
    GtEq,
    AmpAmp,
    PipePipe,
    /// `|>`
    Pipe,
    /// `|`
    Bar,
    ColonColon,
    Colon,
    DotDot,
    Dot,
    Question,
    Comma,
    Semi,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    /// A character that starts no token; the lexer has already reported it.
    Error,
    /// End of input (always the last token).
    Eof,
}

impl TokenKind {
    /// The fixed spelling of punctuation and keywords (`None` for tokens with a payload).
    pub fn fixed_text(&self) -> Option<&'static str> {
        use TokenKind::*;
        Some(match self {
            Keyword(k) => k.as_str(),
            InterpStart => "${",
            InterpEnd => "}",
            Plus => "+",
            PlusPlus => "++",
            Minus => "-",
            Arrow => "->",
            Star => "*",
            Slash => "/",
            Percent => "%",
            EqEq => "==",
            Eq => "=",
            FatArrow => "=>",
            NotEq => "!=",
            Bang => "!",
            Lt => "<",
            LtEq => "<=",
            Diamond => "<>",
            Gt => ">",
            GtEq => ">=",
            AmpAmp => "&&",
            PipePipe => "||",
            Pipe => "|>",
            Bar => "|",
            ColonColon => "::",
            Colon => ":",
            DotDot => "..",
            Dot => ".",
            Question => "?",
            Comma => ",",
            Semi => ";",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            _ => return None,
        })
    }

    /// True for the keyword `kw`.
    pub fn is_kw(&self, kw: Keyword) -> bool {
        matches!(self, TokenKind::Keyword(k) if *k == kw)
    }

    /// True for the identifier spelled `name` (contextual words such as `from`).
    pub fn is_ident(&self, name: &str) -> bool {
        matches!(self, TokenKind::Ident(n) if n == name)
    }
}

macro_rules! keywords {
    ($($variant:ident = $text:literal,)*) => {
        /// The reserved words of §1.4.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Keyword {
            $($variant,)*
        }

        impl Keyword {
            /// Every keyword, in alphabetical order.
            pub const ALL: &'static [Keyword] = &[$(Keyword::$variant,)*];

            /// The keyword as written.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Keyword::$variant => $text,)*
                }
            }

            /// Looks a word up in the keyword table.
            pub fn from_word(word: &str) -> Option<Keyword> {
                match word {
                    $($text => Some(Keyword::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

keywords! {
    Actor = "actor",
    After = "after",
    Alias = "alias",
    And = "and",
    Break = "break",
    Call = "call",
    Case = "case",
    Cast = "cast",
    Cond = "cond",
    Continue = "continue",
    Def = "def",
    Do = "do",
    Else = "else",
    End = "end",
    False = "false",
    Fn = "fn",
    For = "for",
    If = "if",
    Impl = "impl",
    Import = "import",
    In = "in",
    Interface = "interface",
    Let = "let",
    Link = "link",
    Match = "match",
    Module = "module",
    Monitor = "monitor",
    Nil = "nil",
    Not = "not",
    Or = "or",
    Pub = "pub",
    Receive = "receive",
    Return = "return",
    SelfKw = "self",
    Send = "send",
    Service = "service",
    Spawn = "spawn",
    Struct = "struct",
    Supervisor = "supervisor",
    Terminate = "terminate",
    Trait = "trait",
    Trap = "trap",
    True = "true",
    Type = "type",
    When = "when",
    Where = "where",
    While = "while",
    With = "with",
}

impl Keyword {
    /// Reserved words that have no grammar at all (using them is always an error).
    pub fn is_reserved_only(self) -> bool {
        matches!(
            self,
            Keyword::Alias | Keyword::Cond | Keyword::Trait | Keyword::Trap | Keyword::With
        )
    }

    /// Keywords accepted as a field or function name after `.` (the field-name exemption).
    pub fn allowed_after_dot(self) -> bool {
        matches!(
            self,
            Keyword::SelfKw
                | Keyword::Monitor
                | Keyword::Spawn
                | Keyword::Link
                | Keyword::Send
                | Keyword::Where
                | Keyword::Cast
                | Keyword::Call
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_48_keywords_and_they_round_trip() {
        assert_eq!(Keyword::ALL.len(), 48);
        for &k in Keyword::ALL {
            assert_eq!(Keyword::from_word(k.as_str()), Some(k));
        }
        assert_eq!(Keyword::from_word("Self"), None);
        assert_eq!(Keyword::from_word("from"), None);
    }
}
