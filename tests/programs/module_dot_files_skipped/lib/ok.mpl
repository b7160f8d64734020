pub fn ok() -> String do
  "ok"
end
