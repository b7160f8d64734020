# P38: inline modules are rejected with a clear error.
module Geo do
  pub fn area(w, h) = w * h
end

fn main() do
  println("${Geo.area(2, 3)}")
end
