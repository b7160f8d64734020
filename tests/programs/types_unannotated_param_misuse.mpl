# An unannotated parameter inferred as List<String> rejects an Int argument.
fn to_csv(items) do
  String.join(items, ",")
end

fn main() do
  println(to_csv(5))
end
