# Changeset casting and validation (stdlib §17.9): first error per field wins, validators
# never short-circuit, lengths count characters, formats are regular expressions.
fn show(cs :: Changeset) do
  println("valid=${Changeset.valid(cs)} changes=${Changeset.changes(cs)} errors=${Changeset.errors(cs)}")
end

fn main() do
  let data = %{"name" => "Ann", "email" => ""}
  let params = %{"name" => "Zoë", "email" => "zoe@example", "age" => " 42 ", "score" => "2.0", "admin" => "Yes", "role" => "owner", "hack" => "x"}
  let cs = Changeset.cast(data, params, [:name, :email, :age, :role])
  show(cs)
  show(Changeset.cast_with_types(data, params, [:age, :score, :admin], ["age:BIGINT", "score:DOUBLE PRECISION", "admin:BOOLEAN"]))
  show(Changeset.cast_with_types(data, %{"age" => "old"}, [:age], ["age:BIGINT"]))
  show(cs |> Changeset.validate_required([:name, :email, :missing]))
  show(Changeset.cast(data, Map.new(), []) |> Changeset.validate_required([:name, :email]))
  show(cs |> Changeset.validate_length(:name, 4, -1) |> Changeset.validate_length(:name, -1, 1))
  show(cs |> Changeset.validate_length(:name, 3, 3))
  show(cs |> Changeset.validate_format(:email, "^[^@]+@[^@]+\\.[a-z]+$"))
  show(cs |> Changeset.validate_format(:name, "^Z"))
  show(cs |> Changeset.validate_inclusion(:role, ["admin", "member"]))
  show(cs |> Changeset.validate_number(:age, 50, -1, -1, -1))
  show(cs |> Changeset.validate_number(:age, -1, 40, -1, -1))
  show(cs |> Changeset.validate_bounds(:age, None, None, Some(-5), Some(42)))
  show(cs |> Changeset.validate_number(:name, -1, -1, -1, -1))
  let bad = cs |> Changeset.add_error(:name, "first") |> Changeset.add_error(:name, "second")
  println(Changeset.get_error(bad, :name) <> "|" <> Changeset.get_error(bad, :email) <> "|" <> Changeset.get_change(bad, :age) <> "|" <> Changeset.get_change(bad, :nope) <> "|")
  println("${Changeset.data(cs)}")
  show(cs |> Changeset.add_db_error("duplicate key value violates unique constraint \"users_email_key\" (SQLSTATE 23505; table \"users\"; constraint \"users_email_key\")"))
  show(cs |> Changeset.add_db_error("null value in column \"role\" violates not-null constraint (SQLSTATE 23502; table \"users\"; column \"role\")"))
  show(cs |> Changeset.add_db_error("connection is closed"))
end
