//! Top-level definitions (§4.1): functions, structs, sum types, aliases, interfaces,
//! impls, actors, services, supervisors, inline modules, imports and the standard
//! library's `extern` declarations.

use super::block::BodyCfg;
use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::span::Span;
use crate::token::{Keyword, TokenKind};

/// Struct-body words that introduce a schema option instead of a field (§10.6).
const STRUCT_OPTIONS: &[&str] = &[
    "table",
    "primary_key",
    "timestamps",
    "belongs_to",
    "has_many",
    "has_one",
];

impl<'a> Parser<'a> {
    /// The whole file: items and top-level statements until end of input.
    pub(super) fn parse_source_file(&mut self) -> Vec<Item> {
        let mut items = Vec::new();
        let cfg = BodyCfg {
            terms: &[],
            top_level: true,
            in_brackets: false,
            need_sep: true,
            stop_at_column1_items: false,
        };
        self.body_loop(cfg, |p| {
            items.push(p.parse_item_or_expr()?);
            Ok(())
        });
        items
    }

    /// An item, or a bare expression wrapped as [`ItemKind::Expr`].
    fn parse_item_or_expr(&mut self) -> PResult<Item> {
        if let Some(item) = self.parse_item_opt()? {
            return Ok(item);
        }
        let expr = self.parse_expr()?;
        Ok(Item {
            span: expr.span,
            kind: ItemKind::Expr(expr),
        })
    }

    /// Parses an item if the current token starts one (`let` and named `fn` included);
    /// `Ok(None)` means "this is an expression".
    pub(super) fn parse_item_opt(&mut self) -> PResult<Option<Item>> {
        let start = self.peek_span();
        let kind = match self.peek().clone() {
            TokenKind::Keyword(Keyword::Pub) => return self.parse_pub_item(start).map(Some),
            TokenKind::Keyword(Keyword::Fn) if matches!(self.nth(1), TokenKind::Ident(_)) => {
                ItemKind::Fn(self.parse_fn_def(start, false, false)?)
            }
            TokenKind::Keyword(Keyword::Def) => {
                ItemKind::Fn(self.parse_fn_def(start, false, false)?)
            }
            TokenKind::Keyword(Keyword::Struct) => {
                ItemKind::Struct(self.parse_struct(start, false)?)
            }
            TokenKind::Keyword(Keyword::Type) => self.parse_type_def(start, false)?,
            TokenKind::Keyword(Keyword::Interface) => {
                ItemKind::Interface(self.parse_interface(start, false)?)
            }
            TokenKind::Keyword(Keyword::Impl) => ItemKind::Impl(self.parse_impl(start)?),
            TokenKind::Keyword(Keyword::Actor) => ItemKind::Actor(self.parse_actor(start)?),
            TokenKind::Keyword(Keyword::Service) => ItemKind::Service(self.parse_service(start)?),
            TokenKind::Keyword(Keyword::Supervisor) => {
                ItemKind::Supervisor(self.parse_supervisor(start, false)?)
            }
            TokenKind::Keyword(Keyword::Module) => {
                ItemKind::InlineModule(self.parse_module(start, false)?)
            }
            TokenKind::Keyword(Keyword::Import) => {
                self.bump();
                let path = self.parse_module_path()?;
                ItemKind::Import(Import {
                    path,
                    span: self.span_from(start),
                })
            }
            TokenKind::Keyword(Keyword::Let) => ItemKind::Let(self.parse_let()?),
            TokenKind::Keyword(Keyword::Terminate) => {
                self.error_at(
                    start,
                    "`terminate` is only allowed directly inside an `actor` body",
                );
                return Err(Fail);
            }
            TokenKind::Ident(w) if w == "from" && matches!(self.nth(1), TokenKind::Ident(_)) => {
                ItemKind::FromImport(self.parse_from_import(start)?)
            }
            TokenKind::Ident(w)
                if w == "extern"
                    && self.std_mode
                    && matches!(self.nth(1), TokenKind::Keyword(Keyword::Fn | Keyword::Type)) =>
            {
                self.parse_extern(start, false)?
            }
            TokenKind::Ident(w) if w == "deriving" && *self.nth(1) == TokenKind::LParen => {
                let span = self.peek_span();
                let d = crate::Diagnostic::error(
                    crate::lexer::PARSE_ERROR,
                    "`deriving(...)` must be on the same line as the `end` of the type it belongs to",
                    span,
                )
                .with_label("move this onto the line of the `end` above");
                self.report(d);
                return Err(Fail);
            }
            _ => return Ok(None),
        };
        Ok(Some(Item {
            kind,
            span: self.span_from(start),
        }))
    }

