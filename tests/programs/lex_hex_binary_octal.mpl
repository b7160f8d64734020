# Hex, binary and octal literals (any case of the prefix, with `_`) evaluate to their values.
fn main() do
  println("${0xFF}")
  println("${0XfF}")
  println("${0b101}")
  println("${0B1111_0000}")
  println("${0o17}")
  println("${0O7_7}")
  println("${0x7FFF_FFFF_FFFF_FFFF}")
  println("${0x10 + 0b10 + 0o10}")
  println("${0x0}")
end
