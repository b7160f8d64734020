pub fn name() -> String do
  "A.B.C.D"
end
