# An unknown where_op operator is a run-time error naming the accepted ones (the original
# silently used `=`).
fn main() do
  let q = Query.from("users") |> Query.where_op(:age, :bigger, "3")
  println(Query.to_sql(q))
end
