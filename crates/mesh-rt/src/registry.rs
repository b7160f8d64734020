//! The table of natives: maps each qualified native name that `std/*.mpl` declares with
//! `extern fn` (`"String.length"`) to its implementation.

use crate::context::ProcessCtx;
use crate::natives::{
    self, db, env, file, float, http, int, io, job, json, kernel, list, map, math, prelude,
    process, queue, request, row, service, set, string, timer, ws, Args,
};
use mesh_vm::{NativeResult, Value};

/// A native function: runs on the calling process's context with the argument window
/// (whose values it may move out).
pub type NativeFn = fn(&mut ProcessCtx, &mut [Value]) -> NativeResult;

/// Wraps a synchronous native (`fn(ctx, args) -> Result<Value, String>`) as a [`NativeFn`].
macro_rules! sync {
    ($name:literal, $f:path) => {
        ($name, {
            fn wrapped(ctx: &mut ProcessCtx, vals: &mut [Value]) -> NativeResult {
                natives::finish($f(ctx, &mut Args::new($name, vals)))
            }
            wrapped as NativeFn
        })
    };
}

/// Wraps a native that may suspend (`fn(ctx, args) -> NativeResult`) as a [`NativeFn`].
macro_rules! raw {
    ($name:literal, $f:path) => {
        ($name, {
            fn wrapped(ctx: &mut ProcessCtx, vals: &mut [Value]) -> NativeResult {
                $f(ctx, &mut Args::new($name, vals))
            }
            wrapped as NativeFn
        })
    };
}

