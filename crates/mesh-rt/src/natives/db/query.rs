//! Natives of `Query` (stdlib §17.7): the immutable SQL query builder. A `Query` is an
//! opaque value; every function returns a new one (an unshared input is reused in place,
//! which the caller cannot observe). `Repo` (Mesh code in `std/repo.mpl`) turns a query
//! into SQL with `Query.to_sql` / `Query.params` and the private variants below.
//!
//! Placeholders are numbered `$1…$n` in clause order: WHERE conditions (in call order),
//! then HAVING, then fragments; the parameter list follows the same order.
//!
//! Fixes of the original's defects: `where_in` with an empty list is `FALSE` (not the
//! invalid `IN ()`); an unknown `where_op` operator is an error (not a silent `=`); `?` in
//! raw SQL is written `??` when a literal question mark is meant (the jsonb `?` operator);
//! a dotted name (`users.id`) is quoted per part (`"users"."id"`); `Repo.count` counts
//! groups and `Repo.exists` keeps GROUP BY, HAVING and fragments.

use crate::context::ProcessCtx;
use crate::natives::{Args, Ret};
use mesh_vm::{Handle, Value};

/// Mesh type name of queries.
pub const KIND: &str = "Query";

/// One WHERE condition.
#[derive(Clone, Debug)]
enum Cond {
    /// `"f" op $n`.
    Cmp(String, &'static str, String),
    /// `"f" IN ($n, …)`; empty → `FALSE`.
    In(String, Vec<String>),
    Null(String),
    NotNull(String),
    /// Verbatim SQL with `?` placeholders.
    Raw(String, Vec<String>),
}

/// A select-list entry.
#[derive(Clone, Debug)]
enum Sel {
    Col(String),
    Raw(String),
}

/// A query under construction.
#[derive(Clone, Debug, Default)]
pub struct Q {
    table: String,
    select: Vec<Sel>,
    wheres: Vec<Cond>,
    joins: Vec<(&'static str, String, String)>,
    group: Vec<String>,
    having: Vec<(String, String)>,
    fragments: Vec<(String, Vec<String>)>,
    order: Vec<(String, bool)>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Quotes an identifier: `"name"` (embedded `"` doubled), each part of a dotted name
/// separately; `*` stays bare.
pub fn quote_ident(name: &str) -> String {
    name.split('.')
        .map(|p| {
            if p == "*" {
                "*".to_string()
            } else {
                format!("\"{}\"", p.replace('"', "\"\""))
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A SQL string literal (`'it''s'`).
pub fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Replaces each `?` of raw SQL with the next `$n` (`??` is a literal `?`); checks that
/// the number of placeholders matches the parameters.
pub fn number_placeholders(sql: &str, nparams: usize, next: &mut usize) -> Result<String, String> {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut used = 0;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' {
            if chars.peek() == Some(&'?') {
                chars.next();
                out.push('?');
                continue;
            }
            used += 1;
            *next += 1;
            out.push_str(&format!("${next}"));
        } else {
            out.push(c);
        }
    }
    if used != nparams {
        return Err(format!(
            "`{sql}` has {used} placeholder(s) `?` but {nparams} parameter(s) were given (write `??` for a literal `?`)"
        ));
    }
    Ok(out)
}

impl Q {
    /// The WHERE conditions as SQL (numbering from `next`), with their parameters.
    fn conditions(&self, next: &mut usize, params: &mut Vec<String>) -> Vec<String> {
        let mut out = Vec::with_capacity(self.wheres.len());
        for c in &self.wheres {
            match c {
                Cond::Cmp(f, op, v) => {
                    *next += 1;
                    params.push(v.clone());
                    out.push(format!("{} {op} ${next}", quote_ident(f)));
                }
                Cond::In(f, vs) if vs.is_empty() => {
                    let _ = f;
                    out.push("FALSE".into());
                }
                Cond::In(f, vs) => {
                    let mut ph = Vec::with_capacity(vs.len());
                    for v in vs {
                        *next += 1;
                        params.push(v.clone());
                        ph.push(format!("${next}"));
                    }
                    out.push(format!("{} IN ({})", quote_ident(f), ph.join(", ")));
                }
                Cond::Null(f) => out.push(format!("{} IS NULL", quote_ident(f))),
                Cond::NotNull(f) => out.push(format!("{} IS NOT NULL", quote_ident(f))),
                Cond::Raw(sql, ps) => {
                    // Counts were checked when the condition was added.
                    let s = number_placeholders(sql, ps.len(), next).unwrap_or_else(|e| e);
                    params.extend(ps.iter().cloned());
                    out.push(s);
                }
            }
        }
        out
    }

    /// FROM, joins, WHERE, GROUP BY, HAVING and fragments (what every form shares).
    fn body(&self, next: &mut usize, params: &mut Vec<String>) -> String {
        let mut s = format!(" FROM {}", quote_ident(&self.table));
        for (kind, table, on) in &self.joins {
            s.push_str(&format!(" {kind} JOIN {} ON {on}", quote_ident(table)));
        }
        let conds = self.conditions(next, params);
        if !conds.is_empty() {
            s.push_str(" WHERE ");
            s.push_str(&conds.join(" AND "));
        }
        if !self.group.is_empty() {
            let g: Vec<String> = self.group.iter().map(|f| quote_ident(f)).collect();
            s.push_str(&format!(" GROUP BY {}", g.join(", ")));
        }
        if !self.having.is_empty() {
            let mut hs = Vec::with_capacity(self.having.len());
            for (clause, v) in &self.having {
                *next += 1;
                params.push(v.clone());
                hs.push(format!("{clause} ${next}"));
            }
            s.push_str(&format!(" HAVING {}", hs.join(" AND ")));
        }
        for (sql, ps) in &self.fragments {
            let f = number_placeholders(sql, ps.len(), next).unwrap_or_else(|e| e);
            params.extend(ps.iter().cloned());
            s.push(' ');
            s.push_str(&f);
        }
        s
    }

    fn select_list(&self) -> String {
        if self.select.is_empty() {
            return "*".into();
        }
        self.select
            .iter()
            .map(|s| match s {
                Sel::Col(c) => quote_ident(c),
                Sel::Raw(r) => r.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn tail(&self, limit: Option<i64>) -> String {
        let mut s = String::new();
        if !self.order.is_empty() {
            let o: Vec<String> = self
                .order
                .iter()
                .map(|(f, desc)| {
                    format!("{} {}", quote_ident(f), if *desc { "DESC" } else { "ASC" })
                })
                .collect();
            s.push_str(&format!(" ORDER BY {}", o.join(", ")));
        }
        if let Some(n) = limit {
            s.push_str(&format!(" LIMIT {n}"));
        }
        if let Some(n) = self.offset {
            s.push_str(&format!(" OFFSET {n}"));
        }
        s
    }

    /// The SELECT statement and its parameters.
    pub fn select_sql(&self) -> (String, Vec<String>) {
        let mut params = Vec::new();
        let mut next = 0;
        let body = self.body(&mut next, &mut params);
        (
            format!(
                "SELECT {}{body}{}",
                self.select_list(),
                self.tail(self.limit)
            ),
            params,
        )
    }

    /// The SELECT with LIMIT 1 (`Repo.one`).
    pub fn one_sql(&self) -> String {
        let mut params = Vec::new();
        let mut next = 0;
        let body = self.body(&mut next, &mut params);
        format!("SELECT {}{body}{}", self.select_list(), self.tail(Some(1)))
    }

    /// `SELECT COUNT(*) AS count …` (groups are counted when there is a GROUP BY).
    pub fn count_sql(&self) -> String {
        let mut params = Vec::new();
        let mut next = 0;
        let body = self.body(&mut next, &mut params);
        if self.group.is_empty() {
            format!("SELECT COUNT(*) AS count{body}")
        } else {
            format!("SELECT COUNT(*) AS count FROM (SELECT 1{body}) AS mesh_groups")
        }
    }

    /// `SELECT EXISTS(…) AS exists`.
    pub fn exists_sql(&self) -> String {
        let mut params = Vec::new();
        let mut next = 0;
        let body = self.body(&mut next, &mut params);
        format!("SELECT EXISTS(SELECT 1{body}) AS exists")
    }

    /// The WHERE conditions alone, numbered from `$start+1` (`Repo.update_where`).
    pub fn where_sql(&self, start: usize) -> (String, Vec<String>) {
        let mut params = Vec::new();
        let mut next = start;
        let conds = self.conditions(&mut next, &mut params);
        (conds.join(" AND "), params)
    }
}

fn query_ref<'a>(a: &'a Args, i: usize) -> Result<&'a Q, String> {
    a.handle(i, KIND)
}

/// Takes the query argument: reused in place when nothing else holds it, else copied.
fn take_query(a: &mut Args, i: usize) -> Result<Q, String> {
    a.take_handle(i, KIND)
}

fn value(q: Q) -> Value {
    Handle::new_value(KIND, q)
}

/// `Query.from(table)`.
pub fn from(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(value(Q {
        table: a.str(0)?.to_string(),
        ..Q::default()
    }))
}

/// `Query.where(q, :f, v)`: `"f" = $n`.
pub fn where_eq(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (f, v) = (a.str(1)?.to_string(), a.str(2)?.to_string());
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::Cmp(f, "=", v));
    Ok(value(q))
}

/// The SQL operator of a `where_op` atom.
fn operator(op: &str) -> Option<&'static str> {
    Some(match op {
        "eq" => "=",
        "neq" => "!=",
        "lt" => "<",
        "gt" => ">",
        "lte" => "<=",
        "gte" => ">=",
        "like" => "LIKE",
        "ilike" => "ILIKE",
        _ => return None,
    })
}

/// `Query.where_op(q, :f, :op, v)`.
pub fn where_op(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let op_name = a.str(2)?;
    let op = operator(op_name).ok_or_else(|| {
        a.fail(format!(
            "unknown operator :{op_name} (expected :eq, :neq, :lt, :gt, :lte, :gte, :like or :ilike)"
        ))
    })?;
    let v = a.str(3)?.to_string();
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::Cmp(f, op, v));
    Ok(value(q))
}

/// `Query.where_in(q, :f, values)`.
pub fn where_in(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let vs = a.strings(2)?;
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::In(f, vs));
    Ok(value(q))
}

/// `Query.where_null(q, :f)`.
pub fn where_null(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::Null(f));
    Ok(value(q))
}

/// `Query.where_not_null(q, :f)`.
pub fn where_not_null(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::NotNull(f));
    Ok(value(q))
}