    /// `pub` followed by a definition that may be public.
    fn parse_pub_item(&mut self, start: Span) -> PResult<Item> {
        self.bump();
        let kind = match self.peek().clone() {
            TokenKind::Keyword(Keyword::Fn | Keyword::Def) => {
                ItemKind::Fn(self.parse_fn_def(start, true, false)?)
            }
            TokenKind::Keyword(Keyword::Struct) => {
                ItemKind::Struct(self.parse_struct(start, true)?)
            }
            TokenKind::Keyword(Keyword::Type) => self.parse_type_def(start, true)?,
            TokenKind::Keyword(Keyword::Interface) => {
                ItemKind::Interface(self.parse_interface(start, true)?)
            }
            TokenKind::Keyword(Keyword::Supervisor) => {
                ItemKind::Supervisor(self.parse_supervisor(start, true)?)
            }
            TokenKind::Keyword(Keyword::Module) => {
                ItemKind::InlineModule(self.parse_module(start, true)?)
            }
            TokenKind::Ident(w)
                if w == "extern"
                    && self.std_mode
                    && matches!(self.nth(1), TokenKind::Keyword(Keyword::Fn | Keyword::Type)) =>
            {
                self.parse_extern(start, true)?
            }
            _ => {
                let _ = self.expected(
                    "`fn`, `module`, `struct`, `interface`, `type`, or `supervisor` after `pub`",
                );
                // Keep going with the definition itself (e.g. `pub service`), so that its
                // body is parsed normally instead of producing follow-up errors.
                return match self.parse_item_opt()? {
                    Some(item) => Ok(item),
                    None => Err(Fail),
                };
            }
        };
        Ok(Item {
            kind,
            span: self.span_from(start),
        })
    }

    /// `[pub] fn|def name<T>(params) -> Ret where … when guard (= expr | do … end)`; with
    /// `is_extern` (standard library) there is no body.
    pub(super) fn parse_fn_def(
        &mut self,
        start: Span,
        is_pub: bool,
        is_extern: bool,
    ) -> PResult<FnDef> {
        let kw = self.bump();
        let is_def = kw.kind.is_kw(Keyword::Def);
        // The standard library may define functions named like the keywords allowed after
        // `.` (`Process.monitor`, `Query.where`), since they are only ever called qualified.
        let name = match self.peek().clone() {
            TokenKind::Keyword(k) if self.std_mode && k.allowed_after_dot() => {
                let span = self.bump().span;
                Ident::new(k.as_str(), span)
            }
            _ => self.expect_ident("function name")?,
        };
        let generics = self.parse_generic_params()?;
        let params = if self.at(&TokenKind::LParen) {
            self.parse_param_list()?
        } else {
            Vec::new()
        };
        let ret = if self.eat(&TokenKind::Arrow) {
            Some(self.parse_type()?)
        } else {
            None
        };
        let where_clause = self.parse_where_clause()?;
        if is_extern {
            if self.at_kw(Keyword::Do) || self.at(&TokenKind::Eq) {
                let span = self.peek_span();
                self.error_at(span, "an `extern fn` has no body");
                return Err(Fail);
            }
            return Ok(FnDef {
                is_pub,
                name,
                generics,
                params,
                ret,
                where_clause,
                guard: None,
                body: FnBody::Extern,
                is_def,
                span: self.span_from(start),
            });
        }
        let guard = if self.eat_kw(Keyword::When) {
            Some(self.parse_expr()?)
        } else {
            None
        };
        let body = if self.eat(&TokenKind::Eq) {
            let expr = self.parse_expr()?;
            FnBody::Block {
                block: Self::expr_block(expr),
                is_expr_body: true,
            }
        } else if self.at_kw(Keyword::Do) {
            let do_span = self.bump().span;
            FnBody::Block {
                block: self.do_block(do_span, "function body"),
                is_expr_body: false,
            }
        } else {
            let do_span = self.missing_do("`=` or `do` for the function body")?;
            FnBody::Block {
                block: self.do_block(do_span, "function body"),
                is_expr_body: false,
            }
        };
        Ok(FnDef {
            is_pub,
            name,
            generics,
            params,
            ret,
            where_clause,
            guard,
            body,
            is_def,
            span: self.span_from(start),
        })
    }

