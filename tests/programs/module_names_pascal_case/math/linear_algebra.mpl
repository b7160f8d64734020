pub fn name() -> String do
  "Math.LinearAlgebra"
end
