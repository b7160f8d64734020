## Migration: DDL helpers for migration files (stdlib §17.11 and more). Each helper runs one
## statement with `Pool.execute` and returns `Int!String` (0 for DDL); the `*_sql` natives
## give the statement itself. Identifiers are double-quoted; types, constraints, defaults
## and predicates are written verbatim.
##
## Column specs are `"name:TYPE:CONSTRAINTS"`, split on the first two colons
## (`"id:UUID:PRIMARY KEY DEFAULT gen_random_uuid()"`, `"age:BIGINT"`); a spec without a
## colon is a table constraint written as is (`"UNIQUE(user_id, org_id)"`).
##
## Index options are `key:value` words, `where:` last: `unique:true`, `using:gin`,
## `name:idx_custom`, `concurrently:true`, `where:deleted_at IS NULL`. Index columns may
## carry a direction or operator class (`"received_at DESC"`, `"tags jsonb_path_ops"`).
## The default index name is `idx_<table>_<col1>_<col2>…` (column names only).

## `CREATE TABLE IF NOT EXISTS "table" (<columns>)`.
pub fn create_table(pool :: PoolHandle, table :: String, columns :: List<String>) -> Int!String = Pool.execute(pool, create_table_sql(table, columns), [])

## `DROP TABLE IF EXISTS "table"`.
pub fn drop_table(pool :: PoolHandle, table :: String) -> Int!String = Pool.execute(pool, drop_table_sql(table), [])

## `ALTER TABLE "table" ADD COLUMN IF NOT EXISTS <column>` (a spec without a colon is
## added verbatim, without `IF NOT EXISTS`).
pub fn add_column(pool :: PoolHandle, table :: String, column :: String) -> Int!String = Pool.execute(pool, add_column_sql(table, column), [])

## `ALTER TABLE "table" DROP COLUMN IF EXISTS "column"`.
pub fn drop_column(pool :: PoolHandle, table :: String, column :: String) -> Int!String = Pool.execute(pool, drop_column_sql(table, column), [])

## `ALTER TABLE "table" RENAME COLUMN "old" TO "new"`.
pub fn rename_column(pool :: PoolHandle, table :: String, old :: String, new :: String) -> Int!String = Pool.execute(pool, rename_column_sql(table, old, new), [])

## `CREATE [UNIQUE] INDEX IF NOT EXISTS "<name>" ON "table" [USING m] (<columns>) [WHERE …]`.
pub fn create_index(pool :: PoolHandle, table :: String, columns :: List<String>, options :: String) -> Int!String = Pool.execute(pool, create_index_sql(table, columns, options), [])

## `DROP INDEX IF EXISTS "idx_<table>_<columns>"` (the default name of `create_index`).
pub fn drop_index(pool :: PoolHandle, table :: String, columns :: List<String>) -> Int!String = Pool.execute(pool, drop_index_sql(table, columns), [])

## `DROP INDEX IF EXISTS "name"`.
pub fn drop_index_named(pool :: PoolHandle, name :: String) -> Int!String = Pool.execute(pool, drop_index_named_sql(name), [])

## Runs `sql` verbatim (one statement).
pub fn execute(pool :: PoolHandle, sql :: String) -> Int!String = Pool.execute(pool, sql, [])

## Adds the foreign key `<table>_<column>_fkey`: `column` references `ref_table(ref_column)`
## with `ON DELETE <on_delete>` (`CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT`,
## `NO ACTION`, or `""` for none).
pub fn add_foreign_key(pool :: PoolHandle, table :: String, column :: String, ref_table :: String, ref_column :: String, on_delete :: String) -> Int!String = Pool.execute(pool, add_foreign_key_sql(table, column, ref_table, ref_column, on_delete), [])

## Drops the foreign key `<table>_<column>_fkey` if it exists.
pub fn drop_foreign_key(pool :: PoolHandle, table :: String, column :: String) -> Int!String = Pool.execute(pool, drop_foreign_key_sql(table, column), [])