/// `Query.where_raw(q, sql, params)`.
pub fn where_raw(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let sql = a.str(1)?.to_string();
    let ps = a.strings(2)?;
    number_placeholders(&sql, ps.len(), &mut 0).map_err(|e| a.fail(e))?;
    let mut q = take_query(a, 0)?;
    q.wheres.push(Cond::Raw(sql, ps));
    Ok(value(q))
}

/// `Query.select(q, fields)`: replaces the select list (identifiers, quoted).
pub fn select(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let fs = a.strings(1)?;
    let mut q = take_query(a, 0)?;
    q.select = fs.into_iter().map(Sel::Col).collect();
    Ok(value(q))
}

/// `Query.select_raw(q, exprs)`: appends verbatim expressions.
pub fn select_raw(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let es = a.strings(1)?;
    let mut q = take_query(a, 0)?;
    q.select.extend(es.into_iter().map(Sel::Raw));
    Ok(value(q))
}

/// `Query.order_by(q, :f, :dir)`: `:desc` is DESC, anything else ASC.
pub fn order_by(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let desc = a.str(2)?.eq_ignore_ascii_case("desc");
    let mut q = take_query(a, 0)?;
    q.order.push((f, desc));
    Ok(value(q))
}

/// `Query.limit(q, n)`: a negative `n` unsets it.
pub fn limit(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let n = a.int(1)?;
    let mut q = take_query(a, 0)?;
    q.limit = (n >= 0).then_some(n);
    Ok(value(q))
}

