# The WebSocket broadcast benchmark's Mesh server (bench/compare.py, group `http`): every
# client joins room "all"; a message `burst:N` broadcasts N messages to the room.

fn on_connect(conn :: Int, _path :: String, _headers :: Map<String, String>) -> Int do
  Ws.join(conn, "all")
  Ws.send(conn, "joined")
  conn
end

fn burst(i :: Int, n :: Int, payload :: String) -> Int do
  if i == n do
    0
  else
    Ws.broadcast("all", payload)
    burst(i + 1, n, payload)
  end
end

fn on_message(_conn :: Int, text :: String) -> () do
  if String.starts_with(text, "burst:") do
    let n = case String.to_int(String.slice(text, 6, String.length(text))) do
      Some(k) -> k
      None -> 0
    end
    burst(0, n, "{\"type\":\"event\",\"issue_id\":\"3f1c2a9e-8d4b-4c55-9a7e-1b2c3d4e5f60\",\"level\":\"error\"}")
    ()
  else
    ()
  end
end

fn on_close(_conn :: Int, _code :: Int, _reason :: String) -> () do
  ()
end

fn main() do
  let port = case Env.get("PORT") do
    Some(p) -> case String.to_int(p) do
      Some(n) -> n
      None -> 8081
    end
    None -> 8081
  end
  Ws.serve(on_connect, on_message, on_close, port)
end
