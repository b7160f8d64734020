pub fn service_name() -> String do
  "services"
end
