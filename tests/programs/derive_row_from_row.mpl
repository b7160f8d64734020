# deriving(Row): from_row builds a struct from a Map<String, String>, parsing Int/Float/Bool/Option.
struct Account do
  id :: Int
  name :: String
  balance :: Float
  active :: Bool
  note :: Option<String>
  age :: Option<Int>
end deriving(Row)

fn show(r :: Account!String) -> String do
  case r do
    Ok(a) -> "${a.id} ${a.name} ${a.balance} ${a.active} " <> (case a.note do
      Some(n) -> n
      None -> "-"
    end) <> " " <> (case a.age do
      Some(n) -> "${n}"
      None -> "-"
    end)
    Err(e) -> "Err: " <> e
  end
end

fn main() do
  println(show(Account.from_row(%{"id" => " 7 ", "name" => "ann", "balance" => "2.5", "active" => "T", "note" => "hi", "age" => "3"})))
  println(show(Account.from_row(%{"id" => "8", "name" => "", "balance" => "-Infinity", "active" => "no", "note" => ""})))
  println(show(Account.from_row(%{"id" => "x", "name" => "a", "balance" => "1", "active" => "yes"})))
  println(show(Account.from_row(%{"id" => "1", "balance" => "1", "active" => "yes"})))
  println(show(Account.from_row(%{"id" => "1", "name" => "a", "balance" => "1", "active" => "maybe"})))
end