    /// `<A, B>` after a definition's name (empty when absent).
    fn parse_generic_params(&mut self) -> PResult<Vec<Ident>> {
        let mut out = Vec::new();
        if !self.eat(&TokenKind::Lt) {
            return Ok(out);
        }
        loop {
            if self.at(&TokenKind::Gt) {
                break;
            }
            out.push(self.expect_ident("type parameter name")?);
            if !self.eat(&TokenKind::Comma) {
                break;
            }
        }
        self.split_gt_eq();
        self.expect(&TokenKind::Gt, "`,` or `>` in type parameters")?;
        Ok(out)
    }

    /// `where T: Trait, U: Mod.Trait` (empty when absent).
    fn parse_where_clause(&mut self) -> PResult<Vec<Bound>> {
        let mut out = Vec::new();
        if !self.eat_kw(Keyword::Where) {
            return Ok(out);
        }
        loop {
            let param = self.expect_ident("type parameter in `where` clause")?;
            self.expect(&TokenKind::Colon, "`:` after the type parameter")?;
            let mut trait_path = vec![self.expect_ident("trait name")?];
            while self.eat(&TokenKind::Dot) {
                trait_path.push(self.expect_ident("trait name")?);
            }
            let span = self.span_from(param.span);
            out.push(Bound {
                param,
                trait_path,
                span,
            });
            if !self.eat(&TokenKind::Comma) {
                break;
            }
        }
        Ok(out)
    }

    /// `(param, …)` of a function, handler or actor (the `(` is current).
    pub(super) fn parse_param_list(&mut self) -> PResult<Vec<Param>> {
        let open = self.bump().span;
        self.delimited(open, "(", TokenKind::RParen, false, |p| p.parse_param())
    }

    /// `deriving(A, B)` right after an `end`, on the same line.
    fn parse_deriving_opt(&mut self) -> PResult<Option<Vec<Ident>>> {
        if !self.raw().kind.is_ident("deriving") {
            return Ok(None);
        }
        self.bump();
        let open = self.expect(&TokenKind::LParen, "`(` after `deriving`")?;
        let names = self.delimited(open, "(", TokenKind::RParen, false, |p| {
            p.expect_ident("trait name to derive")
        })?;
        Ok(Some(names))
    }

    /// `[pub] struct Name<A> do fields and schema options end [deriving(…)]`.
    fn parse_struct(&mut self, start: Span, is_pub: bool) -> PResult<StructDef> {
        self.bump();
        let name = self.expect_ident("struct name")?;
        let generics = self.parse_generic_params()?;
        let do_span = self.expect_do("the struct name")?;
        let mut def = StructDef {
            is_pub,
            name,
            generics,
            fields: Vec::new(),
            table: None,
            primary_key: None,
            timestamps: None,
            relationships: Vec::new(),
            deriving: None,
            span: start,
        };
        self.do_body(do_span, "`struct` body", false, true, |p| {
            p.parse_struct_member(&mut def)
        });
        def.deriving = self.parse_deriving_opt()?;
        def.span = self.span_from(start);
        Ok(def)
    }

