pub fn name() -> String do
  "Ingestion.WsHandler"
end