/// `Query.offset(q, n)`: a negative `n` unsets it.
pub fn offset(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let n = a.int(1)?;
    let mut q = take_query(a, 0)?;
    q.offset = (n >= 0).then_some(n);
    Ok(value(q))
}

/// `Query.join(q, :kind, table, on)`: `:inner`, `:left`, `:right`, `:full`.
pub fn join(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let kind = match a.str(1)? {
        "left" => "LEFT",
        "right" => "RIGHT",
        "full" => "FULL",
        _ => "INNER",
    };
    let (table, on) = (a.str(2)?.to_string(), a.str(3)?.to_string());
    let mut q = take_query(a, 0)?;
    q.joins.push((kind, table, on));
    Ok(value(q))
}

/// `Query.group_by(q, :f)`.
pub fn group_by(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let f = a.str(1)?.to_string();
    let mut q = take_query(a, 0)?;
    q.group.push(f);
    Ok(value(q))
}

/// `Query.having(q, clause, v)`: `<clause> $n`.
pub fn having(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (c, v) = (a.str(1)?.to_string(), a.str(2)?.to_string());
    let mut q = take_query(a, 0)?;
    q.having.push((c, v));
    Ok(value(q))
}

/// `Query.fragment(q, sql, params)`: raw SQL after HAVING.
pub fn fragment(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let sql = a.str(1)?.to_string();
    let ps = a.strings(2)?;
    number_placeholders(&sql, ps.len(), &mut 0).map_err(|e| a.fail(e))?;
    let mut q = take_query(a, 0)?;
    q.fragments.push((sql, ps));
    Ok(value(q))
}