    fn parse_struct_member(&mut self, def: &mut StructDef) -> PResult<()> {
        let TokenKind::Ident(word) = self.peek().clone() else {
            let comma = self.at(&TokenKind::Comma);
            if let Some(mut d) = self.expected_diag("field name or `end`") {
                if comma {
                    d = d.with_help("struct fields are separated by newlines, not commas");
                }
                self.report(d);
            }
            return Err(Fail);
        };
        let is_option = STRUCT_OPTIONS.contains(&word.as_str())
            && self.at_line_start()
            && *self.nth(1) != TokenKind::ColonColon;
        let tok = self.bump();
        if !is_option {
            let name = Ident::new(word, tok.span);
            let ty = if self.eat(&TokenKind::ColonColon) {
                Some(self.parse_type()?)
            } else {
                None
            };
            def.fields.push(StructField {
                name,
                ty,
                span: self.span_from(tok.span),
            });
            return Ok(());
        }
        match word.as_str() {
            "table" => def.table = Some(self.parse_plain_string("table name after `table`")?),
            "primary_key" => {
                def.primary_key =
                    Some(self.expect_atom("field atom after `primary_key` (e.g. `:id`)")?)
            }
            "timestamps" => {
                let value = match self.peek() {
                    TokenKind::Keyword(Keyword::True) => true,
                    TokenKind::Keyword(Keyword::False) => false,
                    _ => return Err(self.expected("`true` or `false` after `timestamps`")),
                };
                let span = self.bump().span;
                def.timestamps = Some((value, span));
            }
            _ => {
                let kind = match word.as_str() {
                    "belongs_to" => RelationKind::BelongsTo,
                    "has_many" => RelationKind::HasMany,
                    _ => RelationKind::HasOne,
                };
                let assoc = self.expect_atom(&format!("association atom after `{word}`"))?;
                self.expect(&TokenKind::Comma, "`,` after the association name")?;
                let target = self.expect_ident("target type name")?;
                def.relationships.push(Relationship {
                    kind,
                    assoc,
                    target,
                    span: self.span_from(tok.span),
                });
            }
        }
        Ok(())
    }

    /// An atom token, as an identifier without the colon.
    fn expect_atom(&mut self, what: &str) -> PResult<Ident> {
        match self.peek().clone() {
            TokenKind::Atom(name) => {
                let tok = self.bump();
                Ok(Ident::new(name, tok.span))
            }
            _ => Err(self.expected(what)),
        }
    }

    /// `type Name<T> do variants end [deriving]` or `type Name<T> = Type`.
    fn parse_type_def(&mut self, start: Span, is_pub: bool) -> PResult<ItemKind> {
        self.bump();
        let name = self.expect_ident("type name")?;
        let generics = self.parse_generic_params()?;
        if self.eat(&TokenKind::Eq) {
            let ty = self.parse_type()?;
            return Ok(ItemKind::TypeAlias(TypeAlias {
                is_pub,
                name,
                generics,
                ty,
                span: self.span_from(start),
            }));
        }
        if !self.at_kw(Keyword::Do) {
            return Err(self.expected("`do` or `=` after the type name"));
        }
        let do_span = self.bump().span;
        let mut variants = Vec::new();
        self.do_body(do_span, "`type` body", false, true, |p| {
            variants.push(p.parse_variant()?);
            Ok(())
        });
        let deriving = self.parse_deriving_opt()?;
        Ok(ItemKind::SumType(SumTypeDef {
            is_pub,
            name,
            generics,
            variants,
            deriving,
            span: self.span_from(start),
        }))
    }

