# An integer literal outside the 64-bit range is a compile-time error (REC §1.6).
fn main() do
  let a = 9223372036854775808
  let b = 0x1_0000_0000_0000_0000
  println("${a} ${b}")
end