/// `Query.table(q)`.
pub fn table(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(query_ref(a, 0)?.table.as_str()))
}

/// `Query.field(name)`: a field name as an atom (atoms are their names at run time).
pub fn field(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(a.str(0)?))
}

/// `Query.to_sql(q)`: the SELECT statement.
pub fn to_sql(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(query_ref(a, 0)?.select_sql().0))
}

/// `Query.params(q)`: the parameters of every form of the query, in placeholder order.
pub fn params(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let ps = query_ref(a, 0)?.select_sql().1;
    Ok(Value::list(ps.into_iter().map(Value::str)))
}

/// `Query.__one_sql(q)`.
pub fn one_sql(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(query_ref(a, 0)?.one_sql()))
}

/// `Query.__count_sql(q)`.
pub fn count_sql(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(query_ref(a, 0)?.count_sql()))
}

/// `Query.__exists_sql(q)`.
pub fn exists_sql(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(query_ref(a, 0)?.exists_sql()))
}

/// `Query.__where_sql(q, start)`: the WHERE conditions numbered after `start` parameters.
pub fn where_sql(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let start = a.int(1)?.max(0) as usize;
    Ok(Value::str(query_ref(a, 0)?.where_sql(start).0))
}

/// `Query.__where_params(q)`: the parameters of the WHERE conditions alone.
pub fn where_params(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let ps = query_ref(a, 0)?.where_sql(0).1;
    Ok(Value::list(ps.into_iter().map(Value::str)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(table: &str) -> Q {
        Q {
            table: table.into(),
            ..Q::default()
        }
    }

    #[test]
    fn the_reference_example() {
        let mut x = q("users");
        x.wheres.push(Cond::Cmp("org_id".into(), "=", "7".into()));
        x.order.push(("name".into(), true));
        x.limit = Some(5);
        assert_eq!(
            x.select_sql(),
            (
                "SELECT * FROM \"users\" WHERE \"org_id\" = $1 ORDER BY \"name\" DESC LIMIT 5"
                    .to_string(),
                vec!["7".to_string()]
            )
        );
    }

    #[test]
    fn numbering_runs_through_where_having_and_fragments() {
        let mut x = q("events");
        x.select.push(Sel::Col("events.level".into()));
        x.select.push(Sel::Raw("count(*) AS n".into()));
        x.wheres
            .push(Cond::In("level".into(), vec!["a".into(), "b".into()]));
        x.wheres
            .push(Cond::Raw("tags ?? 'x' AND n > ?".into(), vec!["3".into()]));
        x.wheres.push(Cond::In("other".into(), vec![]));
        x.group.push("level".into());
        x.having.push(("count(*) >".into(), "1".into()));
        x.fragments.push(("AND 1 = ?".into(), vec!["1".into()]));
        let (sql, ps) = x.select_sql();
        assert_eq!(
            sql,
            "SELECT \"events\".\"level\", count(*) AS n FROM \"events\" WHERE \"level\" IN ($1, $2) \
             AND tags ? 'x' AND n > $3 AND FALSE GROUP BY \"level\" HAVING count(*) > $4 AND 1 = $5"
        );
        assert_eq!(ps, ["a", "b", "3", "1", "1"]);
        assert_eq!(
            x.count_sql(),
            "SELECT COUNT(*) AS count FROM (SELECT 1 FROM \"events\" WHERE \"level\" IN ($1, $2) \
             AND tags ? 'x' AND n > $3 AND FALSE GROUP BY \"level\" HAVING count(*) > $4 AND 1 = $5) AS mesh_groups"
        );
        assert_eq!(
            x.where_sql(2).0,
            "\"level\" IN ($3, $4) AND tags ? 'x' AND n > $5 AND FALSE"
        );
    }

    #[test]
    fn placeholder_counts_are_checked() {
        assert!(number_placeholders("a = ? AND b = ?", 1, &mut 0).is_err());
        assert_eq!(number_placeholders("a ?? b", 0, &mut 0), Ok("a ? b".into()));
        assert_eq!(quote_ident("we\"ird"), "\"we\"\"ird\"");
    }
}