    fn parse_variant(&mut self) -> PResult<Variant> {
        let name = self.expect_ident("variant name or `end`")?;
        let mut fields = Vec::new();
        if self.raw().kind == TokenKind::LParen {
            let open = self.bump().span;
            fields = self.delimited(open, "(", TokenKind::RParen, false, |p| {
                let named =
                    matches!(p.peek(), TokenKind::Ident(_)) && *p.nth(1) == TokenKind::ColonColon;
                let name = if named {
                    let n = p.expect_ident("field name")?;
                    p.bump();
                    Some(n)
                } else {
                    None
                };
                let ty = p.parse_type()?;
                Ok(VariantField { name, ty })
            })?;
        }
        Ok(Variant {
            span: self.span_from(name.span),
            name,
            fields,
        })
    }

    /// `[pub] interface Name<T> do type Assoc / fn m(self) -> T [do default end] end`.
    fn parse_interface(&mut self, start: Span, is_pub: bool) -> PResult<InterfaceDef> {
        self.bump();
        let name = self.expect_ident("interface name")?;
        let generics = self.parse_generic_params()?;
        let do_span = self.expect_do("the interface name")?;
        let mut assoc_types = Vec::new();
        let mut methods = Vec::new();
        self.do_body(do_span, "`interface` body", true, false, |p| {
            let member_start = p.peek_span();
            if p.eat_kw(Keyword::Type) {
                assoc_types.push(p.expect_ident("associated type name")?);
                return Ok(());
            }
            if !(p.at_kw(Keyword::Fn) || p.at_kw(Keyword::Def)) {
                return Err(p.expected("`fn` or `type` in interface body"));
            }
            p.bump();
            let name = p.expect_ident("method name")?;
            let params = if p.at(&TokenKind::LParen) {
                p.parse_param_list()?
            } else {
                Vec::new()
            };
            let ret = if p.eat(&TokenKind::Arrow) {
                Some(p.parse_type()?)
            } else {
                None
            };
            let default = if p.at_kw(Keyword::Do) {
                let do_span = p.bump().span;
                Some(p.do_block(do_span, "method body"))
            } else {
                None
            };
            methods.push(InterfaceMethod {
                name,
                params,
                ret,
                default,
                span: p.span_from(member_start),
            });
            Ok(())
        });
        Ok(InterfaceDef {
            is_pub,
            name,
            generics,
            assoc_types,
            methods,
            span: self.span_from(start),
        })
    }

    /// `impl Trait<Args> for Target where … do type X = T / fn … end`.
    fn parse_impl(&mut self, start: Span) -> PResult<ImplDef> {
        self.bump();
        let mut trait_path = vec![self.expect_ident("trait name after `impl`")?];
        while self.eat(&TokenKind::Dot) {
            trait_path.push(self.expect_ident("trait name")?);
        }
        let trait_args = if self.eat(&TokenKind::Lt) {
            self.parse_type_args_rest()?
        } else {
            Vec::new()
        };
        if !self.eat_kw(Keyword::For) {
            return Err(self.expected("`for` after the trait name"));
        }
        let target = self.parse_type()?;
        let where_clause = self.parse_where_clause()?;
        let do_span = self.expect_do("the impl header")?;
        let mut assoc_types = Vec::new();
        let mut methods = Vec::new();
        self.do_body(do_span, "`impl` body", true, false, |p| {
            let member_start = p.peek_span();
            if p.eat_kw(Keyword::Type) {
                let name = p.expect_ident("associated type name")?;
                p.expect(&TokenKind::Eq, "`=` after the associated type name")?;
                assoc_types.push((name, p.parse_type()?));
                return Ok(());
            }
            let is_pub = p.eat_kw(Keyword::Pub);
            if (p.at_kw(Keyword::Fn) || p.at_kw(Keyword::Def))
                && matches!(p.nth(1), TokenKind::Ident(_))
            {
                methods.push(p.parse_fn_def(member_start, is_pub, false)?);
                return Ok(());
            }
            Err(p.expected("`fn` or `type` in impl body"))
        });
        Ok(ImplDef {
            trait_path,
            trait_args,
            target,
            where_clause,
            assoc_types,
            methods,
            span: self.span_from(start),
        })
    }

