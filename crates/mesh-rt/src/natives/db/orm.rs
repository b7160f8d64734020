//! Natives of `Orm` (stdlib §17.10): pure SQL string builders, no I/O.
//!
//! Conditions are `"col op"` (`"name ="`, `"age >"`), `"col IS NULL"` /
//! `"col IS NOT NULL"`, or a bare `"col"` (meaning `= $n`); orders are `"col dir"` (the
//! direction upper-cased, bare → ASC); `"*"` in RETURNING stays bare.

use super::query::quote_ident;
use crate::context::ProcessCtx;
use crate::natives::{Args, Ret};
use mesh_vm::Value;

/// One condition as SQL, numbering its placeholder after `next`.
fn condition(c: &str, next: &mut usize) -> String {
    let c = c.trim();
    let upper = c.to_ascii_uppercase();
    for suffix in [" IS NOT NULL", " IS NULL"] {
        if upper.ends_with(suffix) {
            let col = c[..c.len() - suffix.len()].trim();
            return format!("{}{suffix}", quote_ident(col));
        }
    }
    *next += 1;
    match c.split_once(char::is_whitespace) {
        Some((col, op)) => format!("{} {} ${next}", quote_ident(col), op.trim()),
        None => format!("{} = ${next}", quote_ident(c)),
    }
}

fn where_clause(wheres: &[String], next: &mut usize) -> String {
    if wheres.is_empty() {
        return String::new();
    }
    let cs: Vec<String> = wheres.iter().map(|w| condition(w, next)).collect();
    format!(" WHERE {}", cs.join(" AND "))
}

fn returning(cols: &[String]) -> String {
    if cols.is_empty() {
        return String::new();
    }
    let cs: Vec<String> = cols
        .iter()
        .map(|c| if c == "*" { "*".into() } else { quote_ident(c) })
        .collect();
    format!(" RETURNING {}", cs.join(", "))
}

/// `SELECT … FROM "t" [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n]`.
pub fn select_sql(
    table: &str,
    cols: &[String],
    wheres: &[String],
    orders: &[String],
    limit: i64,
    offset: i64,
) -> String {
    let list = if cols.is_empty() {
        "*".to_string()
    } else {
        cols.iter()
            .map(|c| if c == "*" { "*".into() } else { quote_ident(c) })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut next = 0;
    let mut s = format!(
        "SELECT {list} FROM {}{}",
        quote_ident(table),
        where_clause(wheres, &mut next)
    );
    if !orders.is_empty() {
        let os: Vec<String> = orders
            .iter()
            .map(|o| match o.trim().split_once(char::is_whitespace) {
                Some((c, d)) => format!("{} {}", quote_ident(c), d.trim().to_ascii_uppercase()),
                None => format!("{} ASC", quote_ident(o.trim())),
            })
            .collect();
        s.push_str(&format!(" ORDER BY {}", os.join(", ")));
    }
    if limit >= 0 {
        s.push_str(&format!(" LIMIT {limit}"));
    }
    if offset >= 0 {
        s.push_str(&format!(" OFFSET {offset}"));
    }
    s
}

/// `Orm.build_select(table, cols, wheres, orders, limit, offset)`.
pub fn build_select(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    Ok(Value::str(select_sql(
        a.str(0)?,
        &a.strings(1)?,
        &a.strings(2)?,
        &a.strings(3)?,
        a.int(4)?,
        a.int(5)?,
    )))
}

/// `Orm.build_insert(table, cols, returning)`.
pub fn build_insert(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let cols = a.strings(1)?;
    let names: Vec<String> = cols.iter().map(|c| quote_ident(c)).collect();
    let ph: Vec<String> = (1..=cols.len()).map(|i| format!("${i}")).collect();
    Ok(Value::str(format!(
        "INSERT INTO {} ({}) VALUES ({}){}",
        quote_ident(a.str(0)?),
        names.join(", "),
        ph.join(", "),
        returning(&a.strings(2)?)
    )))
}

/// `Orm.build_update(table, set_cols, wheres, returning)`.
pub fn build_update(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let cols = a.strings(1)?;
    let sets: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} = ${}", quote_ident(c), i + 1))
        .collect();
    let mut next = cols.len();
    Ok(Value::str(format!(
        "UPDATE {} SET {}{}{}",
        quote_ident(a.str(0)?),
        sets.join(", "),
        where_clause(&a.strings(2)?, &mut next),
        returning(&a.strings(3)?)
    )))
}

/// `Orm.build_delete(table, wheres, returning)`.
pub fn build_delete(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let mut next = 0;
    Ok(Value::str(format!(
        "DELETE FROM {}{}{}",
        quote_ident(a.str(0)?),
        where_clause(&a.strings(1)?, &mut next),
        returning(&a.strings(2)?)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_shapes() {
        let s = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            select_sql(
                "users",
                &s(&["id", "name"]),
                &s(&["age >", "deleted_at IS NULL", "org_id"]),
                &s(&["name desc", "id"]),
                10,
                -1
            ),
            "SELECT \"id\", \"name\" FROM \"users\" WHERE \"age\" > $1 AND \"deleted_at\" IS NULL \
             AND \"org_id\" = $2 ORDER BY \"name\" DESC, \"id\" ASC LIMIT 10"
        );
    }
}
