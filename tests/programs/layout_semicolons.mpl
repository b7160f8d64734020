# `;` separates statements like a newline; several separators in a row are one.
fn main() do
  let a = 1; let b = 2;; println("${a + b}")
  ;
  println("done");
end