    /// `actor name(params) do body [terminate do … end] end`.
    fn parse_actor(&mut self, start: Span) -> PResult<ActorDef> {
        self.bump();
        let name = self.expect_ident("actor name")?;
        let params = if self.at(&TokenKind::LParen) {
            self.parse_param_list()?
        } else {
            Vec::new()
        };
        let do_span = self.expect_do("the actor header")?;
        let mut stmts = Vec::new();
        let mut terminate: Option<Block> = None;
        let body_start = self.peek_span();
        self.do_body(do_span, "`actor` body", true, true, |p| {
            if p.at_kw(Keyword::Terminate) {
                let kw = p.bump().span;
                let inner_do = p.expect_do("`terminate`")?;
                let block = p.do_block(inner_do, "`terminate` block");
                if terminate.is_some() {
                    p.error_at(kw, "only one `terminate` clause is allowed per actor block");
                } else {
                    terminate = Some(block);
                }
                return Ok(());
            }
            stmts.push(p.parse_stmt()?);
            Ok(())
        });
        let span = match (stmts.first(), stmts.last()) {
            (Some(a), Some(b)) => a.span.to(b.span),
            _ => body_start.shrink_to_start(),
        };
        Ok(ActorDef {
            name,
            params,
            body: Block { stmts, span },
            terminate,
            span: self.span_from(start),
        })
    }

    /// `service Name do fn init… / call … / cast … end`.
    fn parse_service(&mut self, start: Span) -> PResult<ServiceDef> {
        self.bump();
        let name = self.expect_ident("service name")?;
        let do_span = self.expect_do("the service name")?;
        let mut fns = Vec::new();
        let mut handlers = Vec::new();
        self.do_body(do_span, "`service` body", true, true, |p| {
            let member_start = p.peek_span();
            match p.peek() {
                TokenKind::Keyword(Keyword::Fn | Keyword::Def) => {
                    fns.push(p.parse_fn_def(member_start, false, false)?);
                }
                TokenKind::Keyword(Keyword::Call) => {
                    handlers.push(p.parse_handler(HandlerKind::Call)?)
                }
                TokenKind::Keyword(Keyword::Cast) => {
                    handlers.push(p.parse_handler(HandlerKind::Cast)?)
                }
                _ => return Err(p.expected("`fn`, `call` or `cast` in service body")),
            }
            Ok(())
        });
        Ok(ServiceDef {
            name,
            fns,
            handlers,
            span: self.span_from(start),
        })
    }

    /// `call Name(params) [:: Reply] do [|state|] body end` / `cast Name(params) do …`.
    fn parse_handler(&mut self, kind: HandlerKind) -> PResult<Handler> {
        let start = self.bump().span;
        let name = self.expect_ident("handler name")?;
        let params = if self.at(&TokenKind::LParen) {
            self.parse_param_list()?
        } else {
            Vec::new()
        };
        let reply_ty = if self.at(&TokenKind::ColonColon) {
            let colons = self.bump().span;
            let ty = self.parse_type()?;
            if kind == HandlerKind::Cast {
                self.error_at(colons.to(ty.span), "a `cast` handler has no reply type");
            }
            Some(ty)
        } else {
            None
        };
        let do_span = self.expect_do("the handler header")?;
        let in_brackets = !self.significant();
        let (state, body) = self.with_layout(true, |p| -> PResult<(Option<Ident>, Block)> {
            let state = if p.at(&TokenKind::Bar) {
                p.bump();
                let s = p.expect_ident("state name")?;
                p.expect(&TokenKind::Bar, "`|` after the state name")?;
                Some(s)
            } else {
                None
            };
            let body = p.block_until(&[], in_brackets);
            p.expect_end(do_span, "handler body", "`do` block started here");
            Ok((state, body))
        })?;
        Ok(Handler {
            kind,
            name,
            params,
            reply_ty: if kind == HandlerKind::Cast {
                None
            } else {
                reply_ty
            },
            state,
            body,
            span: self.span_from(start),
        })
    }

