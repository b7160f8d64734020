## Sql: the typed values and the errors of the database layer (`Pg`, `Pool`, `Repo`).
##
## Typed parameters are a `List<SqlValue>` (`SqlNull` is SQL NULL); typed rows (what
## `Pool.fetch` returns) are `Map<String, SqlValue>`, which `deriving(Row)`'s
## `T.from_sql_row(row)` turns into a struct. Int, Float and Bool parameters are sent as
## `int8`, `float8` and `bool`; text is sent untyped, so the server reads it as whatever the
## placeholder needs (a uuid, a timestamp, JSON…). Columns arrive as: SqlInt (int2/4/8),
## SqlFloat (float4/8, numeric), SqlBool, SqlText (text, varchar, uuid, JSON, dates and
## timestamps in RFC 3339, …), SqlNull.
##
## Errors: the typed API (`fetch`, `exec`, `fetch_as`, `Repo.all_as`) returns a `DbError`.
## The string API of the original (`query`, `execute`, `Repo.insert`, …) returns its
## readable line (`describe`), a String; `error_from` turns such a line back into the
## `DbError`, and `tab_record` gives the original's tab-separated record.

## A parameter value or a column value.
pub type SqlValue do
  SqlNull
  SqlInt(Int)
  SqlFloat(Float)
  SqlBool(Bool)
  SqlText(String)
end deriving(Eq, Display, Debug)

## An error of the database layer. `sqlstate` is the five-character SQLSTATE of an error
## reported by PostgreSQL (`23505` for a unique violation), `""` for a client-side error
## (cannot connect, pool closed, a column that cannot be decoded).
pub struct DbError do
  sqlstate :: String
  message :: String
  constraint :: Option<String>
  table :: Option<String>
  column :: Option<String>
  detail :: Option<String>
end deriving(Eq, Debug)

impl Display for DbError do
  fn to_string(self) -> String = describe(self)
end

## The readable one-line form: the message, then the SQLSTATE and the fields that are set,
## e.g. `duplicate key value violates unique constraint "users_email_key" (SQLSTATE 23505;
## table "users"; constraint "users_email_key"; detail "Key (email)=(a@b.c) already
## exists.")`. A client-side error is its bare message.
pub extern fn describe(e :: DbError) -> String

## The original's record: `SQLSTATE \t constraint \t table \t column \t message`.
pub extern fn tab_record(e :: DbError) -> String

## The `DbError` of a readable line (as the string API returns it); a line that is not a
## server error gives a client-side `DbError` with the line as message.
pub extern fn error_from(line :: String) -> DbError

## A client-side `DbError` with `message`.
pub fn client_error(message :: String) -> DbError do
  DbError { sqlstate: "", message: message, constraint: None, table: None, column: None, detail: None }
end

## `SqlText(s)` for `Some(s)`, `SqlNull` for `None`.
pub fn text_or_null(o :: Option<String>) -> SqlValue do
  case o do
    Some(s) -> SqlText(s)
    None -> SqlNull
  end
end

## `SqlInt(n)` for `Some(n)`, `SqlNull` for `None`.
pub fn int_or_null(o :: Option<Int>) -> SqlValue do
  case o do
    Some(n) -> SqlInt(n)
    None -> SqlNull
  end
end
