# A module nobody imports is still type-checked; its errors stop the build.
fn main() do
  println("never printed")
end