/// Every native of the standard library, by qualified name.
static NATIVES: &[(&str, NativeFn)] = &[
    // Prelude
    sync!("Prelude.print", prelude::print),
    sync!("Prelude.println", prelude::println),
    sync!("Prelude.default", prelude::default),
    // IO
    raw!("IO.read_line", io::read_line),
    sync!("IO.eprintln", io::eprintln),
    // Env
    sync!("Env.get", env::get),
    sync!("Env.args", env::args),
    // File
    raw!("File.read", file::read),
    raw!("File.write", file::write),
    raw!("File.append", file::append),
    raw!("File.exists", file::exists),
    raw!("File.delete", file::delete),
    // String
    sync!("String.length", string::length),
    sync!("String.slice", string::slice),
    sync!("String.contains", string::contains),
    sync!("String.starts_with", string::starts_with),
    sync!("String.ends_with", string::ends_with),
    sync!("String.trim", string::trim),
    sync!("String.to_upper", string::to_upper),
    sync!("String.to_lower", string::to_lower),
    sync!("String.replace", string::replace),
    sync!("String.split", string::split),
    sync!("String.join", string::join),
    sync!("String.to_int", string::to_int),
    sync!("String.to_float", string::to_float),
    sync!("String.from", string::from),
    // Int, Float, Math
    sync!("Int.to_float", int::to_float),
    sync!("Float.to_int", float::to_int),
    sync!("Float.from", float::from),
    sync!("Math.abs", math::abs),
    sync!("Math.pow", math::pow),
    sync!("Math.sqrt", math::sqrt),
    sync!("Math.floor", math::floor),
    sync!("Math.ceil", math::ceil),
    sync!("Math.round", math::round),
    // List
    sync!("List.new", list::new),
    sync!("List.length", list::length),
    sync!("List.append", list::append),
    sync!("List.head", list::head),
    sync!("List.tail", list::tail),
    sync!("List.get", list::get),
    sync!("List.nth", list::get),
    sync!("List.last", list::last),
    sync!("List.concat", list::concat),
    sync!("List.reverse", list::reverse),
    sync!("List.contains", list::contains),
    sync!("List.zip", list::zip),
    sync!("List.flatten", list::flatten),
    sync!("List.enumerate", list::enumerate),
    sync!("List.take", list::take),
    sync!("List.drop", list::drop),
    // Map
    sync!("Map.new", map::new),
    sync!("Map.put", map::put),
    sync!("Map.get", map::get),
    sync!("Map.fetch", map::fetch),
    sync!("Map.has_key", map::has_key),
    sync!("Map.delete", map::delete),
    sync!("Map.size", map::size),
    sync!("Map.keys", map::keys),
    sync!("Map.values", map::values),
    sync!("Map.merge", map::merge),
    sync!("Map.to_list", map::to_list),
    sync!("Map.from_list", map::from_list),
    // Set
    sync!("Set.new", set::new),
    sync!("Set.add", set::add),
    sync!("Set.remove", set::remove),
    sync!("Set.contains", set::contains),
    sync!("Set.size", set::size),
    sync!("Set.union", set::union),
    sync!("Set.intersection", set::intersection),
    sync!("Set.difference", set::difference),
    sync!("Set.to_list", set::to_list),
    sync!("Set.from_list", set::from_list),
    // Queue
    sync!("Queue.new", queue::new),
    sync!("Queue.push", queue::push),
    sync!("Queue.pop", queue::pop),
    sync!("Queue.peek", queue::peek),
    sync!("Queue.size", queue::size),
    sync!("Queue.is_empty", queue::is_empty),
    // Iter (private helpers of std/iter.mpl, which must not depend on List)
    sync!("Iter.__list_length", list::length),
    sync!("Iter.__list_get", list::get),
    // Json
    sync!("Json.parse", json::parse),
    sync!("Json.encode", json::encode),
    sync!("Json.encode_string", json::encode_string),
    sync!("Json.encode_int", json::encode_int),
    sync!("Json.encode_bool", json::encode_bool),
    sync!("Json.encode_map", json::encode_map),
    sync!("Json.encode_list", json::encode_list),
    sync!("Json.get", json::get),
    sync!("Json.get_nested", json::get_nested),
    sync!("Json.__decode", json::decode),
    sync!("Json.__to_json", json::encode),
    // Row
    sync!("Row.__decode", row::decode),
    sync!("Row.__decode_typed", row::decode_typed),
    // Pg
    raw!("Pg.connect", db::pg::pg_connect),
    raw!("Pg.close", db::pg::pg_close),
    raw!("Pg.query", db::pg::pg_query),
    raw!("Pg.execute", db::pg::pg_execute),
    raw!("Pg.fetch", db::pg::pg_fetch),
    raw!("Pg.exec", db::pg::pg_exec),
    raw!("Pg.batch", db::pg::pg_batch),
    raw!("Pg.begin", db::pg::pg_begin),
    raw!("Pg.commit", db::pg::pg_commit),
    raw!("Pg.rollback", db::pg::pg_rollback),
    sync!("Pg.tls_mode", db::pg::pg_tls_mode),
    // Pool
    raw!("Pool.open", db::pg::pool_open),
    sync!("Pool.close", db::pg::pool_close),
    raw!("Pool.checkout", db::pg::pool_checkout),
    raw!("Pool.checkin", db::pg::pool_checkin),
    raw!("Pool.query", db::pg::pool_query),
    raw!("Pool.execute", db::pg::pool_execute),
    raw!("Pool.fetch", db::pg::pool_fetch),
    raw!("Pool.exec", db::pg::pool_exec),
    raw!("Pool.batch", db::pg::pool_batch),
    // Sql
    sync!("Sql.describe", db::pg::sql_describe),
    sync!("Sql.tab_record", db::pg::sql_tab_record),
    sync!("Sql.error_from", db::pg::sql_error_from),
    // Query
    sync!("Query.from", db::query::from),
    sync!("Query.where", db::query::where_eq),
    sync!("Query.where_op", db::query::where_op),
    sync!("Query.where_in", db::query::where_in),
    sync!("Query.where_null", db::query::where_null),
    sync!("Query.where_not_null", db::query::where_not_null),
    sync!("Query.where_raw", db::query::where_raw),
    sync!("Query.select", db::query::select),
    sync!("Query.select_raw", db::query::select_raw),
    sync!("Query.order_by", db::query::order_by),
    sync!("Query.limit", db::query::limit),
    sync!("Query.offset", db::query::offset),
    sync!("Query.join", db::query::join),
    sync!("Query.group_by", db::query::group_by),
    sync!("Query.having", db::query::having),
    sync!("Query.fragment", db::query::fragment),
    sync!("Query.table", db::query::table),
    sync!("Query.to_sql", db::query::to_sql),
    sync!("Query.field", db::query::field),
    sync!("Query.params", db::query::params),
    sync!("Query.__one_sql", db::query::one_sql),
    sync!("Query.__count_sql", db::query::count_sql),
    sync!("Query.__exists_sql", db::query::exists_sql),
    sync!("Query.__where_sql", db::query::where_sql),
    sync!("Query.__where_params", db::query::where_params),
    // Orm
    sync!("Orm.build_select", db::orm::build_select),
    sync!("Orm.build_insert", db::orm::build_insert),
    sync!("Orm.build_update", db::orm::build_update),
    sync!("Orm.build_delete", db::orm::build_delete),
    // Changeset
    sync!("Changeset.cast", db::changeset::cast),
    sync!("Changeset.cast_with_types", db::changeset::cast_with_types),
    sync!(
        "Changeset.validate_required",
        db::changeset::validate_required
    ),
    sync!("Changeset.validate_length", db::changeset::validate_length),
    sync!("Changeset.validate_format", db::changeset::validate_format),
    sync!(
        "Changeset.validate_inclusion",
        db::changeset::validate_inclusion
    ),
    sync!("Changeset.validate_bounds", db::changeset::validate_bounds),
    sync!("Changeset.valid", db::changeset::valid),
    sync!("Changeset.errors", db::changeset::errors),
    sync!("Changeset.changes", db::changeset::changes),
    sync!("Changeset.data", db::changeset::data),
    sync!("Changeset.get_change", db::changeset::get_change),
    sync!("Changeset.get_error", db::changeset::get_error),
    sync!("Changeset.add_error", db::changeset::add_error),
    sync!("Changeset.add_db_error", db::changeset::add_db_error),
    // Migration (statement builders; std/migration.mpl runs them)
    sync!("Migration.create_table_sql", db::ddl::create_table),
    sync!(
        "Migration.create_partitioned_table_sql",
        db::ddl::create_partitioned_table
    ),
    sync!("Migration.create_partition_sql", db::ddl::create_partition),
    sync!("Migration.drop_table_sql", db::ddl::drop_table),
    sync!("Migration.add_column_sql", db::ddl::add_column),
    sync!("Migration.drop_column_sql", db::ddl::drop_column),
    sync!("Migration.rename_column_sql", db::ddl::rename_column),
    sync!("Migration.create_index_sql", db::ddl::create_index),
    sync!("Migration.drop_index_sql", db::ddl::drop_index),
    sync!("Migration.drop_index_named_sql", db::ddl::drop_index_named),
    sync!("Migration.add_foreign_key_sql", db::ddl::add_foreign_key),
    sync!("Migration.drop_foreign_key_sql", db::ddl::drop_foreign_key),
    sync!(
        "Migration.alter_column_type_sql",
        db::ddl::alter_column_type
    ),
    sync!(
        "Migration.alter_column_null_sql",
        db::ddl::alter_column_null
    ),
    sync!(
        "Migration.alter_column_default_sql",
        db::ddl::alter_column_default
    ),
    sync!("Migration.create_extension_sql", db::ddl::create_extension),
    sync!("Migration.drop_extension_sql", db::ddl::drop_extension),
    // Kernel
    sync!("Kernel.hash", kernel::hash),
    // Timer
    sync!("Timer.now_ms", timer::now_ms),
    sync!("Timer.now_us", timer::now_us),
    raw!("Timer.sleep", timer::sleep),
    sync!("Timer.send_after", timer::send_after),
    // Process
    sync!("Process.spawn", process::spawn),
    sync!("Process.send", process::send),
    sync!("Process.self_pid", process::self_pid),
    sync!("Process.link", process::link),
    sync!("Process.on_exit", process::on_exit),
    sync!("Process.register", process::register),
    sync!("Process.whereis", process::whereis),
    sync!("Process.lookup", process::lookup),
    sync!("Process.unregister", process::unregister),
    sync!("Process.monitor", process::monitor),
    sync!("Process.demonitor", process::demonitor),
    sync!("Process.trap_exit", process::trap_exit),
    raw!("Process.stop", process::stop),
    sync!("Process.alive", process::alive),
    raw!("Process.exit", process::exit),
    // Service
    raw!("Service.call", service::call),
    sync!("Service.cast", service::cast),
    sync!("Service.reply", service::reply),
    // Job
    sync!("Job.async", job::spawn_job),
    raw!("Job.await", job::await_job),
    raw!("Job.await_timeout", job::await_timeout),
    // HTTP
    sync!("HTTP.router", http::router),
    sync!("HTTP.route", http::route),
    sync!("HTTP.route_method", http::route_method),
    sync!("HTTP.use", http::use_middleware),
    sync!("HTTP.max_body_size", http::max_body_size),
    sync!("HTTP.request_timeout", http::request_timeout),
    sync!("HTTP.response", http::response),
    sync!("HTTP.response_with_headers", http::response_with_headers),
    sync!("HTTP.status", http::status),
    sync!("HTTP.body", http::body),
    sync!("HTTP.header", http::header),
    sync!("HTTP.with_header", http::with_header),
    raw!("HTTP.serve_with", http::serve_with),
    raw!("HTTP.get", http::get),
    raw!("HTTP.post", http::post),
    raw!("HTTP.send_request", http::send_request),
    // Request
    sync!("Request.method", request::method),
    sync!("Request.path", request::path),
    sync!("Request.body", request::body),
    sync!("Request.header", request::header),
    sync!("Request.headers", request::headers),
    sync!("Request.query", request::query),
    sync!("Request.param", request::param),
    // Ws
    sync!("Ws.send", ws::send),
    sync!("Ws.send_binary", ws::send_binary),
    sync!("Ws.close", ws::close),
    sync!("Ws.join", ws::join),
    sync!("Ws.leave", ws::leave),
    sync!("Ws.broadcast", ws::broadcast),
    sync!("Ws.broadcast_except", ws::broadcast_except),
    sync!("Ws.room_size", ws::room_size),
    sync!("Ws.start", ws::start),
    raw!("Ws.next", ws::next),
];

