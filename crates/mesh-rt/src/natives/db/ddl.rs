//! The SQL of the `Migration` DDL helpers (stdlib §17.11 plus what real schemas need:
//! foreign keys, column type/null/default changes, extensions, partitioned tables). These
//! natives only build statements (`Migration.create_table_sql(…)`); `std/migration.mpl`
//! runs them with `Pool.execute`, so a dry run can print exactly what would run.
//!
//! Identifiers are double-quoted (embedded `"` doubled); types, constraints, defaults and
//! predicates are inserted verbatim. Column specs are `"name:TYPE:CONSTRAINTS"` split on
//! the first two colons (a spec without a colon is a verbatim table constraint).

use super::query::{quote_ident, quote_literal};
use crate::context::ProcessCtx;
use crate::natives::{Args, Ret};
use mesh_vm::Value;

/// A column definition from its `"name:TYPE:CONSTRAINTS"` spec.
pub fn column_def(spec: &str) -> String {
    let mut parts = spec.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(ty), Some(cons)) => {
            format!("{} {} {}", quote_ident(name.trim()), ty.trim(), cons.trim())
                .trim_end()
                .to_string()
        }
        (Some(name), Some(ty), None) => format!("{} {}", quote_ident(name.trim()), ty.trim()),
        _ => spec.trim().to_string(),
    }
}

/// A column of an index: the first word is the column (quoted), the rest — `DESC`, an
/// operator class — is kept; an expression in parentheses is kept whole.
fn index_column(c: &str) -> String {
    let c = c.trim();
    if c.starts_with('(') {
        return c.to_string();
    }
    match c.split_once(char::is_whitespace) {
        Some((col, rest)) => format!("{} {}", quote_ident(col), rest.trim()),
        None => quote_ident(c),
    }
}

/// The reference's index name: `idx_<table>_<c1>_<c2>…` (column names only).
pub fn index_name(table: &str, columns: &[String]) -> String {
    let cols: Vec<&str> = columns
        .iter()
        .map(|c| c.split_whitespace().next().unwrap_or(""))
        .collect();
    format!("idx_{table}_{}", cols.join("_"))
}

/// Parsed index options: `unique:true`, `using:METHOD`, `name:NAME`, `concurrently:true`
/// and `where:PREDICATE` (everything after `where:`, so it comes last).
#[derive(Debug, Default, PartialEq)]
pub struct IndexOpts {
    pub unique: bool,
    pub concurrently: bool,
    pub using: Option<String>,
    pub name: Option<String>,
    pub predicate: Option<String>,
}

/// Parses an index options string; unknown keys are errors.
pub fn index_opts(s: &str) -> Result<IndexOpts, String> {
    let (head, predicate) = match s.find("where:") {
        Some(i) => (&s[..i], Some(s[i + 6..].trim().to_string())),
        None => (s, None),
    };
    let mut o = IndexOpts {
        predicate: predicate.filter(|p| !p.is_empty()),
        ..IndexOpts::default()
    };
    // `key: value` is accepted as well as `key:value`.
    let joined = head.replace(": ", ":");
    for tok in joined.split_whitespace() {
        let (k, v) = tok
            .split_once(':')
            .ok_or_else(|| format!("index option `{tok}` should be key:value"))?;
        match k {
            "unique" => o.unique = v == "true",
            "concurrently" => o.concurrently = v == "true",
            "using" => o.using = Some(v.to_string()),
            "name" => o.name = Some(v.to_string()),
            _ => {
                return Err(format!(
                    "unknown index option `{k}` (expected unique, using, name, concurrently, where)"
                ))
            }
        }
    }
    Ok(o)
}

