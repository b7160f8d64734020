pub fn name() -> String do
  "Tools.Main"
end