    /// `[pub] supervisor Name do strategy: … child name do … end end`.
    fn parse_supervisor(&mut self, start: Span, is_pub: bool) -> PResult<SupervisorDef> {
        self.bump();
        let name = self.expect_ident("supervisor name")?;
        let do_span = self.expect_do("the supervisor name")?;
        let mut def = SupervisorDef {
            is_pub,
            name,
            strategy: None,
            max_restarts: None,
            max_seconds: None,
            children: Vec::new(),
            span: start,
        };
        self.do_body(do_span, "`supervisor` body", true, true, |p| {
            let TokenKind::Ident(word) = p.peek().clone() else {
                return Err(p.expected("`strategy`, `max_restarts`, `max_seconds` or `child`"));
            };
            match word.as_str() {
                "strategy" => {
                    p.bump();
                    def.strategy = Some(p.parse_keyed_ident("strategy")?);
                }
                "max_restarts" | "max_seconds" => {
                    p.bump();
                    p.expect(&TokenKind::Colon, &format!("`:` after `{word}`"))?;
                    let value =
                        p.expect_int(&format!("a number of {}", word.trim_start_matches("max_")))?;
                    if word == "max_restarts" {
                        def.max_restarts = Some(value);
                    } else {
                        def.max_seconds = Some(value);
                    }
                }
                "child" => def.children.push(p.parse_child_spec()?),
                _ => return Err(p.expected("`strategy`, `max_restarts`, `max_seconds` or `child`")),
            }
            Ok(())
        });
        def.span = self.span_from(start);
        Ok(def)
    }

    /// The value of `key: ident` — also accepting `key:ident`, which lexes as an atom.
    fn parse_keyed_ident(&mut self, key: &str) -> PResult<Ident> {
        if let TokenKind::Atom(name) = self.peek().clone() {
            let tok = self.bump();
            return Ok(Ident::new(name, tok.span));
        }
        self.expect(&TokenKind::Colon, &format!("`:` after `{key}`"))?;
        self.expect_ident(&format!("a name after `{key}:`"))
    }

    /// A non-negative integer literal.
    fn expect_int(&mut self, what: &str) -> PResult<(i64, Span)> {
        match self.peek().clone() {
            TokenKind::Int(v) => {
                let span = self.bump().span;
                match i64::try_from(v) {
                    Ok(v) => Ok((v, span)),
                    Err(_) => {
                        self.error_at(
                            span,
                            "integer literal does not fit in a 64-bit signed integer",
                        );
                        Err(Fail)
                    }
                }
            }
            _ => Err(self.expected(what)),
        }
    }

    /// `child name do start: expr / restart: ident / shutdown: INT|ident end`.
    fn parse_child_spec(&mut self) -> PResult<ChildSpec> {
        let start = self.bump().span;
        let name = self.expect_ident("child name")?;
        let do_span = self.expect_do("the child name")?;
        let mut spec = ChildSpec {
            name,
            start: None,
            restart: None,
            shutdown: None,
            span: start,
        };
        self.do_body(do_span, "`child` block", true, true, |p| {
            let TokenKind::Ident(word) = p.peek().clone() else {
                return Err(p.expected("`start`, `restart` or `shutdown`"));
            };
            match word.as_str() {
                "start" => {
                    p.bump();
                    p.expect(&TokenKind::Colon, "`:` after `start`")?;
                    spec.start = Some(p.parse_expr()?);
                }
                "restart" => {
                    p.bump();
                    spec.restart = Some(p.parse_keyed_ident("restart")?);
                }
                "shutdown" => {
                    p.bump();
                    if let TokenKind::Atom(name) = p.peek().clone() {
                        let tok = p.bump();
                        spec.shutdown = Some(Shutdown::Named(Ident::new(name, tok.span)));
                        return Ok(());
                    }
                    p.expect(&TokenKind::Colon, "`:` after `shutdown`")?;
                    spec.shutdown = Some(match p.peek() {
                        TokenKind::Int(_) => {
                            let (ms, span) = p.expect_int("milliseconds")?;
                            Shutdown::Millis(ms, span)
                        }
                        _ => Shutdown::Named(p.expect_ident("milliseconds or `brutal_kill`")?),
                    });
                }
                _ => return Err(p.expected("`start`, `restart` or `shutdown`")),
            }
            Ok(())
        });
        spec.span = self.span_from(start);
        Ok(spec)
    }