/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] IF NOT EXISTS "name" ON "t" [USING m] (…) [WHERE …]`.
pub fn create_index_sql(table: &str, columns: &[String], opts: &IndexOpts) -> String {
    let name = opts
        .name
        .clone()
        .unwrap_or_else(|| index_name(table, columns));
    let cols: Vec<String> = columns.iter().map(|c| index_column(c)).collect();
    let mut s = format!(
        "CREATE {}INDEX {}IF NOT EXISTS {} ON {}",
        if opts.unique { "UNIQUE " } else { "" },
        if opts.concurrently {
            "CONCURRENTLY "
        } else {
            ""
        },
        quote_ident(&name),
        quote_ident(table)
    );
    if let Some(m) = &opts.using {
        s.push_str(&format!(" USING {m}"));
    }
    s.push_str(&format!(" ({})", cols.join(", ")));
    if let Some(p) = &opts.predicate {
        s.push_str(&format!(" WHERE {p}"));
    }
    s
}

fn str_ret(s: String) -> Ret {
    Ok(Value::str(s))
}

/// `Migration.create_table_sql(table, columns)`.
pub fn create_table(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let cols: Vec<String> = a.strings(1)?.iter().map(|c| column_def(c)).collect();
    str_ret(format!(
        "CREATE TABLE IF NOT EXISTS {} ({})",
        quote_ident(a.str(0)?),
        cols.join(", ")
    ))
}

/// `Migration.create_partitioned_table_sql(table, columns, key)`: `PARTITION BY RANGE`.
pub fn create_partitioned_table(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let cols: Vec<String> = a.strings(1)?.iter().map(|c| column_def(c)).collect();
    let key: Vec<String> = a
        .str(2)?
        .split(',')
        .map(|k| quote_ident(k.trim()))
        .collect();
    str_ret(format!(
        "CREATE TABLE IF NOT EXISTS {} ({}) PARTITION BY RANGE ({})",
        quote_ident(a.str(0)?),
        cols.join(", "),
        key.join(", ")
    ))
}

/// `Migration.create_partition_sql(parent, name, from, to)`: a range partition.
pub fn create_partition(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "CREATE TABLE IF NOT EXISTS {} PARTITION OF {} FOR VALUES FROM ({}) TO ({})",
        quote_ident(a.str(1)?),
        quote_ident(a.str(0)?),
        quote_literal(a.str(2)?),
        quote_literal(a.str(3)?)
    ))
}

/// `Migration.drop_table_sql(table)`.
pub fn drop_table(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!("DROP TABLE IF EXISTS {}", quote_ident(a.str(0)?)))
}

/// `Migration.add_column_sql(table, spec)`.
pub fn add_column(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let spec = a.str(1)?;
    let table = quote_ident(a.str(0)?);
    str_ret(if spec.contains(':') {
        format!(
            "ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {}",
            column_def(spec)
        )
    } else {
        format!("ALTER TABLE {table} ADD COLUMN {spec}")
    })
}

/// `Migration.drop_column_sql(table, column)`.
pub fn drop_column(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "ALTER TABLE {} DROP COLUMN IF EXISTS {}",
        quote_ident(a.str(0)?),
        quote_ident(a.str(1)?)
    ))
}

/// `Migration.rename_column_sql(table, old, new)`.
pub fn rename_column(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "ALTER TABLE {} RENAME COLUMN {} TO {}",
        quote_ident(a.str(0)?),
        quote_ident(a.str(1)?),
        quote_ident(a.str(2)?)
    ))
}

/// `Migration.create_index_sql(table, columns, options)`.
pub fn create_index(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let opts = index_opts(a.str(2)?).map_err(|e| a.fail(e))?;
    str_ret(create_index_sql(a.str(0)?, &a.strings(1)?, &opts))
}

/// `Migration.drop_index_sql(table, columns)`.
pub fn drop_index(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "DROP INDEX IF EXISTS {}",
        quote_ident(&index_name(a.str(0)?, &a.strings(1)?))
    ))
}

/// `Migration.drop_index_named_sql(name)`.
pub fn drop_index_named(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!("DROP INDEX IF EXISTS {}", quote_ident(a.str(0)?)))
}

/// The referential action of `ON DELETE` (validated).
fn action(s: &str) -> Result<String, String> {
    let up = s.trim().to_ascii_uppercase();
    match up.as_str() {
        "" | "CASCADE" | "SET NULL" | "SET DEFAULT" | "RESTRICT" | "NO ACTION" => Ok(up),
        _ => Err(format!(
            "unknown ON DELETE action `{s}` (expected CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION or \"\")"
        )),
    }
}

/// `Migration.add_foreign_key_sql(table, column, ref_table, ref_column, on_delete)`:
/// constraint `<table>_<column>_fkey`.
pub fn add_foreign_key(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (table, column) = (a.str(0)?, a.str(1)?);
    let act = action(a.str(4)?).map_err(|e| a.fail(e))?;
    let mut s = format!(
        "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        quote_ident(table),
        quote_ident(&format!("{table}_{column}_fkey")),
        quote_ident(column),
        quote_ident(a.str(2)?),
        quote_ident(a.str(3)?)
    );
    if !act.is_empty() {
        s.push_str(&format!(" ON DELETE {act}"));
    }
    str_ret(s)
}

/// `Migration.drop_foreign_key_sql(table, column)`.
pub fn drop_foreign_key(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let (table, column) = (a.str(0)?, a.str(1)?);
    str_ret(format!(
        "ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}",
        quote_ident(table),
        quote_ident(&format!("{table}_{column}_fkey"))
    ))
}

/// `Migration.alter_column_type_sql(table, column, type)` (`type` may end with `USING …`).
pub fn alter_column_type(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {}",
        quote_ident(a.str(0)?),
        quote_ident(a.str(1)?),
        a.str(2)?.trim()
    ))
}

/// `Migration.alter_column_null_sql(table, column, nullable)`.
pub fn alter_column_null(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "ALTER TABLE {} ALTER COLUMN {} {} NOT NULL",
        quote_ident(a.str(0)?),
        quote_ident(a.str(1)?),
        if a.bool(2)? { "DROP" } else { "SET" }
    ))
}

/// `Migration.alter_column_default_sql(table, column, default)` (`""` drops it).
pub fn alter_column_default(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    let d = a.str(2)?.trim();
    let (t, c) = (quote_ident(a.str(0)?), quote_ident(a.str(1)?));
    str_ret(if d.is_empty() {
        format!("ALTER TABLE {t} ALTER COLUMN {c} DROP DEFAULT")
    } else {
        format!("ALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT {d}")
    })
}

/// `Migration.create_extension_sql(name)`.
pub fn create_extension(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "CREATE EXTENSION IF NOT EXISTS {}",
        quote_ident(a.str(0)?)
    ))
}

/// `Migration.drop_extension_sql(name)`.
pub fn drop_extension(_: &mut ProcessCtx, a: &mut Args) -> Ret {
    str_ret(format!(
        "DROP EXTENSION IF EXISTS {}",
        quote_ident(a.str(0)?)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn column_specs() {
        assert_eq!(
            column_def("id:UUID:PRIMARY KEY DEFAULT gen_random_uuid()"),
            "\"id\" UUID PRIMARY KEY DEFAULT gen_random_uuid()"
        );
        assert_eq!(
            column_def("t:TIME:DEFAULT '00:00'::time"),
            "\"t\" TIME DEFAULT '00:00'::time"
        );
        assert_eq!(column_def("age:BIGINT"), "\"age\" BIGINT");
        assert_eq!(
            column_def("UNIQUE(user_id, org_id)"),
            "UNIQUE(user_id, org_id)"
        );
    }

    #[test]
    fn indexes() {
        let o = index_opts("unique:true where:deleted_at IS NULL").unwrap_or_default();
        assert!(o.unique);
        assert_eq!(
            create_index_sql("users", &s(&["email"]), &o),
            "CREATE UNIQUE INDEX IF NOT EXISTS \"idx_users_email\" ON \"users\" (\"email\") WHERE deleted_at IS NULL"
        );
        let g = index_opts("using:gin name:idx_events_tags").unwrap_or_default();
        assert_eq!(
            create_index_sql("events", &s(&["tags jsonb_path_ops"]), &g),
            "CREATE INDEX IF NOT EXISTS \"idx_events_tags\" ON \"events\" USING gin (\"tags\" jsonb_path_ops)"
        );
        assert_eq!(
            index_name("events", &s(&["project_id", "received_at DESC"])),
            "idx_events_project_id_received_at"
        );
        assert!(index_opts("uniq:true").is_err());
        assert_eq!(
            index_opts("unique: true"),
            Ok(IndexOpts {
                unique: true,
                ..IndexOpts::default()
            })
        );
    }
}