## `ALTER TABLE "table" ALTER COLUMN "column" TYPE <type>` (`type` may end with `USING …`).
pub fn alter_column_type(pool :: PoolHandle, table :: String, column :: String, type_sql :: String) -> Int!String = Pool.execute(pool, alter_column_type_sql(table, column, type_sql), [])

## Makes a column nullable (`true`) or NOT NULL (`false`).
pub fn alter_column_null(pool :: PoolHandle, table :: String, column :: String, nullable :: Bool) -> Int!String = Pool.execute(pool, alter_column_null_sql(table, column, nullable), [])

## Sets a column's default expression (`""` drops it).
pub fn alter_column_default(pool :: PoolHandle, table :: String, column :: String, default :: String) -> Int!String = Pool.execute(pool, alter_column_default_sql(table, column, default), [])

## `CREATE EXTENSION IF NOT EXISTS "name"`.
pub fn create_extension(pool :: PoolHandle, name :: String) -> Int!String = Pool.execute(pool, create_extension_sql(name), [])

## `DROP EXTENSION IF EXISTS "name"`.
pub fn drop_extension(pool :: PoolHandle, name :: String) -> Int!String = Pool.execute(pool, drop_extension_sql(name), [])

## A table partitioned by range of `key` (one column, or several separated by commas):
## `CREATE TABLE IF NOT EXISTS "table" (<columns>) PARTITION BY RANGE ("key")`.
pub fn create_partitioned_table(pool :: PoolHandle, table :: String, columns :: List<String>, key :: String) -> Int!String = Pool.execute(pool, create_partitioned_table_sql(table, columns, key), [])

## A range partition of `parent` for values from `from` (inclusive) to `to` (exclusive),
## both written as SQL literals: `CREATE TABLE IF NOT EXISTS "name" PARTITION OF "parent"
## FOR VALUES FROM ('from') TO ('to')`.
pub fn create_partition(pool :: PoolHandle, parent :: String, name :: String, from :: String, to :: String) -> Int!String = Pool.execute(pool, create_partition_sql(parent, name, from, to), [])

## The statement of `create_table`.
pub extern fn create_table_sql(table :: String, columns :: List<String>) -> String
## The statement of `drop_table`.
pub extern fn drop_table_sql(table :: String) -> String
## The statement of `add_column`.
pub extern fn add_column_sql(table :: String, column :: String) -> String
## The statement of `drop_column`.
pub extern fn drop_column_sql(table :: String, column :: String) -> String
## The statement of `rename_column`.
pub extern fn rename_column_sql(table :: String, old :: String, new :: String) -> String
## The statement of `create_index` (a run-time error for an unknown option).
pub extern fn create_index_sql(table :: String, columns :: List<String>, options :: String) -> String
## The statement of `drop_index`.
pub extern fn drop_index_sql(table :: String, columns :: List<String>) -> String
## The statement of `drop_index_named`.
pub extern fn drop_index_named_sql(name :: String) -> String
## The statement of `add_foreign_key` (a run-time error for an unknown action).
pub extern fn add_foreign_key_sql(table :: String, column :: String, ref_table :: String, ref_column :: String, on_delete :: String) -> String
## The statement of `drop_foreign_key`.
pub extern fn drop_foreign_key_sql(table :: String, column :: String) -> String
## The statement of `alter_column_type`.
pub extern fn alter_column_type_sql(table :: String, column :: String, type_sql :: String) -> String
## The statement of `alter_column_null`.
pub extern fn alter_column_null_sql(table :: String, column :: String, nullable :: Bool) -> String
## The statement of `alter_column_default`.
pub extern fn alter_column_default_sql(table :: String, column :: String, default :: String) -> String
## The statement of `create_extension`.
pub extern fn create_extension_sql(name :: String) -> String
## The statement of `drop_extension`.
pub extern fn drop_extension_sql(name :: String) -> String
## The statement of `create_partitioned_table`.
pub extern fn create_partitioned_table_sql(table :: String, columns :: List<String>, key :: String) -> String
## The statement of `create_partition`.
pub extern fn create_partition_sql(parent :: String, name :: String, from :: String, to :: String) -> String
