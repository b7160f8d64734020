# The smallest Mesh program: `meshc run examples/hello`.
fn main() do
  println("Hello, Mesh!")
end
