# Every .mpl file under the program directory is compiled, even if nothing imports it.
fn main() do
  println("main")
end
