pub fn shout(s :: String) -> String do
  s <> "!"
end