/// The native named `name` (`"String.length"`), if the runtime provides it.
pub fn native(name: &str) -> Option<NativeFn> {
    NATIVES.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The names of all natives the runtime provides.
pub fn names() -> impl Iterator<Item = &'static str> {
    NATIVES.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn names_are_unique() {
        let mut seen = BTreeSet::new();
        for n in names() {
            assert!(seen.insert(n), "duplicate native {n}");
        }
    }

    #[test]
    fn lookup_by_name() {
        assert!(native("String.length").is_some());
        assert!(native("String.nope").is_none());
    }

    #[test]
    fn errors_name_the_native_called() {
        let f = native("List.nth").unwrap_or_else(|| panic!("List.nth is registered"));
        let mut ctx = crate::natives::testing::ctx();
        let mut args = [Value::list([]), Value::Int(0)];
        match f(&mut ctx, &mut args) {
            NativeResult::Error(e) => {
                assert_eq!(e, "List.nth: index 0 out of range for list of length 0")
            }
            _ => panic!("expected an error"),
        }
    }

    /// Every `extern fn` of `std/*.mpl`, as qualified native names.
    fn declared_externs() -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../std");
        let mut out = BTreeSet::new();
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().and_then(|e| e.to_str()) == Some("mpl"));
        files.sort();
        assert!(!files.is_empty(), "no std sources in {}", dir.display());
        for path in files {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let module = mesh_check::stdlib::module_name(stem);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            for line in text.lines() {
                let rest = line.strip_prefix("pub ").unwrap_or(line);
                if let Some(decl) = rest.strip_prefix("extern fn ") {
                    let name: String = decl
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    out.insert(format!("{module}.{name}"));
                }
            }
        }
        out
    }

    #[test]
    fn every_std_extern_has_a_native_and_vice_versa() {
        let declared = declared_externs();
        for name in &declared {
            assert!(
                native(name).is_some(),
                "std declares `{name}` but no native exists"
            );
        }
        for name in names() {
            assert!(
                declared.contains(name),
                "native `{name}` is not declared by any std/*.mpl file"
            );
        }
    }
}
