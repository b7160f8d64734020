pub fn storage_name() -> String do
  "storage"
end
