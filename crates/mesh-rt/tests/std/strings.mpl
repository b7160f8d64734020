# String natives as programs see them.

fn main() do
  println("length: ${String.length("café")} ${String.length("")}")
  println("slice: [${String.slice("hello", 1, 3)}] [${String.slice("héllo", -2, 2)}] [${String.slice("hello", 4, 2)}] [${String.slice("hello", 3, 99)}]")
  println("contains: ${String.contains("hello", "ell")} ${String.contains("hello", "")} starts: ${String.starts_with("hello", "he")} ends: ${String.ends_with("hello", "lo")}")
  println("trim: [${String.trim("  a b \n")}] upper: ${String.to_upper("straße")} lower: ${String.to_lower("ÀB")}")
  println("replace: ${String.replace("a-b-c", "-", "+")} ${String.replace("abc", "", "-")}")
  println("split: ${String.split("a,,b", ",")} ${List.length(String.split("", ","))} ${String.split("abc", "")}")
  println("join: ${String.join(["a", "b", "c"], ", ")}")
  println("to_int: ${String.to_int(" 42 ")} ${String.to_int("+5")} ${String.to_int("-7")} ${String.to_int("12a")} ${String.to_int("9223372036854775808")}")
  println("to_float: ${String.to_float("1.5")} ${String.to_float("1e3")} ${String.to_float("inf")} ${String.to_float("NaN")} ${String.to_float("x")}")
  println("from: ${String.from(42)} ${String.from(3.0)} ${String.from(95.5)} ${String.from(true)} ${String.from("same")} ${String.from([1, 2])}")
  println("env args: ${Env.args()} missing var: ${Env.get("MESH_SURELY_UNSET_VARIABLE")}")
end