    /// `[pub] module Name do items end` (parsed; the checker rejects it).
    fn parse_module(&mut self, start: Span, is_pub: bool) -> PResult<InlineModule> {
        self.bump();
        let name = self.expect_ident("module name")?;
        let do_span = self.expect_do("the module name")?;
        let mut items = Vec::new();
        self.do_body(do_span, "`module` body", true, false, |p| {
            items.push(p.parse_item_or_expr()?);
            Ok(())
        });
        Ok(InlineModule {
            is_pub,
            name,
            items,
            span: self.span_from(start),
        })
    }

    /// `A.B.C`. A segment may start with digits (`Migrations.20260216120000CreateX`):
    /// such a segment lexes as a number glued to an identifier and is rejoined here.
    fn parse_module_path(&mut self) -> PResult<Vec<Ident>> {
        let mut path = vec![self.parse_path_segment()?];
        while self.eat(&TokenKind::Dot) {
            path.push(self.parse_path_segment()?);
        }
        Ok(path)
    }

    fn parse_path_segment(&mut self) -> PResult<Ident> {
        if let TokenKind::Int(_) = self.peek() {
            let first = self.bump().span;
            let mut span = first;
            if let TokenKind::Ident(_) = self.raw().kind {
                if self.raw().span.start == first.end {
                    span = first.to(self.bump().span);
                }
            }
            let text = self
                .text
                .get(span.start as usize..span.end as usize)
                .unwrap_or("")
                .to_string();
            return Ok(Ident::new(text, span));
        }
        self.expect_ident("module name")
    }

    /// `from A.B import x, y`.
    fn parse_from_import(&mut self, start: Span) -> PResult<FromImport> {
        self.bump();
        let path = self.parse_module_path()?;
        if !self.eat_kw(Keyword::Import) {
            return Err(self.expected("`import` after the module path"));
        }
        let mut names = Vec::new();
        loop {
            match self.peek().clone() {
                TokenKind::Star => {
                    let span = self.peek_span();
                    self.error_at(
                        span,
                        "glob imports are not allowed; import names explicitly",
                    );
                    return Err(Fail);
                }
                TokenKind::Ident(name) => {
                    let tok = self.bump();
                    names.push(Ident::new(name, tok.span));
                }
                TokenKind::Keyword(k) if k.allowed_after_dot() => {
                    let tok = self.bump();
                    names.push(Ident::new(k.as_str(), tok.span));
                }
                _ => return Err(self.expected("a name to import")),
            }
            if !self.eat(&TokenKind::Comma) {
                break;
            }
            // A trailing comma is tolerated before the end of the line.
            if matches!(
                self.peek(),
                TokenKind::Newline | TokenKind::Semi | TokenKind::Eof
            ) {
                break;
            }
        }
        Ok(FromImport {
            path,
            names,
            span: self.span_from(start),
        })
    }

    /// Standard library only: `extern fn …` (no body) or `extern type Name<A>`.
    fn parse_extern(&mut self, start: Span, is_pub: bool) -> PResult<ItemKind> {
        self.bump();
        if self.at_kw(Keyword::Fn) {
            return Ok(ItemKind::Fn(self.parse_fn_def(start, is_pub, true)?));
        }
        self.bump();
        let name = self.expect_ident("type name")?;
        let generics = self.parse_generic_params()?;
        Ok(ItemKind::ExternType(ExternType {
            name,
            generics,
            span: self.span_from(start),
        }))
    }
}
