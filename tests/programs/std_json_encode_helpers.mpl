# encode_string/int/bool and encode_map (values as strings, keys sorted) / encode_list.
fn main() do
  println(Json.encode_string("a \"q\" \\ \n"))
  println(Json.encode_int(-5) <> " " <> Json.encode_bool(false))
  println(Json.encode_map(%{"z" => 1, "a" => 2}))
  println(Json.encode_list([1, 2]))
  println(JSON.encode_list(["a"]))
end
